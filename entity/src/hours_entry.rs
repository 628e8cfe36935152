//! `hours_entries`: the append-only hours ledger. Rows are never updated or
//! deleted; a correction is a reversing entry (`reverses_id`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hours_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub participant_id: Uuid,
    /// `education`, `public_welfare`, `volunteer`.
    pub category: String,
    /// `attendance`, `manual`, `reversal`.
    pub source: String,
    /// Hours × 100; negative for reversals.
    pub hours_x100: i64,
    /// The day the work was done.
    pub date: Date,
    /// The ledger month (`YYYY-MM`) the entry counts in.
    pub month: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub session_id: Option<Uuid>,
    #[sea_orm(unique)]
    pub enrollment_id: Option<Uuid>,
    #[sea_orm(unique)]
    pub reverses_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
