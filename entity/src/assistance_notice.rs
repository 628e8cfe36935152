//! `assistance_notices`: 协助通知 from an office to a person's village committee.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assistance_notices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub bureau_id: Uuid,
    pub office_id: Uuid,
    pub participant_id: Uuid,
    /// The village or residents' committee (an agency) it is addressed to.
    pub committee_id: Uuid,
    pub year: i32,
    pub seq: i64,
    /// `<prefix>-XZ-<year>-<seq>`, unique per bureau.
    pub number: String,
    #[sea_orm(column_type = "Text")]
    pub duties: String,
    /// sent or acknowledged.
    pub status: String,
    pub acknowledged_by: Option<Uuid>,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
