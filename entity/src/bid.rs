//! `bids`: NGO bids on procurements.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bids")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub procurement_id: Uuid,
    pub ngo_id: Uuid,
    pub price_fen: i64,
    #[sea_orm(column_type = "Text")]
    pub proposal: String,
    /// JSON array of `{metric, target}`.
    #[sea_orm(column_type = "Text")]
    pub planned_kpis: String,
    pub status: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
