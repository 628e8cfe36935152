//! `enrollments`: who is enrolled in a session, and the outcome once it closes.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrollments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub session_id: Uuid,
    pub participant_id: Uuid,
    pub enrolled_by: Uuid,
    pub outcome: Option<String>,
    pub check_in_at: Option<DateTimeUtc>,
    pub check_out_at: Option<DateTimeUtc>,
    /// Hours credited × 100.
    pub hours_x100: Option<i64>,
    pub auto_checkout: bool,
    pub source: Option<String>,
    pub excuse_reason: Option<String>,
    pub excused_by: Option<Uuid>,
    pub excused_at: Option<DateTimeUtc>,
    /// 1–5, from the NGO or the person's partner app.
    pub satisfaction: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
