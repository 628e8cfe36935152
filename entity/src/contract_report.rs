//! `contract_reports`: an NGO's periodic report on a contract; metrics are computed by the server and frozen on acceptance.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contract_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contract_id: Uuid,
    pub ngo_id: Uuid,
    pub period_start: Date,
    pub period_end: Date,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub metrics: String,
    #[sea_orm(column_type = "Text")]
    pub narrative: String,
    #[sea_orm(column_type = "Text")]
    pub comments: Option<String>,
    pub evaluation_id: Option<Uuid>,
    pub created_by: Uuid,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
