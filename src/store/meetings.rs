//! Joint meetings, their members, agenda items and tasks, scoped by caller:
//! the bureau and the procuratorate see every meeting; any other
//! organisation only the meetings it takes part in. Tasks through
//! `GET /tasks`: the bureau and the procuratorate all, others those they own.

use std::collections::HashMap;

use entity::{
    meeting::{self, Entity as Meetings},
    meeting_item::{self, Entity as Items},
    meeting_member::{self, Entity as Members},
    meeting_task::{self, Entity as Tasks},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, sea_query::Query,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::roles::Role,
    error::ApiError,
    store::page::{self, PageRequest},
};

fn sees_all(caller: &UserCaller) -> bool {
    matches!(caller.role, Role::Admin | Role::Officer | Role::Auditor)
}

fn meetings_visible(caller: &UserCaller) -> Condition {
    if sees_all(caller) {
        return Condition::all();
    }
    let mine = Query::select()
        .column(meeting_member::Column::MeetingId)
        .from(Members)
        .and_where(meeting_member::Column::OrganizationId.eq(caller.org_id))
        .to_owned();
    Condition::all().add(meeting::Column::Id.in_subquery(mine))
}

fn tasks_visible(caller: &UserCaller) -> Condition {
    if sees_all(caller) {
        Condition::all()
    } else {
        Condition::all().add(meeting_task::Column::OwnerId.eq(caller.org_id))
    }
}

/// Inserts a meeting and the organisations taking part.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: meeting::Model,
    members: &[Uuid],
) -> Result<meeting::Model, ApiError> {
    let m = m.into_active_model().reset_all().insert(conn).await?;
    let rows = members.iter().map(|o| {
        meeting_member::Model {
            meeting_id: m.id,
            organization_id: *o,
        }
        .into_active_model()
    });
    Members::insert_many(rows).exec(conn).await?;
    Ok(m)
}

/// A meeting the caller sees (404 otherwise).
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<meeting::Model, ApiError> {
    Meetings::find_by_id(id)
        .filter(meetings_visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// List filters.
#[derive(Default)]
pub struct MeetingFilter {
    pub status: Option<String>,
    pub level: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: MeetingFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<meeting::Model>, Option<String>), ApiError> {
    let mut q = Meetings::find().filter(meetings_visible(caller));
    if let Some(s) = f.status {
        q = q.filter(meeting::Column::Status.eq(s));
    }
    if let Some(l) = f.level {
        q = q.filter(meeting::Column::Level.eq(l));
    }
    page::fetch(conn, q, meeting::Column::Id, page, |m| m.id).await
}

/// The organisations taking part, per meeting.
pub async fn members_of<C: ConnectionTrait>(
    conn: &C,
    meetings: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Uuid>>, ApiError> {
    let mut out: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    if meetings.is_empty() {
        return Ok(out);
    }
    let rows = Members::find()
        .filter(meeting_member::Column::MeetingId.is_in(meetings.to_vec()))
        .order_by_asc(meeting_member::Column::OrganizationId)
        .all(conn)
        .await?;
    for r in rows {
        out.entry(r.meeting_id).or_default().push(r.organization_id);
    }
    Ok(out)
}

/// Saves a changed meeting, bumping `version` (412 if it changed meanwhile).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: meeting::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<meeting::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Meetings::update(m.into_active_model().reset_all())
        .validate()?
        .filter(meeting::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

pub async fn insert_item<C: ConnectionTrait>(
    conn: &C,
    m: meeting_item::Model,
) -> Result<meeting_item::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// A meeting's agenda items, oldest first (by id: UUIDv7).
pub async fn items<C: ConnectionTrait>(
    conn: &C,
    meeting_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<meeting_item::Model>, Option<String>), ApiError> {
    let q = Items::find().filter(meeting_item::Column::MeetingId.eq(meeting_id));
    page::fetch(conn, q, meeting_item::Column::Id, page, |m| m.id).await
}

/// An item of this meeting, if it is one.
pub async fn item_of<C: ConnectionTrait>(
    conn: &C,
    meeting_id: Uuid,
    item_id: Uuid,
) -> Result<Option<meeting_item::Model>, ApiError> {
    Ok(Items::find_by_id(item_id)
        .filter(meeting_item::Column::MeetingId.eq(meeting_id))
        .one(conn)
        .await?)
}

pub async fn insert_task<C: ConnectionTrait>(
    conn: &C,
    m: meeting_task::Model,
) -> Result<meeting_task::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// A meeting's tasks (every participant of the meeting sees them).
pub async fn tasks_of<C: ConnectionTrait>(
    conn: &C,
    meeting_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<meeting_task::Model>, Option<String>), ApiError> {
    let q = Tasks::find().filter(meeting_task::Column::MeetingId.eq(meeting_id));
    page::fetch(conn, q, meeting_task::Column::Id, page, |m| m.id).await
}

/// Task list filters; `overdue_before`: open tasks due before that day.
#[derive(Default)]
pub struct TaskFilter {
    pub status: Option<String>,
    pub overdue_before: Option<chrono::NaiveDate>,
}

/// The tasks the caller's organisation owns (all, for the bureau and the procuratorate).
pub async fn tasks<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: TaskFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<meeting_task::Model>, Option<String>), ApiError> {
    let mut q = Tasks::find().filter(tasks_visible(caller));
    if let Some(s) = f.status {
        q = q.filter(meeting_task::Column::Status.eq(s));
    }
    if let Some(d) = f.overdue_before {
        q = q
            .filter(meeting_task::Column::Status.eq("open"))
            .filter(meeting_task::Column::DueOn.lt(d));
    }
    page::fetch(conn, q, meeting_task::Column::Id, page, |m| m.id).await
}

/// A task the caller's organisation owns (any, for the bureau and the procuratorate); 404 otherwise.
pub async fn get_task<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<meeting_task::Model, ApiError> {
    Tasks::find_by_id(id)
        .filter(tasks_visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Saves a changed task, bumping `version` (412 if it changed meanwhile).
pub async fn save_task<C: ConnectionTrait>(
    conn: &C,
    mut m: meeting_task::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<meeting_task::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Tasks::update(m.into_active_model().reset_all())
        .validate()?
        .filter(meeting_task::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// Open tasks past their day (unscoped: for the reminder job and the statistics).
pub async fn overdue_tasks<C: ConnectionTrait>(
    conn: &C,
    today: chrono::NaiveDate,
) -> Result<Vec<meeting_task::Model>, ApiError> {
    Ok(Tasks::find()
        .filter(meeting_task::Column::Status.eq("open"))
        .filter(meeting_task::Column::DueOn.lt(today))
        .all(conn)
        .await?)
}

/// Open overdue tasks per owning organisation.
pub async fn overdue_by_owner<C: ConnectionTrait>(
    conn: &C,
    today: chrono::NaiveDate,
) -> Result<HashMap<Uuid, i64>, ApiError> {
    let rows: Vec<(Uuid, i64)> = Tasks::find()
        .select_only()
        .column(meeting_task::Column::OwnerId)
        .column_as(meeting_task::Column::Id.count(), "n")
        .filter(meeting_task::Column::Status.eq("open"))
        .filter(meeting_task::Column::DueOn.lt(today))
        .group_by(meeting_task::Column::OwnerId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}
