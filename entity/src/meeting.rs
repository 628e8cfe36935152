//! `meetings`: joint meetings (联席会议), county or township.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub bureau_id: Uuid,
    /// county or township.
    pub level: String,
    /// The convening organisation (one of those taking part).
    pub convener_id: Uuid,
    pub title: String,
    pub held_on: Date,
    /// planned, held, closed.
    pub status: String,
    pub held_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
