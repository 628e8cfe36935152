//! Alerts (司法预警) raised by the system or by an NGO: one raising path that
//! dedupes by kind and period, mails the person's office and writes the
//! audit event; the checks after a session closes (no-show, repeated
//! absence) and the scheduled ones (month at risk / not met, correction
//! ending).
//!
//! Depends on `domain`, `store` and `mail`; called by the alerts and
//! sessions handlers, `app::sessions` and the jobs.

use chrono::Duration;
use entity::participant;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    app::hours::{Policies, earned_in, owed},
    auth::authz::UserCaller,
    domain::roles::OrgKind,
    domain::{
        care::{AlertAction, AlertKind, AlertStatus, CORRECTION_ENDING_DAYS, REPEATED_ABSENCES},
        hours::{Month, MonthStatus, Owing, Registration, due_month_alerts},
        session::Outcome,
    },
    error::{ApiError, ApiResult, stored},
    mail::{self, templates},
    state::AppState,
    store::{self, audit, audit::Actor},
};

/// Why an alert is raised: its kind, period (the dedupe key with the person),
/// the facts, and for a behaviour concern the NGO and user who reported it.
pub struct Cause {
    pub kind: AlertKind,
    pub period: String,
    pub detail: String,
    pub raised_by: Option<(Uuid, Uuid)>,
}

impl Cause {
    /// A system-raised cause (no reporter).
    pub fn system(kind: AlertKind, period: impl Into<String>, detail: String) -> Self {
        Self {
            kind,
            period: period.into(),
            detail,
            raised_by: None,
        }
    }
}

/// Raises an alert for `p` unless the same kind and period exists; the
/// office gets a mail. Returns the new alert.
pub async fn raise<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    actor: &Actor,
    p: &entity::participant::Model,
    cause: Cause,
) -> ApiResult<Option<entity::alert::Model>> {
    let Cause {
        kind,
        period,
        detail,
        raised_by,
    } = cause;
    let Some(office) = p.judicial_office_id else {
        return Ok(None);
    };
    let now = state.clock.now();
    let Some(a) = store::care::insert_alert_once(
        conn,
        entity::alert::Model {
            id: Uuid::now_v7(),
            participant_id: p.id,
            office_id: office,
            kind: kind.as_str().into(),
            period,
            detail,
            status: AlertStatus::Open.as_str().into(),
            raised_by_org: raised_by.map(|r| r.0),
            raised_by: raised_by.map(|r| r.1),
            agency_id: None,
            note: None,
            version: 1,
            created_at: now,
            updated_at: now,
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let to = mail::recipients_of(conn, office).await?;
    let m = templates::alert(
        kind.as_str(),
        &p.code,
        &a.detail,
        false,
        mail::link(state, &format!("/api/v1/alerts/{}", a.id)),
    );
    mail::enqueue(conn, state, &to, &m).await?;
    audit::record(
        conn,
        actor,
        "alert.raise",
        "alert",
        Some(a.id.to_string()),
        json!({"kind": a.kind, "participant_id": p.id, "period": a.period}),
    )
    .await?;
    Ok(Some(a))
}

/// After a session closes: a `no_show` alert per absent person under
/// correction, and `repeated_absence` once someone has two unexcused
/// absences in the session's month.
pub async fn after_close<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    actor: &Actor,
    session: &entity::session::Model,
    finalized: &[entity::enrollment::Model],
) -> ApiResult<()> {
    let absent: Vec<Uuid> = finalized
        .iter()
        .filter(|e| Outcome::of(e.outcome.as_deref()) == Some(Outcome::NoShow))
        .map(|e| e.participant_id)
        .collect();
    if absent.is_empty() {
        return Ok(());
    }
    let people = store::participants::by_ids(conn, &absent).await?;
    let tz = state.settings.tz();
    let local = session.starts_at.with_timezone(&tz);
    let month = Month::of(local.date_naive());
    let (from, to) = store::rollups::month_bounds(tz, month);
    let counts = store::sessions::no_shows_between(conn, &absent, from, to).await?;
    for pid in absent {
        let Some(p) = people.get(&pid).filter(|p| p.kind == "correction_subject") else {
            continue;
        };
        let date = local.format("%Y-%m-%d").to_string();
        raise(
            conn,
            state,
            actor,
            p,
            Cause::system(
                AlertKind::NoShow,
                session.id.to_string(),
                format!(
                    "未参加“{}”（{date}） / Did not attend \"{}\" on {date}",
                    session.title, session.title
                ),
            ),
        )
        .await?;
        let n = counts.get(&pid).copied().unwrap_or(0);
        if n >= REPEATED_ABSENCES {
            raise(
                conn,
                state,
                actor,
                p,
                Cause::system(
                    AlertKind::RepeatedAbsence,
                    month.to_string(),
                    format!("{month} 无故缺席 {n} 次 / {n} unexcused absences in {month}"),
                ),
            )
            .await?;
        }
    }
    Ok(())
}

/// The `monthly_checks` job: `month_at_risk` for the current month (from
/// the policy's at-risk day on) and `month_not_met` for the previous month.
pub async fn monthly_checks(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    let current = Month::of(today);
    let previous = current.prev();
    let people = store::participants::active_subjects(&state.db.read).await?;
    let earned_now = store::hours::earned_by_participant(&state.db.read, current).await?;
    let earned_prev = store::hours::earned_by_participant(&state.db.read, previous).await?;
    // What each person owes this month and last (a plan may change it between them).
    let subjects: Vec<&participant::Model> = people
        .iter()
        .filter(|p| p.judicial_office_id.is_some())
        .collect();
    let mut policies = Policies::default();
    let owed_now = owed(&state.db.read, &mut policies, &subjects, current).await?;
    let owed_prev = owed(&state.db.read, &mut policies, &subjects, previous).await?;
    // Short write transactions (a slice of people each), so that the job never
    // holds the writer or the audit chain for long.
    let mut txn = state.db.begin().await?;
    let mut in_txn = 0;
    let actor = Actor::system("job:monthly_checks");
    let mut raised = 0;
    for p in subjects {
        let (Some(now), Some(prev)) = (owed_now.get(&p.id), owed_prev.get(&p.id)) else {
            continue;
        };
        in_txn += 1;
        if in_txn == SLICE {
            txn.commit().await?;
            txn = state.db.begin().await?;
            in_txn = 0;
        }
        let person = Registration {
            correction_start: p.correction_start,
            correction_end: p.correction_end,
            registered: p
                .created_at
                .with_timezone(&state.settings.tz())
                .date_naive(),
        };
        let this = Owing {
            required: now.required,
            earned: earned_in(&earned_now, p.id),
        };
        let last = Owing {
            required: prev.required,
            earned: earned_in(&earned_prev, p.id),
        };
        let due = due_month_alerts(&person, this, last, now.at_risk_day, today);
        for (judged, month) in due {
            let cause = match judged {
                MonthStatus::AtRisk => Cause::system(
                    AlertKind::MonthAtRisk,
                    month.to_string(),
                    format!(
                        "{month} 时长低于进度要求 / below the pro-rata hours requirement for {month}"
                    ),
                ),
                _ => Cause::system(
                    AlertKind::MonthNotMet,
                    month.to_string(),
                    format!("{month} 时长未达标 / the hours requirement for {month} was not met"),
                ),
            };
            if raise(&txn, state, &actor, p, cause).await?.is_some() {
                raised += 1;
            }
        }
    }
    txn.commit().await?;
    Ok(raised)
}

/// People per write transaction in the scheduled checks.
const SLICE: usize = 200;

/// The `correction_ending` job: an alert 30 days before the end of correction.
pub async fn correction_ending_checks(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    let until = today + Duration::days(CORRECTION_ENDING_DAYS);
    let txn = state.db.begin().await?;
    let actor = Actor::system("job:correction_ending");
    let mut raised = 0;
    for p in store::participants::active_subjects(&txn).await? {
        let Some(end) = p.correction_end.filter(|e| *e >= today && *e <= until) else {
            continue;
        };
        if raise(
            &txn,
            state,
            &actor,
            &p,
            Cause::system(
                AlertKind::CorrectionEnding,
                end.to_string(),
                format!("矫正期将于 {end} 届满 / correction ends on {end}"),
            ),
        )
        .await?
        .is_some()
        {
            raised += 1;
        }
    }
    txn.commit().await?;
    Ok(raised)
}

/// One handling step of an alert: acknowledge, resolve or escalate, with a
/// note; an escalation names its agency (`Some(None)`: the office's police station).
pub struct Step {
    pub action: AlertAction,
    pub note: Option<String>,
    pub agency: Option<Option<Uuid>>,
}

/// Handles an alert the caller sees: its state machine, the agency an
/// escalation goes to (mailed), the note, the audit event. Returns the alert
/// and its person's code.
pub async fn handle<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    step: Step,
) -> ApiResult<(entity::alert::Model, String)> {
    let mut a = store::care::get_alert(txn, caller, id).await?;
    let from: AlertStatus = stored(&a.status)?;
    let to = from
        .apply(step.action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    let escalated_to = match step.agency {
        Some(requested) => Some(escalation_target(txn, a.office_id, requested).await?),
        None => None,
    };
    if let Some(agency_id) = escalated_to {
        a.agency_id = Some(agency_id);
    }
    a.status = to.as_str().into();
    if step.note.is_some() {
        a.note = step.note;
    }
    let a = store::care::save_alert(txn, a, state.clock.now()).await?;
    let code = store::participants::by_ids(txn, &[a.participant_id])
        .await?
        .remove(&a.participant_id)
        .map(|p| p.code)
        .unwrap_or_default();
    if let Some(agency_id) = escalated_to {
        let to = mail::recipients_of(txn, agency_id).await?;
        let link = mail::link(state, &format!("/api/v1/alerts/{}", a.id));
        let m = templates::alert(&a.kind, &code, &a.detail, true, link);
        mail::enqueue(txn, state, &to, &m).await?;
    }
    let verb = match step.action {
        AlertAction::Acknowledge => "alert.acknowledge",
        AlertAction::Escalate => "alert.escalate",
        AlertAction::Resolve => "alert.resolve",
    };
    let detail = json!({"status": a.status, "agency_id": a.agency_id});
    audit::record(txn, actor, verb, "alert", Some(a.id.to_string()), detail).await?;
    Ok((a, code))
}

/// The agency an escalation goes to: the one asked for, or the office's
/// police station; it must be an agency (422 on `agency_id` otherwise).
async fn escalation_target<C: ConnectionTrait>(
    conn: &C,
    office_id: Uuid,
    requested: Option<Uuid>,
) -> ApiResult<Uuid> {
    let agency_id = match requested {
        Some(id) => id,
        None => store::organizations::find(conn, office_id)
            .await?
            .and_then(|o| o.police_station_id)
            .ok_or_else(|| {
                ApiError::field(
                    "agency_id",
                    "is required: the office has no police station configured",
                )
            })?,
    };
    match store::organizations::find(conn, agency_id).await? {
        Some(o) if o.kind == OrgKind::Agency.as_str() => Ok(agency_id),
        _ => Err(ApiError::field(
            "agency_id",
            "must be an agency organisation",
        )),
    }
}

/// An NGO reports a behaviour concern (facts only) about a person under
/// correction enrolled with it; the person's office is alerted. `broken`
/// are the caller's field errors, reported with the person's. Returns the
/// alert and the person.
pub async fn report_concern<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    (participant_id, detail): (Uuid, String),
    mut broken: Vec<crate::error::FieldError>,
) -> ApiResult<(entity::alert::Model, entity::participant::Model)> {
    let p = match store::participants::get(txn, caller, participant_id).await {
        Ok(p) if p.kind == "correction_subject" => Some(p),
        Ok(_) | Err(ApiError::NotFound) => {
            broken.push(crate::error::FieldError::new(
                "participant_id",
                "no such person under correction enrolled with you",
            ));
            None
        }
        Err(e) => return Err(e),
    };
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let Some(p) = p else {
        return Err(ApiError::NotFound);
    };
    let cause = Cause {
        kind: AlertKind::BehaviourConcern,
        period: Uuid::now_v7().to_string(),
        detail,
        raised_by: Some((caller.org_id, caller.user_id)),
    };
    let a = raise(txn, state, actor, &p, cause)
        .await?
        .ok_or_else(|| ApiError::Conflict("this concern was already reported".into()))?;
    Ok((a, p))
}
