//! `findings`: the procuratorate's supervision findings (检察监督) addressed
//! to an organisation, with their rectification.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "findings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The bureau the addressed organisation belongs to (the bureau sees it).
    pub bureau_id: Uuid,
    /// The addressed organisation: a judicial office, the bureau or an NGO.
    pub organization_id: Uuid,
    /// participant, session, contract, audit_event or none.
    pub subject_kind: String,
    pub subject_id: Option<Uuid>,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub rectify_by: Date,
    /// open, responded, closed.
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub rectification: Option<String>,
    pub responded_by: Option<Uuid>,
    pub responded_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
