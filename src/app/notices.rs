//! Assistance notices (协助通知): on intake the judicial office tells the
//! person's village or residents' committee its duties in a numbered notice
//! (unique per bureau and year), mailed to the committee; the committee's
//! staff acknowledge it; a notice still unacknowledged after five days is
//! reminded once.
//!
//! Depends on `domain`, `store` and `mail`; called by the notices handlers
//! and the `notice_reminders` job.

use chrono::{Datelike, Duration};
use entity::assistance_notice;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::collaboration::{NOTICE_REMINDER_DAYS, NoticeAction, NoticeStatus, notice_no},
    error::{ApiError, ApiResult, FieldError, OnConstraint, stored},
    mail::{self, templates},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// Issues a notice about a person of the caller's office (404 for anyone
/// else's) to the person's committee (422 when none is set). `broken` are
/// the caller's field errors.
pub async fn issue<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    participant_id: Uuid,
    duties: String,
    mut broken: Vec<FieldError>,
) -> ApiResult<assistance_notice::Model> {
    let p = store::participants::get(txn, caller, participant_id).await?;
    if p.judicial_office_id != Some(caller.org_id) {
        return Err(ApiError::NotFound);
    }
    let Some(committee) = p.village_committee_id else {
        broken.push(FieldError::new(
            "village_committee_id",
            "the person has no village committee: set it first",
        ));
        return Err(ApiError::Validation(broken));
    };
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let office = store::organizations::find(txn, caller.org_id).await?;
    let bureau = office.and_then(|o| o.parent_id).unwrap_or(caller.org_id);
    let now = state.clock.now();
    let year = state.clock.today(state.settings.tz()).year();
    let seq = store::notices::next_seq(txn, bureau, year).await?;
    let row = assistance_notice::Model {
        id: Uuid::now_v7(),
        bureau_id: bureau,
        office_id: caller.org_id,
        participant_id: p.id,
        committee_id: committee,
        year,
        seq,
        number: notice_no(&state.settings.contract_prefix, year, seq),
        duties,
        status: NoticeStatus::Sent.as_str().into(),
        acknowledged_by: None,
        acknowledged_at: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let n = store::notices::insert(txn, row).await.on_constraint(
        (
            "uq_assistance_notices_number",
            "assistance_notices.bureau_id",
        ),
        || ApiError::Conflict("another notice took this number at the same time; retry".into()),
    )?;
    let detail = json!({"number": n.number, "committee_id": n.committee_id, "participant_id": n.participant_id});
    audit::record(
        txn,
        actor,
        "notice.create",
        "assistance_notice",
        Some(n.id.to_string()),
        detail,
    )
    .await?;
    notify(txn, state, &n, false).await?;
    Ok(n)
}

async fn notify<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    n: &assistance_notice::Model,
    reminder: bool,
) -> ApiResult<()> {
    let to = mail::recipients_of(txn, n.committee_id).await?;
    let link = mail::link(state, &format!("/api/v1/assistance-notices/{}", n.id));
    let m = templates::assistance_notice(&n.number, reminder, link);
    mail::enqueue(txn, state, &to, &m).await
}

/// The committee acknowledges a notice addressed to it (409 when done).
pub async fn acknowledge<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<assistance_notice::Model> {
    let now = state.clock.now();
    let mut n = store::notices::get(txn, caller, id).await?;
    if n.committee_id != caller.org_id {
        return Err(ApiError::Forbidden);
    }
    let next = stored::<NoticeStatus>(&n.status)?
        .apply(NoticeAction::Acknowledge)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    n.status = next.as_str().into();
    n.acknowledged_by = Some(caller.user_id);
    n.acknowledged_at = Some(now);
    let n = store::notices::save(txn, n, now).await?;
    let object = Some(n.id.to_string());
    audit::record(
        txn,
        actor,
        "notice.acknowledge",
        "assistance_notice",
        object,
        json!({}),
    )
    .await?;
    Ok(n)
}

/// What a notice's reader may see of each person: the code always, the
/// name unless the person is a minor the caller sees by code only (the
/// committee needs to know whom it assists).
pub async fn people_of<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    notices: &[assistance_notice::Model],
) -> ApiResult<std::collections::HashMap<Uuid, (String, Option<String>)>> {
    use crate::domain::disclosure::Disclosure;
    let ids: Vec<Uuid> = notices.iter().map(|n| n.participant_id).collect();
    crate::app::participants::codes_and_names(conn, caller, &ids, |d| d != Disclosure::CodeOnly)
        .await
}

/// The `notice_reminders` job: a notice unacknowledged five days after it
/// was sent is reminded to its committee, once.
pub async fn reminders(state: &AppState) -> ApiResult<usize> {
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let mut sent = 0;
    let due = now - Duration::days(NOTICE_REMINDER_DAYS);
    for n in store::notices::unacknowledged_since(&txn, due).await? {
        if store::outbox::mark_once(&txn, &format!("notice:{}:reminder", n.id), now).await? {
            notify(&txn, state, &n, true).await?;
            sent += 1;
        }
    }
    txn.commit().await?;
    Ok(sent)
}
