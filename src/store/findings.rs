//! Supervision findings (检察监督), scoped by caller: the bureau and the
//! procuratorate see all; an office or an NGO those addressed to it;
//! agencies none.

use entity::finding::{self, Entity as Findings};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{collaboration::SubjectKind, roles::Role},
    error::ApiError,
    store::page::{self, PageRequest},
};

fn visible(caller: &UserCaller) -> Condition {
    match caller.role {
        Role::Admin | Role::Officer | Role::Auditor => Condition::all(),
        Role::OfficeStaff | Role::NgoAdmin | Role::NgoStaff => {
            Condition::all().add(finding::Column::OrganizationId.eq(caller.org_id))
        }
        Role::AgencyStaff => Condition::all().add(finding::Column::Id.is_null()),
    }
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: finding::Model,
) -> Result<finding::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// A finding the caller sees (404 otherwise).
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<finding::Model, ApiError> {
    Findings::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// List filters; `overdue_before`: open findings whose deadline is before that day.
#[derive(Default)]
pub struct FindingFilter {
    pub status: Option<String>,
    pub organization_id: Option<Uuid>,
    pub overdue_before: Option<chrono::NaiveDate>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: FindingFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<finding::Model>, Option<String>), ApiError> {
    let mut q = Findings::find().filter(visible(caller));
    if let Some(v) = f.status {
        q = q.filter(finding::Column::Status.eq(v));
    }
    if let Some(o) = f.organization_id {
        q = q.filter(finding::Column::OrganizationId.eq(o));
    }
    if let Some(d) = f.overdue_before {
        q = q
            .filter(finding::Column::Status.eq("open"))
            .filter(finding::Column::RectifyBy.lt(d));
    }
    page::fetch(conn, q, finding::Column::Id, page, |m| m.id).await
}

/// Saves a changed finding, bumping `version` (412 if it changed meanwhile).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: finding::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<finding::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Findings::update(m.into_active_model().reset_all())
        .validate()?
        .filter(finding::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// Whether the record a finding is about exists (unscoped: the
/// procuratorate sees everything).
pub async fn subject_exists<C: ConnectionTrait>(
    conn: &C,
    kind: SubjectKind,
    id: Uuid,
) -> Result<bool, ApiError> {
    use entity::{audit_event, contract, participant, session};
    Ok(match kind {
        SubjectKind::Participant => participant::Entity::find_by_id(id)
            .one(conn)
            .await?
            .is_some(),
        SubjectKind::Session => session::Entity::find_by_id(id).one(conn).await?.is_some(),
        SubjectKind::Contract => contract::Entity::find_by_id(id).one(conn).await?.is_some(),
        SubjectKind::AuditEvent => audit_event::Entity::find()
            .filter(audit_event::Column::Id.eq(id))
            .one(conn)
            .await?
            .is_some(),
        SubjectKind::None => false,
    })
}

/// Open findings past their deadline (unscoped: for the reminder job).
pub async fn overdue<C: ConnectionTrait>(
    conn: &C,
    today: chrono::NaiveDate,
) -> Result<Vec<finding::Model>, ApiError> {
    Ok(Findings::find()
        .filter(finding::Column::Status.eq("open"))
        .filter(finding::Column::RectifyBy.lt(today))
        .all(conn)
        .await?)
}

/// Open findings past their deadline per addressed organisation.
pub async fn overdue_by_org<C: ConnectionTrait>(
    conn: &C,
    today: chrono::NaiveDate,
) -> Result<std::collections::HashMap<Uuid, i64>, ApiError> {
    use sea_orm::QuerySelect;
    let rows: Vec<(Uuid, i64)> = Findings::find()
        .select_only()
        .column(finding::Column::OrganizationId)
        .column_as(finding::Column::Id.count(), "n")
        .filter(finding::Column::Status.eq("open"))
        .filter(finding::Column::RectifyBy.lt(today))
        .group_by(finding::Column::OrganizationId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}
