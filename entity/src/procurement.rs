//! `procurements`: procurement projects (政府购买服务) of a bureau.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procurements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub bureau_id: Uuid,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// JSON array of session types.
    #[sea_orm(column_type = "Text")]
    pub categories: String,
    pub budget_fen: i64,
    pub service_start: Date,
    pub service_end: Date,
    pub bid_deadline: DateTimeUtc,
    /// JSON array of `{metric, target, weight}`.
    #[sea_orm(column_type = "Text")]
    pub kpi_template: String,
    /// JSON array of `{name, weight}`.
    #[sea_orm(column_type = "Text")]
    pub criteria: String,
    pub status: String,
    pub awarded_bid_id: Option<Uuid>,
    pub award_reason: Option<String>,
    pub awarded_at: Option<DateTimeUtc>,
    pub contract_id: Option<Uuid>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
