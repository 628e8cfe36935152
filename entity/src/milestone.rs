//! `milestones`: payment milestones of a contract.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestones")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contract_id: Uuid,
    pub name: String,
    pub due_date: Date,
    pub amount_fen: i64,
    pub min_score: i32,
    pub status: String,
    pub evaluation_id: Option<Uuid>,
    pub payable_fen: Option<i64>,
    pub approved_at: Option<DateTimeUtc>,
    pub paid_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
