//! `requirement_policies`: a bureau's monthly hours per supervision level.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "requirement_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub bureau_id: Uuid,
    pub strict_education_x100: i64,
    pub strict_public_welfare_x100: i64,
    pub ordinary_education_x100: i64,
    pub ordinary_public_welfare_x100: i64,
    pub lenient_education_x100: i64,
    pub lenient_public_welfare_x100: i64,
    /// From this day of the month on, earning below the pro-rata share is `at_risk`.
    pub at_risk_day: i32,
    pub version: i32,
    pub updated_by: Uuid,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
