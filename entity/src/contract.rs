//! `contracts`: purchase-of-service contracts.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contracts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub bureau_id: Uuid,
    #[sea_orm(unique)]
    pub contract_no: String,
    pub year: i32,
    pub seq: i64,
    pub title: String,
    pub procurement_id: Option<Uuid>,
    pub bid_id: Option<Uuid>,
    pub ngo_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub categories: String,
    pub amount_fen: i64,
    pub original_amount_fen: i64,
    pub start_date: Date,
    pub end_date: Date,
    pub multi_year: bool,
    pub multi_year_reason: Option<String>,
    /// JSON array of `{metric, target, weight}`.
    #[sea_orm(column_type = "Text")]
    pub kpis: String,
    /// JSON array of `{min_score, percent}`.
    #[sea_orm(column_type = "Text")]
    pub payment_rule: String,
    pub status: String,
    pub awarded_at: Option<DateTimeUtc>,
    pub signed_at: Option<DateTimeUtc>,
    pub status_reason: Option<String>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
