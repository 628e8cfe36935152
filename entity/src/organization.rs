//! `organizations`: the bureau, judicial offices, NGOs, agencies and the procuratorate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: String,
    pub name: String,
    #[sea_orm(unique)]
    pub uscc: String,
    pub parent_id: Option<Uuid>,
    pub township: Option<String>,
    pub contact_email: Option<String>,
    /// For judicial offices: the police station alerts escalate to by default.
    pub police_station_id: Option<Uuid>,
    /// For agencies: township, civil_affairs, police, village_committee,
    /// court, health or political_legal.
    pub agency_type: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
