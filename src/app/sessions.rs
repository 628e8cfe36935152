//! Sessions: enrolment (ownership, capacity, overlaps) and taking people
//! off; cancelling (the offices told); closing a started session — outcomes,
//! credited hours, ledger entries, alerts for absences, roll-ups and the
//! audit event — by the NGO, the `close_sessions` job or the demo loader alike.
//!
//! Depends on `domain`, `store`, `app::hours` and `app::alerts`.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use entity::{enrollment, session};

use crate::{
    auth::authz::UserCaller,
    domain::{
        attendance::{Window, finalize},
        contract::ContractStatus,
        session::{Outcome, ParticipantStatus, Schedule, SessionAction, SessionStatus},
    },
    error::{ApiError, ApiResult, FieldError, stored},
    mail,
    state::AppState,
    store::{self, audit, audit::Actor},
};

/// One person's check events of a session as `(is_check_in, at)`, and the
/// source of their first check-in (what closing and the live roster both read).
pub fn checks_of(
    events: &[entity::attendance_event::Model],
    participant: Uuid,
) -> (Vec<(bool, DateTime<Utc>)>, Option<String>) {
    let mine = || {
        events
            .iter()
            .filter(move |ev| ev.participant_id == participant)
    };
    let checks = mine().map(|ev| (ev.kind == "check_in", ev.at)).collect();
    let source = mine()
        .find(|ev| ev.kind == "check_in")
        .map(|ev| ev.source.clone());
    (checks, source)
}

/// Closes a started session: outcomes, credited hours and auto check-outs
/// for every enrolment, ledger entries for the credited hours, status
/// `closed`. The one closing path (the API, the scheduler and the demo use it).
pub async fn finalize_session<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    mut s: entity::session::Model,
    closed_by: Uuid,
    actor: &Actor,
) -> ApiResult<entity::session::Model> {
    let window = Window {
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        credit_hours_x100: s.credit_hours_x100,
        grace_minutes: state.settings.late_grace_minutes,
    };
    let events = store::sessions::events(conn, s.id).await?;
    let mut finalized = Vec::new();
    for mut e in store::sessions::all_enrollments(conn, s.id).await? {
        let (checks, source) = checks_of(&events, e.participant_id);
        let f = finalize(&window, &checks);
        // An office-excused absence (请假) stays excused; whoever came anyway is counted.
        e.outcome = Some(
            if f.outcome == Outcome::NoShow.as_str() && e.excuse_reason.is_some() {
                Outcome::Excused.as_str()
            } else {
                f.outcome
            }
            .into(),
        );
        e.check_in_at = f.check_in_at;
        e.check_out_at = f.check_out_at;
        e.hours_x100 = Some(f.hours_x100);
        e.auto_checkout = f.auto_checkout;
        e.source = source;
        finalized.push(store::sessions::save_enrollment(conn, e).await?);
    }
    super::hours::post_attendance(conn, state, &s, &finalized, closed_by).await?;
    super::alerts::after_close(conn, state, actor, &s, &finalized).await?;
    s.status = stored::<SessionStatus>(&s.status)?
        .apply(SessionAction::Close)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?
        .as_str()
        .into();
    let s = store::sessions::save(conn, s, state.clock.now()).await?;
    store::rollups::refresh_session(conn, state.settings.tz(), &s).await?;
    audit::record(
        conn,
        actor,
        "session.close",
        "session",
        Some(s.id.to_string()),
        json!({"enrollments": finalized.len()}),
    )
    .await?;
    Ok(s)
}

/// The `close_sessions` job: sessions still open `HUIGUI_AUTO_CLOSE_AFTER_HOURS`
/// after their end are closed (no-shows marked, hours credited).
pub async fn close_overdue(state: &AppState) -> ApiResult<usize> {
    let cutoff = state.clock.now() - chrono::Duration::hours(state.settings.auto_close_after_hours);
    let actor = Actor::system("job:close_sessions");
    let mut closed = 0;
    for s in store::sessions::ended_before(&state.db.read, cutoff, 100).await? {
        let txn = state.db.begin().await?;
        // Re-read inside the write transaction: another path may have closed it.
        match store::sessions::get_for_ngo(&txn, s.ngo_id, s.id).await? {
            fresh if stored::<SessionStatus>(&fresh.status)? == SessionStatus::Scheduled => {
                finalize_session(&txn, state, fresh, Uuid::nil(), &actor).await?;
                txn.commit().await?;
                closed += 1;
            }
            _ => {}
        }
    }
    Ok(closed)
}

/// Loads a session for an NGO write (own sessions only) in `scheduled` status.
pub async fn scheduled_session<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<session::Model> {
    let s = store::sessions::get(conn, caller, id).await?;
    stored::<SessionStatus>(&s.status)?
        .require_scheduled()
        .map_err(ApiError::InvalidTransition)?;
    Ok(s)
}

/// Cancels a scheduled session of the caller's NGO; each office with people
/// enrolled gets one mail naming how many.
pub async fn cancel<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<session::Model> {
    let mut s = scheduled_session(txn, caller, id).await?;
    s.status = stored::<SessionStatus>(&s.status)?
        .apply(SessionAction::Cancel)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?
        .as_str()
        .into();
    let s = store::sessions::save(txn, s, state.clock.now()).await?;
    let enrolled: Vec<Uuid> = store::sessions::enrolled_ids(txn, s.id)
        .await?
        .into_iter()
        .collect();
    let people = store::participants::by_ids(txn, &enrolled).await?;
    let mut per_office: std::collections::BTreeMap<Uuid, usize> = Default::default();
    for o in people.values().filter_map(|p| p.judicial_office_id) {
        *per_office.entry(o).or_default() += 1;
    }
    let when = s
        .starts_at
        .with_timezone(&state.settings.tz())
        .format("%Y-%m-%d %H:%M")
        .to_string();
    for (office, n) in per_office {
        let to = mail::recipients_of(txn, office).await?;
        let link = mail::link(state, &format!("/api/v1/sessions/{}", s.id));
        let m = mail::templates::session_cancelled(&s.title, &when, n, link);
        mail::enqueue(txn, state, &to, &m).await?;
    }
    let object = Some(s.id.to_string());
    audit::record(txn, actor, "session.cancel", "session", object, json!({})).await?;
    Ok(s)
}

/// Closes a scheduled session of the caller's NGO once it has started.
pub async fn close<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<session::Model> {
    let s = scheduled_session(txn, caller, id).await?;
    if state.clock.now() < s.starts_at {
        return Err(ApiError::InvalidTransition(
            "a session closes only after it started".into(),
        ));
    }
    finalize_session(txn, state, s, caller.user_id, actor).await
}

/// Enrols a person in a scheduled session: offices their own active people,
/// NGOs their volunteers; never twice, never beyond capacity, never into an
/// overlapping session.
pub async fn enroll<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    session_id: Uuid,
    participant_id: Uuid,
) -> ApiResult<enrollment::Model> {
    let s = store::sessions::get(txn, caller, session_id).await?;
    stored::<SessionStatus>(&s.status)?
        .require_scheduled()
        .map_err(ApiError::InvalidTransition)?;
    let p = match store::participants::get(txn, caller, participant_id).await {
        Ok(p) => p,
        Err(ApiError::NotFound) => {
            return Err(ApiError::field(
                "participant_id",
                "no such participant of yours",
            ));
        }
        Err(e) => return Err(e),
    };
    if !store::participants::owns(caller, &p) {
        return Err(ApiError::field(
            "participant_id",
            "offices enrol their own people; NGOs their volunteers",
        ));
    }
    let status: ParticipantStatus = stored(&p.status)?;
    if status != ParticipantStatus::Active {
        return Err(ApiError::Conflict(format!(
            "a {status} participant cannot be enrolled"
        )));
    }
    if store::sessions::find_enrollment(txn, s.id, p.id)
        .await?
        .is_some()
    {
        return Err(ApiError::Conflict("already enrolled".into()));
    }
    if store::sessions::enrollment_count(txn, s.id).await? >= s.capacity as u64 {
        return Err(ApiError::Conflict("the session is full".into()));
    }
    if store::sessions::overlapping(txn, p.id, s.starts_at, s.ends_at, None).await? {
        return Err(ApiError::Conflict(
            "enrolled in an overlapping session".into(),
        ));
    }
    let e = store::sessions::insert_enrollment(
        txn,
        enrollment::Model {
            id: Uuid::now_v7(),
            session_id: s.id,
            participant_id: p.id,
            enrolled_by: caller.user_id,
            outcome: None,
            check_in_at: None,
            check_out_at: None,
            hours_x100: None,
            auto_checkout: false,
            source: None,
            excuse_reason: None,
            excused_by: None,
            excused_at: None,
            satisfaction: None,
            created_at: state.clock.now(),
        },
    )
    .await?;
    let object = Some(s.id.to_string());
    let detail = json!({"participant_id": p.id});
    audit::record(txn, actor, "enrollment.create", "session", object, detail).await?;
    Ok(e)
}

/// Takes a person off a scheduled session: only the person's owner (their
/// office, or the NGO for its volunteer) does (403 for anyone else who sees them).
pub async fn unenroll<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    caller: &UserCaller,
    session_id: Uuid,
    participant_id: Uuid,
) -> ApiResult<()> {
    let s = store::sessions::get(txn, caller, session_id).await?;
    let p = store::participants::get(txn, caller, participant_id).await?;
    let e = store::sessions::find_enrollment(txn, s.id, p.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !store::participants::owns(caller, &p) {
        return Err(ApiError::Forbidden);
    }
    stored::<SessionStatus>(&s.status)?
        .require_scheduled()
        .map_err(ApiError::InvalidTransition)?;
    store::sessions::delete_enrollment(txn, e).await?;
    let object = Some(s.id.to_string());
    let detail = json!({"participant_id": p.id});
    audit::record(txn, actor, "enrollment.delete", "session", object, detail).await?;
    Ok(())
}

/// A session an NGO asks to schedule.
pub struct NewSession {
    pub contract_id: Uuid,
    /// The stored type name (`education`, …).
    pub session_type: String,
    pub title: String,
    pub location: String,
    pub facilitator: String,
    pub schedule: Schedule,
}

/// A new session checked against its contract and its schedule, ready to be written.
pub struct Planned {
    row: session::Model,
}

/// Checks a new session: the contract is the caller's and active and covers
/// the type; the schedule holds together. Returns the row to write and what
/// is wrong, field by field (write only when nothing is).
pub async fn plan<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    caller: &UserCaller,
    new: NewSession,
) -> ApiResult<(Planned, Vec<FieldError>)> {
    let mut wrong = Vec::new();
    match store::contracts::get(conn, caller, new.contract_id).await {
        Ok(c) => {
            let status: ContractStatus = stored(&c.status)?;
            if status != ContractStatus::Active {
                wrong.push(FieldError::new(
                    "contract_id",
                    "sessions run under an active contract",
                ));
            }
            let covered: Vec<String> = serde_json::from_str(&c.categories)
                .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored categories: {e}")))?;
            if !covered.contains(&new.session_type) {
                wrong.push(FieldError::new(
                    "type",
                    "the contract does not cover this session type",
                ));
            }
        }
        Err(ApiError::NotFound) => {
            wrong.push(FieldError::new("contract_id", "no such contract of yours"))
        }
        Err(e) => return Err(e),
    }
    let (stored, broken) = new.schedule.check();
    wrong.extend(broken.into_iter().map(|(f, m)| FieldError::new(f, m)));
    let now = state.clock.now();
    let row = session::Model {
        id: Uuid::now_v7(),
        contract_id: new.contract_id,
        ngo_id: caller.org_id,
        session_type: new.session_type,
        title: new.title,
        starts_at: new.schedule.starts_at,
        ends_at: new.schedule.ends_at,
        location: new.location,
        latitude_e6: stored.point.map(|p| p.0),
        longitude_e6: stored.point.map(|p| p.1),
        radius_m: stored.point.map(|p| p.2),
        capacity: new.schedule.capacity,
        facilitator: new.facilitator,
        credit_hours_x100: stored.credit_hours_x100,
        status: SessionStatus::Scheduled.as_str().into(),
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok((Planned { row }, wrong))
}

/// Writes a planned session and its audit event.
pub async fn schedule<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    planned: Planned,
) -> ApiResult<session::Model> {
    let s = store::sessions::insert(txn, planned.row).await?;
    let detail = json!({"contract_id": s.contract_id, "type": s.session_type});
    audit::record(
        txn,
        actor,
        "session.create",
        "session",
        Some(s.id.to_string()),
        detail,
    )
    .await?;
    Ok(s)
}

/// What is wrong with a new schedule for a scheduled session, field by
/// field: the schedule itself, and a capacity below the enrolments.
pub async fn reschedule_problems<C: ConnectionTrait>(
    conn: &C,
    s: &session::Model,
    schedule: &Schedule,
) -> ApiResult<Vec<FieldError>> {
    let mut wrong: Vec<FieldError> = schedule
        .check()
        .1
        .into_iter()
        .map(|(f, m)| FieldError::new(f, m))
        .collect();
    if (store::sessions::enrollment_count(conn, s.id).await? as i64) > i64::from(schedule.capacity)
    {
        wrong.push(FieldError::new(
            "capacity",
            "is below the number already enrolled",
        ));
    }
    Ok(wrong)
}

/// Saves a scheduled session with its new schedule (checked by
/// [`reschedule_problems`]) and its other edits; new times must leave every
/// enrolled person free of overlaps (409).
pub async fn reschedule<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    mut s: session::Model,
    schedule: Schedule,
) -> ApiResult<session::Model> {
    let moved = schedule.starts_at != s.starts_at || schedule.ends_at != s.ends_at;
    if moved {
        for pid in store::sessions::enrolled_ids(txn, s.id).await? {
            let (from, to) = (schedule.starts_at, schedule.ends_at);
            if store::sessions::overlapping(txn, pid, from, to, Some(s.id)).await? {
                return Err(ApiError::Conflict(
                    "an enrolled person has an overlapping session at the new time".into(),
                ));
            }
        }
    }
    let stored = schedule.check().0;
    s.starts_at = schedule.starts_at;
    s.ends_at = schedule.ends_at;
    s.capacity = schedule.capacity;
    s.credit_hours_x100 = stored.credit_hours_x100;
    s.latitude_e6 = stored.point.map(|p| p.0);
    s.longitude_e6 = stored.point.map(|p| p.1);
    s.radius_m = stored.point.map(|p| p.2);
    let s = store::sessions::save(txn, s, state.clock.now()).await?;
    let detail = json!({"version": s.version});
    audit::record(
        txn,
        actor,
        "session.update",
        "session",
        Some(s.id.to_string()),
        detail,
    )
    .await?;
    Ok(s)
}
