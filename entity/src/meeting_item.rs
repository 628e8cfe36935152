//! `meeting_items`: a joint meeting's agenda items with discussion and decision.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub topic: String,
    pub participant_id: Option<Uuid>,
    #[sea_orm(column_type = "Text")]
    pub discussion: String,
    #[sea_orm(column_type = "Text")]
    pub decision: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
