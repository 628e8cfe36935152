//! `referrals`: assistance referrals from an office to an agency.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referrals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub participant_id: Uuid,
    pub office_id: Uuid,
    pub agency_id: Uuid,
    pub need: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub respond_by: Date,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub response: Option<String>,
    pub responded_by: Option<Uuid>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
