//! Alerts, discipline records and referrals, scoped by caller: the bureau and
//! the auditor see all; an office its own people's alerts, discipline and the
//! referrals it raised; an NGO the alerts it raised; an agency the alerts
//! escalated to it and the referrals addressed to it.

use entity::{
    alert::{self, Entity as Alerts},
    discipline_record::{self, Entity as Discipline},
    referral::{self, Entity as Referrals},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, sea_query::OnConflict,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::roles::Role,
    error::ApiError,
    store::page::{self, PageRequest},
};

fn alerts_visible(caller: &UserCaller) -> Condition {
    match caller.role {
        Role::Admin | Role::Officer | Role::Auditor => Condition::all(),
        Role::OfficeStaff => Condition::all().add(alert::Column::OfficeId.eq(caller.org_id)),
        Role::NgoAdmin | Role::NgoStaff => {
            Condition::all().add(alert::Column::RaisedByOrg.eq(caller.org_id))
        }
        Role::AgencyStaff => Condition::all()
            .add(alert::Column::AgencyId.eq(caller.org_id))
            .add(alert::Column::Status.is_in(["escalated", "resolved"])),
    }
}

fn referrals_visible(caller: &UserCaller) -> Condition {
    match caller.role {
        Role::Admin | Role::Officer | Role::Auditor => Condition::all(),
        Role::OfficeStaff => Condition::all().add(referral::Column::OfficeId.eq(caller.org_id)),
        Role::AgencyStaff => Condition::all().add(referral::Column::AgencyId.eq(caller.org_id)),
        Role::NgoAdmin | Role::NgoStaff => Condition::all().add(referral::Column::Id.is_null()),
    }
}

/// Inserts an alert unless one exists for the same person, kind and period.
pub async fn insert_alert_once<C: ConnectionTrait>(
    conn: &C,
    m: alert::Model,
) -> Result<Option<alert::Model>, ApiError> {
    let n = Alerts::insert(m.clone().into_active_model())
        .on_conflict(
            OnConflict::columns([
                alert::Column::ParticipantId,
                alert::Column::Kind,
                alert::Column::Period,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok((n == 1).then_some(m))
}

pub async fn get_alert<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<alert::Model, ApiError> {
    Alerts::find_by_id(id)
        .filter(alerts_visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

#[derive(Default)]
pub struct AlertFilter {
    pub status: Option<String>,
    pub participant_id: Option<Uuid>,
    pub kind: Option<String>,
}

pub async fn list_alerts<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: AlertFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<alert::Model>, Option<String>), ApiError> {
    let mut q = Alerts::find().filter(alerts_visible(caller));
    if let Some(v) = f.status {
        q = q.filter(alert::Column::Status.eq(v));
    }
    if let Some(v) = f.participant_id {
        q = q.filter(alert::Column::ParticipantId.eq(v));
    }
    if let Some(v) = f.kind {
        q = q.filter(alert::Column::Kind.eq(v));
    }
    page::fetch(conn, q, alert::Column::Id, page, |m| m.id).await
}

/// Saves an alert, compare-and-set on `version`.
pub async fn save_alert<C: ConnectionTrait>(
    conn: &C,
    mut m: alert::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<alert::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Alerts::update(m.into_active_model().reset_all())
        .validate()?
        .filter(alert::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

pub async fn insert_discipline<C: ConnectionTrait>(
    conn: &C,
    m: discipline_record::Model,
) -> Result<discipline_record::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn discipline_page<C: ConnectionTrait>(
    conn: &C,
    participant_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<discipline_record::Model>, Option<String>), ApiError> {
    let q = Discipline::find().filter(discipline_record::Column::ParticipantId.eq(participant_id));
    page::fetch(conn, q, discipline_record::Column::Id, page, |m| m.id).await
}

/// The kinds of a person's records, by date (then entry order).
pub async fn discipline_kinds<C: ConnectionTrait>(
    conn: &C,
    participant_id: Uuid,
) -> Result<Vec<String>, ApiError> {
    Ok(Discipline::find()
        .select_only()
        .column(discipline_record::Column::Kind)
        .filter(discipline_record::Column::ParticipantId.eq(participant_id))
        .order_by_asc(discipline_record::Column::Date)
        .order_by_asc(discipline_record::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

pub async fn insert_referral<C: ConnectionTrait>(
    conn: &C,
    m: referral::Model,
) -> Result<referral::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn get_referral<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<referral::Model, ApiError> {
    Referrals::find_by_id(id)
        .filter(referrals_visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

#[derive(Default)]
pub struct ReferralFilter {
    pub status: Option<String>,
    pub participant_id: Option<Uuid>,
    /// Open or accepted past `respond_by` (before this day).
    pub overdue_before: Option<chrono::NaiveDate>,
}

pub async fn list_referrals<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: ReferralFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<referral::Model>, Option<String>), ApiError> {
    let mut q = Referrals::find().filter(referrals_visible(caller));
    if let Some(v) = f.status {
        q = q.filter(referral::Column::Status.eq(v));
    }
    if let Some(p) = f.participant_id {
        q = q.filter(referral::Column::ParticipantId.eq(p));
    }
    if let Some(d) = f.overdue_before {
        q = q
            .filter(referral::Column::Status.is_in(["open", "accepted"]))
            .filter(referral::Column::RespondBy.lt(d));
    }
    page::fetch(conn, q, referral::Column::Id, page, |m| m.id).await
}

pub async fn save_referral<C: ConnectionTrait>(
    conn: &C,
    mut m: referral::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<referral::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Referrals::update(m.into_active_model().reset_all())
        .validate()?
        .filter(referral::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// Open or accepted referrals due by `until` (for reminders).
pub async fn referrals_due_by<C: ConnectionTrait>(
    conn: &C,
    until: chrono::NaiveDate,
) -> Result<Vec<referral::Model>, ApiError> {
    Ok(Referrals::find()
        .filter(referral::Column::Status.is_in(["open", "accepted"]))
        .filter(referral::Column::RespondBy.lte(until))
        .order_by_asc(referral::Column::Id)
        .all(conn)
        .await?)
}
