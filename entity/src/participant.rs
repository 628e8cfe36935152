//! `participants`: persons under correction and volunteers. The ID number is stored sealed and keyed-hashed, never in clear.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "participants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: String,
    /// Non-identifying code, shown instead of a minor's name.
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub id_number_sealed: Option<String>,
    pub id_number_hash: Option<String>,
    pub id_number_masked: Option<String>,
    pub gender: Option<String>,
    pub birth_date: Option<Date>,
    pub minor: bool,
    pub phone: Option<String>,
    pub judicial_office_id: Option<Uuid>,
    /// The NGO that registered a volunteer.
    pub ngo_id: Option<Uuid>,
    pub correction_type: Option<String>,
    pub supervision_level: Option<String>,
    pub correction_start: Option<Date>,
    pub correction_end: Option<Date>,
    /// JSON array of strings.
    #[sea_orm(column_type = "Text")]
    pub skills: String,
    pub able_to_work: bool,
    pub medical_needs: bool,
    pub status: String,
    pub status_date: Option<Date>,
    pub status_reason: Option<String>,
    /// The village or residents' committee (an agency) that assists with the person.
    pub village_committee_id: Option<Uuid>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
