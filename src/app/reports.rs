//! Contract reports (an NGO's periodic report on a contract): the server
//! computes the period's metrics (SQL aggregates over the contract's closed
//! sessions and the NGO's outcomes); the NGO writes the narrative and
//! submits; the officer accepts (metrics and narrative frozen) or returns it
//! with comments, and the NGO is mailed. Also the reminder an NGO gets when
//! last month's report is overdue (once per contract and month).
//!
//! Depends on `domain`, `store` and `mail`; called by the reports handlers
//! and the `report_reminders` job.

use chrono::{Duration, NaiveDate};
use entity::{contract, contract_report};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        contract::ContractStatus,
        hours::Month,
        report::{Metrics, ReportAction, ReportStatus},
    },
    error::{ApiError, ApiResult, FieldError, stored, to_json_text},
    mail,
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
        stats::Window,
    },
};

/// Computes a report's metrics from the records, as stored JSON.
async fn compute<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    contract: &contract::Model,
    period_start: NaiveDate,
    period_end: NaiveDate,
) -> ApiResult<String> {
    let tz = state.settings.tz();
    let (from, to) = store::rollups::day_bounds(tz, period_start, period_end);
    let window = Window {
        from: Some(from),
        to: Some(to),
    };
    let counts = store::stats::delivery(conn, tz, Some(contract.id), window)
        .await?
        .remove(&contract.id)
        .unwrap_or_default();
    let end = Some(period_end + Duration::days(1));
    let outcomes =
        store::stats::outcomes(conn, Some(contract.ngo_id), Some(period_start), end).await?;
    Ok(to_json_text(&Metrics::from_counts(&counts, outcomes)))
}

/// A report as the NGO starts it.
pub struct NewReport {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub narrative: String,
}

/// Starts a draft report of the caller's NGO on one of its contracts (404
/// for anyone else's) that has started, for a period of at most a year,
/// with the metrics computed now. `broken` are the caller's field errors.
pub async fn create<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    contract_id: Uuid,
    new: NewReport,
    mut broken: Vec<FieldError>,
) -> ApiResult<contract_report::Model> {
    let (start, end) = (new.period_start, new.period_end);
    if end < start || end - start > Duration::days(366) {
        let message = "must be on or after period_start and within a year of it";
        broken.insert(0, FieldError::new("period_end", message));
    }
    let c = store::contracts::get(txn, caller, contract_id).await?;
    if c.ngo_id != caller.org_id {
        return Err(ApiError::NotFound);
    }
    if stored::<ContractStatus>(&c.status)? == ContractStatus::Draft {
        broken.push(FieldError::new(
            "period_start",
            "the contract has not started",
        ));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let metrics = compute(txn, state, &c, start, end).await?;
    let now = state.clock.now();
    let row = contract_report::Model {
        id: Uuid::now_v7(),
        contract_id: c.id,
        ngo_id: c.ngo_id,
        period_start: start,
        period_end: end,
        status: ReportStatus::Draft.as_str().into(),
        metrics,
        narrative: new.narrative,
        comments: None,
        evaluation_id: None,
        created_by: caller.user_id,
        submitted_at: None,
        decided_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let r = store::reports::insert(txn, row).await?;
    let detail = json!({"contract_id": c.id, "period_start": start, "period_end": end});
    let object = Some(r.id.to_string());
    audit::record(
        txn,
        actor,
        "report.create",
        "contract_report",
        object,
        detail,
    )
    .await?;
    Ok(r)
}

/// Rewrites the narrative of a draft or returned report (409 otherwise)
/// and recomputes its metrics.
pub async fn edit<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    mut r: contract_report::Model,
    c: &contract::Model,
    narrative: String,
) -> ApiResult<contract_report::Model> {
    if !stored::<ReportStatus>(&r.status)?.editable() {
        let message = format!("a {} report is not edited", r.status);
        return Err(ApiError::InvalidTransition(message));
    }
    r.narrative = narrative;
    r.metrics = compute(txn, state, c, r.period_start, r.period_end).await?;
    let r = store::reports::save(txn, r, state.clock.now()).await?;
    let detail = json!({"version": r.version});
    let object = Some(r.id.to_string());
    audit::record(
        txn,
        actor,
        "report.update",
        "contract_report",
        object,
        detail,
    )
    .await?;
    Ok(r)
}

/// A step of a report's review.
pub struct Decision {
    pub action: ReportAction,
    /// On accept: the contract's evaluation it informs.
    pub evaluation: Option<Uuid>,
    /// On return: what to change.
    pub comments: Option<String>,
}

/// Submits (with the figures as they are now), accepts (optionally linked
/// to an evaluation of the same contract) or returns a report; accepting
/// and returning mail the NGO.
pub async fn decide<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    step: Decision,
) -> ApiResult<contract_report::Model> {
    let now = state.clock.now();
    let (mut r, c) = store::reports::get(txn, caller, id).await?;
    let to = stored::<ReportStatus>(&r.status)?
        .apply(step.action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    match step.action {
        ReportAction::Submit => {
            r.metrics = compute(txn, state, &c, r.period_start, r.period_end).await?;
            r.submitted_at = Some(now);
        }
        ReportAction::Accept => {
            if let Some(e) = step.evaluation {
                if !store::reports::evaluation_of(txn, e, c.id).await? {
                    return Err(ApiError::field(
                        "evaluation_id",
                        "no such evaluation of this contract",
                    ));
                }
                r.evaluation_id = Some(e);
            }
            r.decided_at = Some(now);
        }
        ReportAction::Return => {
            r.comments = step.comments;
            r.decided_at = Some(now);
        }
    }
    r.status = to.as_str().into();
    let r = store::reports::save(txn, r, now).await?;
    if step.action != ReportAction::Submit {
        let to_ngo = mail::recipients_of(txn, r.ngo_id).await?;
        let m = mail::templates::report_decision(
            &c.contract_no,
            &r.period_start.to_string(),
            &r.period_end.to_string(),
            step.action == ReportAction::Accept,
            r.comments.as_deref(),
            mail::link(state, &format!("/api/v1/reports/{}", r.id)),
        );
        mail::enqueue(txn, state, &to_ngo, &m).await?;
    }
    let verb = match step.action {
        ReportAction::Submit => "report.submit",
        ReportAction::Accept => "report.accept",
        ReportAction::Return => "report.return",
    };
    let object = Some(r.id.to_string());
    let detail = json!({"status": r.status});
    audit::record(txn, actor, verb, "contract_report", object, detail).await?;
    Ok(r)
}

/// The `report_reminders` job: once the previous month ended
/// `HUIGUI_REPORT_DUE_DAYS` ago, each active contract without a submitted or
/// accepted report covering it gets one reminder mail to its NGO.
pub async fn reminders(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    let previous = Month::of(today).prev();
    if today < previous.last_day() + Duration::days(state.settings.report_due_days) {
        return Ok(0);
    }
    let txn = state.db.begin().await?;
    let now = state.clock.now();
    let mut sent = 0;
    for c in store::reports::active_contracts_started_by(&txn, previous.last_day()).await? {
        let covered =
            store::reports::covered(&txn, c.id, previous.first_day(), previous.last_day()).await?;
        if covered
            || !store::outbox::mark_once(&txn, &format!("report:{}:{previous}", c.id), now).await?
        {
            continue;
        }
        let to = mail::recipients_of(&txn, c.ngo_id).await?;
        let m = mail::templates::report_overdue(
            &c.contract_no,
            &previous.to_string(),
            mail::link(state, &format!("/api/v1/contracts/{}/reports", c.id)),
        );
        mail::enqueue(&txn, state, &to, &m).await?;
        sent += 1;
    }
    txn.commit().await?;
    Ok(sent)
}
