//! `alerts`: early warnings routed to a person's judicial office.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub participant_id: Uuid,
    pub office_id: Uuid,
    pub kind: String,
    pub period: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub status: String,
    pub raised_by_org: Option<Uuid>,
    pub raised_by: Option<Uuid>,
    pub agency_id: Option<Uuid>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
