//! `bid_scores`: one evaluator's scores for one bid.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bid_scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub bid_id: Uuid,
    pub evaluator_id: Uuid,
    /// JSON array of `{criterion, score}`.
    #[sea_orm(column_type = "Text")]
    pub scores: String,
    /// Σ score × weight (hundredths of a point).
    pub weighted_x100: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
