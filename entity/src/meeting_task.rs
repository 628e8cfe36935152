//! `meeting_tasks`: follow-up work a joint meeting hands to one participating organisation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub item_id: Option<Uuid>,
    pub owner_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub due_on: Date,
    /// open or done.
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub result: Option<String>,
    pub completed_by: Option<Uuid>,
    pub completed_at: Option<DateTimeUtc>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
