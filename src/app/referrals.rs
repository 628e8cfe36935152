//! Referrals (转介): the reminders an agency gets before and on a referral's
//! `respond_by` day, once each.
//!
//! Depends on `domain`, `store` and `mail`; called by the `referral_reminders` job.

use chrono::Duration;

use crate::{
    domain::care::need_label,
    error::ApiResult,
    mail::{self, templates},
    state::AppState,
    store,
};

/// The `referral_reminders` job: the agency is reminded
/// `HUIGUI_REFERRAL_REMINDER_DAYS` before `respond_by` and on the day, once each.
pub async fn reminders(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    let horizon = today + Duration::days(state.settings.referral_reminder_days);
    let txn = state.db.begin().await?;
    let now = state.clock.now();
    let mut sent = 0;
    for r in store::care::referrals_due_by(&txn, horizon).await? {
        let event = if r.respond_by <= today {
            "due"
        } else {
            "reminder"
        };
        if !store::outbox::mark_once(&txn, &format!("referral:{}:{event}", r.id), now).await? {
            continue;
        }
        let to = mail::recipients_of(&txn, r.agency_id).await?;
        let m = templates::referral(
            event,
            &need_label(&r.need),
            &r.respond_by.to_string(),
            None,
            mail::link(state, &format!("/api/v1/referrals/{}", r.id)),
        );
        mail::enqueue(&txn, state, &to, &m).await?;
        sent += 1;
    }
    txn.commit().await?;
    Ok(sent)
}
