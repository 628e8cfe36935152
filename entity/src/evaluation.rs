//! `evaluations`: performance evaluations (绩效评价) of a contract.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contract_id: Uuid,
    pub period_start: Date,
    pub period_end: Date,
    pub score: i32,
    /// JSON array of `{metric, rating, comment?}`.
    #[sea_orm(column_type = "Text")]
    pub kpi_ratings: String,
    #[sea_orm(column_type = "Text")]
    pub comment: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
