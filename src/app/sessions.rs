//! Sessions: closing a started session — outcomes, credited hours, ledger
//! entries, alerts for absences, roll-ups and the audit event — by the NGO,
//! the `close_sessions` job or the demo loader alike.
//!
//! Depends on `domain`, `store`, `app::hours` and `app::alerts`.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    domain::{
        attendance::{Window, finalize},
        session::{Outcome, SessionAction, SessionStatus},
    },
    error::{ApiError, ApiResult},
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
    s.status = stored_status(&s.status)?
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
            fresh if stored_status(&fresh.status)? == SessionStatus::Scheduled => {
                finalize_session(&txn, state, fresh, Uuid::nil(), &actor).await?;
                txn.commit().await?;
                closed += 1;
            }
            _ => {}
        }
    }
    Ok(closed)
}

/// A stored session status, read back.
fn stored_status(s: &str) -> ApiResult<SessionStatus> {
    s.parse()
        .map_err(|e: String| ApiError::Internal(anyhow::anyhow!(e)))
}
