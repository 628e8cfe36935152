//! `outcomes`: what came of a person's correction or service (certificates, jobs, assessments, commendations, completion, revocation).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcomes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub participant_id: Uuid,
    pub kind: String,
    pub date: Date,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub score_before: Option<i32>,
    pub score_after: Option<i32>,
    pub recorded_by_org: Uuid,
    pub recorded_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
