//! `attendance_events`: append-only check-in and check-out events.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub session_id: Uuid,
    pub participant_id: Uuid,
    #[sea_orm(unique)]
    pub client_event_id: Option<Uuid>,
    pub kind: String,
    /// Device time of the event.
    pub at: DateTimeUtc,
    pub source: String,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
