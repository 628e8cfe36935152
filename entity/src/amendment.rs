//! `amendments`: proposed and decided contract amendments (补充合同).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "amendments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contract_id: Uuid,
    pub reason: String,
    pub amount_fen: Option<i64>,
    pub end_date: Option<Date>,
    #[sea_orm(column_type = "Text", nullable)]
    pub kpis: Option<String>,
    pub status: String,
    pub proposed_by: Uuid,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub decision_note: Option<String>,
    /// JSON snapshot of the contract terms before an approved amendment.
    #[sea_orm(column_type = "Text", nullable)]
    pub before: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
