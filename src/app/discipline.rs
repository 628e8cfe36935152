//! Discipline (奖惩): an office records a commendation, reprimand or warning
//! for its own person; when the records so far suggest proposing
//! revocation, the bureau is mailed.
//!
//! Depends on `domain`, `store` and `mail`; called by the discipline handler.

use chrono::NaiveDate;
use entity::discipline_record;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::care::suggested_next,
    error::{ApiError, ApiResult},
    mail,
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A new record: its kind's stored name, the reason, the day.
pub struct NewRecord {
    pub kind: &'static str,
    pub reason: String,
    pub date: NaiveDate,
}

/// Records discipline for a person under correction of the caller's office
/// (404 for anyone else's); the audit event carries the suggested next step.
pub async fn record<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    participant_id: Uuid,
    new: NewRecord,
) -> ApiResult<discipline_record::Model> {
    let p = store::participants::get(txn, caller, participant_id).await?;
    if p.kind != "correction_subject" || p.judicial_office_id != Some(caller.org_id) {
        return Err(ApiError::NotFound);
    }
    let r = store::care::insert_discipline(
        txn,
        discipline_record::Model {
            id: Uuid::now_v7(),
            participant_id: p.id,
            office_id: caller.org_id,
            kind: new.kind.into(),
            reason: new.reason,
            date: new.date,
            recorded_by: caller.user_id,
            created_at: state.clock.now(),
        },
    )
    .await?;
    let kinds = store::care::discipline_kinds(txn, p.id).await?;
    let next_step = suggested_next(&kinds.iter().map(String::as_str).collect::<Vec<_>>());
    if next_step.is_some_and(|s| s.flags_bureau())
        && let Some(bureau) = store::hours::bureau_for(txn, caller.org_id).await?
    {
        let to = mail::recipients_of(txn, bureau).await?;
        let link = mail::link(state, &format!("/api/v1/participants/{}/discipline", p.id));
        let m = mail::templates::revocation_suggested(&p.code, link);
        mail::enqueue(txn, state, &to, &m).await?;
    }
    let detail = json!({"kind": r.kind, "suggested_next": next_step.map(|s| s.as_str())});
    let object = Some(p.id.to_string());
    audit::record(
        txn,
        actor,
        "discipline.create",
        "participant",
        object,
        detail,
    )
    .await?;
    Ok(r)
}
