//! Assistance notices, scoped by caller: the bureau and the procuratorate
//! see all; an office the notices about its people; a committee's agency
//! staff those addressed to it; NGOs none.

use entity::assistance_notice::{self, Entity as Notices};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::roles::Role,
    error::ApiError,
    store::page::{self, PageRequest},
};

fn visible(caller: &UserCaller) -> Condition {
    match caller.role {
        Role::Admin | Role::Officer | Role::Auditor => Condition::all(),
        Role::OfficeStaff => {
            Condition::all().add(assistance_notice::Column::OfficeId.eq(caller.org_id))
        }
        Role::AgencyStaff => {
            Condition::all().add(assistance_notice::Column::CommitteeId.eq(caller.org_id))
        }
        Role::NgoAdmin | Role::NgoStaff => {
            Condition::all().add(assistance_notice::Column::Id.is_null())
        }
    }
}

/// The next number of a bureau's year (1-based).
pub async fn next_seq<C: ConnectionTrait>(
    conn: &C,
    bureau: Uuid,
    year: i32,
) -> Result<i64, ApiError> {
    let max: Option<Option<i64>> = Notices::find()
        .select_only()
        .column_as(assistance_notice::Column::Seq.max(), "m")
        .filter(assistance_notice::Column::BureauId.eq(bureau))
        .filter(assistance_notice::Column::Year.eq(year))
        .into_tuple()
        .one(conn)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: assistance_notice::Model,
) -> Result<assistance_notice::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// A notice the caller sees (404 otherwise).
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<assistance_notice::Model, ApiError> {
    Notices::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// List filters.
#[derive(Default)]
pub struct NoticeFilter {
    pub participant_id: Option<Uuid>,
    pub status: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: NoticeFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<assistance_notice::Model>, Option<String>), ApiError> {
    let mut q = Notices::find().filter(visible(caller));
    if let Some(p) = f.participant_id {
        q = q.filter(assistance_notice::Column::ParticipantId.eq(p));
    }
    if let Some(s) = f.status {
        q = q.filter(assistance_notice::Column::Status.eq(s));
    }
    page::fetch(conn, q, assistance_notice::Column::Id, page, |m| m.id).await
}

/// Saves a changed notice, bumping `version` (412 if it changed meanwhile).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: assistance_notice::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<assistance_notice::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Notices::update(m.into_active_model().reset_all())
        .validate()?
        .filter(assistance_notice::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// Notices still unacknowledged that were sent before `before` (unscoped: for the reminder job).
pub async fn unacknowledged_since<C: ConnectionTrait>(
    conn: &C,
    before: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<assistance_notice::Model>, ApiError> {
    Ok(Notices::find()
        .filter(assistance_notice::Column::Status.eq("sent"))
        .filter(assistance_notice::Column::CreatedAt.lt(before))
        .all(conn)
        .await?)
}
