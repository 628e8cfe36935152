//! Contract reports: the reminder an NGO gets when last month's report is
//! overdue (once per contract and month).
//!
//! Depends on `domain`, `store` and `mail`; called by the `report_reminders` job.

use chrono::Duration;

use crate::{domain::hours::Month, error::ApiResult, mail, state::AppState, store};

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
