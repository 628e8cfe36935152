//! `correction_plans`: one version of a person's individual correction plan (矫正方案).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "correction_plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub participant_id: Uuid,
    /// 1, 2, … per person; versions are never changed.
    pub version: i32,
    /// The day it takes effect; the plan in effect for a month is the one in effect on its last day.
    pub effective_from: Date,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// Monthly hours ×100 overriding the supervision-level policy (both or neither).
    pub education_x100: Option<i64>,
    pub public_welfare_x100: Option<i64>,
    /// JSON array of `domain::collaboration::SessionGoal`.
    #[sea_orm(column_type = "Text")]
    pub session_goals: String,
    #[sea_orm(column_type = "Text")]
    pub notes: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
