//! Referrals (转介): an office refers a person to an agency (checked,
//! mailed, audited); the agency accepts, resolves or declines; reminders
//! before and on a referral's `respond_by` day, once each.
//!
//! Depends on `domain`, `store` and `mail`; called by the referrals
//! handlers and the `referral_reminders` job.

use chrono::{Duration, NaiveDate};
use entity::referral;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        care::{ReferralAction, ReferralStatus, need_label},
        roles::OrgKind,
    },
    error::{ApiError, ApiResult, FieldError, stored},
    mail::{self, templates},
    state::AppState,
    store,
    store::audit::{self, Actor},
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

/// A referral an office makes: a person of its own, an agency, the need, the facts, a deadline.
pub struct NewReferral {
    pub participant_id: Uuid,
    pub agency_id: Uuid,
    /// The need's stored name (`medical`, …).
    pub need: &'static str,
    pub detail: String,
    pub respond_by: NaiveDate,
}

/// What is wrong with a new referral, field by field: the deadline in the
/// past, a person not of the caller's office, an organisation that is not an agency.
pub async fn problems<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    caller: &UserCaller,
    new: &NewReferral,
) -> ApiResult<Vec<FieldError>> {
    let mut out = Vec::new();
    if new.respond_by < state.clock.today(state.settings.tz()) {
        out.push(FieldError::new("respond_by", "must be today or later"));
    }
    match store::participants::get(conn, caller, new.participant_id).await {
        Ok(p) if p.kind == "correction_subject" && p.judicial_office_id == Some(caller.org_id) => {}
        Ok(_) | Err(ApiError::NotFound) => out.push(FieldError::new(
            "participant_id",
            "no such person under correction of your office",
        )),
        Err(e) => return Err(e),
    }
    match store::organizations::find(conn, new.agency_id).await? {
        Some(o) if o.kind == OrgKind::Agency.as_str() => {}
        _ => out.push(FieldError::new(
            "agency_id",
            "must be an agency organisation",
        )),
    }
    Ok(out)
}

/// Records a referral (checked by [`problems`]); the agency is mailed.
pub async fn create<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    new: NewReferral,
) -> ApiResult<referral::Model> {
    let now = state.clock.now();
    let r = store::care::insert_referral(
        txn,
        referral::Model {
            id: Uuid::now_v7(),
            participant_id: new.participant_id,
            office_id: caller.org_id,
            agency_id: new.agency_id,
            need: new.need.into(),
            detail: new.detail,
            respond_by: new.respond_by,
            status: ReferralStatus::Open.as_str().into(),
            response: None,
            responded_by: None,
            created_by: caller.user_id,
            version: 1,
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    let to = mail::recipients_of(txn, r.agency_id).await?;
    let link = mail::link(state, &format!("/api/v1/referrals/{}", r.id));
    let due = r.respond_by.to_string();
    let m = templates::referral("created", &need_label(&r.need), &due, None, link);
    mail::enqueue(txn, state, &to, &m).await?;
    let detail = json!({"need": r.need, "agency_id": r.agency_id});
    audit::record(
        txn,
        actor,
        "referral.create",
        "referral",
        Some(r.id.to_string()),
        detail,
    )
    .await?;
    Ok(r)
}

/// The agency's answer to a referral addressed to it (accept, resolve,
/// decline) with its response; the office is mailed.
pub async fn answer<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    action: ReferralAction,
    response: Option<String>,
) -> ApiResult<referral::Model> {
    let mut r = store::care::get_referral(txn, caller, id).await?;
    let from: ReferralStatus = stored(&r.status)?;
    let to = from
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    r.status = to.as_str().into();
    if response.is_some() {
        r.response = response;
    }
    r.responded_by = Some(caller.user_id);
    let r = store::care::save_referral(txn, r, state.clock.now()).await?;
    let recipients = mail::recipients_of(txn, r.office_id).await?;
    let link = mail::link(state, &format!("/api/v1/referrals/{}", r.id));
    let due = r.respond_by.to_string();
    let m = templates::referral(
        to.as_str(),
        &need_label(&r.need),
        &due,
        r.response.as_deref(),
        link,
    );
    mail::enqueue(txn, state, &recipients, &m).await?;
    let verb = match action {
        ReferralAction::Accept => "referral.accept",
        ReferralAction::Resolve => "referral.resolve",
        ReferralAction::Decline => "referral.decline",
    };
    let detail = json!({"status": r.status});
    audit::record(txn, actor, verb, "referral", Some(r.id.to_string()), detail).await?;
    Ok(r)
}
