//! `sessions`: education, training, counseling and public-welfare sessions run by NGOs under a contract.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contract_id: Uuid,
    pub ngo_id: Uuid,
    pub session_type: String,
    pub title: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub location: String,
    /// Latitude/longitude in micro-degrees (integers, no floats in the database).
    pub latitude_e6: Option<i64>,
    pub longitude_e6: Option<i64>,
    pub radius_m: Option<i32>,
    pub capacity: i32,
    pub facilitator: String,
    /// Credit hours × 100.
    pub credit_hours_x100: i64,
    pub status: String,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
