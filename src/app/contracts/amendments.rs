//! Amendments (补充合同): proposed to a running contract, approved increases
//! together within 10 % of the original amount; approval applies them and
//! keeps what the contract was before.

use chrono::NaiveDate;
use entity::{amendment, contract};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use super::term_problems;
use crate::{
    auth::authz::UserCaller,
    domain::contract::{AmendmentAction, AmendmentStatus, ContractStatus, within_amendment_cap},
    error::{ApiError, ApiResult, FieldError, stored, to_json_text},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// An amendment as proposed: at least one of amount, end date and KPIs.
pub struct NewAmendment {
    pub reason: String,
    pub amount_fen: Option<i64>,
    pub end_date: Option<NaiveDate>,
    /// KPI targets, as stored JSON.
    pub kpis: Option<String>,
}

/// A running contract (active or suspended); 409 otherwise with `why`.
fn running(c: &contract::Model, why: impl FnOnce(&str) -> String) -> ApiResult<()> {
    let status: ContractStatus = stored(&c.status)?;
    if matches!(status, ContractStatus::Active | ContractStatus::Suspended) {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition(why(&c.status)))
    }
}

/// Amount and end-date checks of an amendment against its contract.
fn change_problems(
    c: &contract::Model,
    amount: Option<i64>,
    end: Option<NaiveDate>,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if let Some(a) = amount {
        let already = (c.amount_fen - c.original_amount_fen).max(0);
        if a <= 0 {
            problems.push(FieldError::new("amount_fen", "must be positive"));
        } else if !within_amendment_cap(c.original_amount_fen, already, a - c.amount_fen) {
            problems.push(FieldError::new(
                "amount_fen",
                format!(
                    "approved increases together may not exceed 10 % of the original {} fen",
                    c.original_amount_fen
                ),
            ));
        }
    }
    if let Some(e) = end {
        problems.extend(term_problems(
            c.start_date,
            e,
            c.multi_year,
            &c.multi_year_reason,
        ));
    }
    problems
}

/// Proposes an amendment to a running contract (a draft is edited
/// directly: 409). `broken` are the caller's field errors.
pub async fn propose<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    contract_id: Uuid,
    new: NewAmendment,
    mut broken: Vec<FieldError>,
) -> ApiResult<amendment::Model> {
    let c = store::contracts::get(txn, caller, contract_id).await?;
    running(&c, |_| {
        "amendments apply to active or suspended contracts; edit a draft directly".into()
    })?;
    if new.amount_fen.is_none() && new.end_date.is_none() && new.kpis.is_none() {
        broken.push(FieldError::new(
            "amount_fen",
            "an amendment changes the amount, the end date or the KPIs",
        ));
    }
    broken.extend(change_problems(&c, new.amount_fen, new.end_date));
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let row = amendment::Model {
        id: Uuid::now_v7(),
        contract_id: c.id,
        reason: new.reason,
        amount_fen: new.amount_fen,
        end_date: new.end_date,
        kpis: new.kpis,
        status: AmendmentStatus::Proposed.as_str().into(),
        proposed_by: caller.user_id,
        decided_by: None,
        decided_at: None,
        decision_note: None,
        before: None,
        created_at: state.clock.now(),
    };
    let a = store::contracts::insert_amendment(txn, row).await?;
    let detail = json!({"contract_id": c.id, "amount_fen": a.amount_fen});
    let object = Some(a.id.to_string());
    audit::record(txn, actor, "amendment.create", "amendment", object, detail).await?;
    Ok(a)
}

/// Approves (applying it to the still-running contract, whose previous
/// amount, end date, KPIs and version are kept in `before`) or rejects a
/// proposed amendment. `broken` are the caller's field errors.
#[allow(clippy::too_many_arguments)]
pub async fn decide<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    action: AmendmentAction,
    note: Option<String>,
    mut broken: Vec<FieldError>,
) -> ApiResult<amendment::Model> {
    let now = state.clock.now();
    let (mut a, mut c) = store::contracts::get_amendment(txn, caller, id).await?;
    let status: AmendmentStatus = stored(&a.status)?;
    let next = status
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    a.decision_note = note;
    if action == AmendmentAction::Approve {
        running(&c, |s| format!("the contract is {s}"))?;
        broken.extend(change_problems(&c, a.amount_fen, a.end_date));
        if !broken.is_empty() {
            return Err(ApiError::Validation(broken));
        }
        let kpis = serde_json::from_str::<serde_json::Value>(&c.kpis).unwrap_or_default();
        a.before = Some(to_json_text(&json!({
            "amount_fen": c.amount_fen, "end_date": c.end_date, "kpis": kpis, "version": c.version,
        })));
        if let Some(v) = a.amount_fen {
            c.amount_fen = v;
        }
        if let Some(v) = a.end_date {
            c.end_date = v;
        }
        if let Some(k) = &a.kpis {
            c.kpis = k.clone();
        }
        let c = store::contracts::save(txn, c, now).await?;
        let detail =
            json!({"amendment_id": a.id, "amount_fen": c.amount_fen, "version": c.version});
        let object = Some(c.id.to_string());
        audit::record(txn, actor, "contract.amend", "contract", object, detail).await?;
    } else if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    a.status = next.as_str().into();
    a.decided_by = Some(caller.user_id);
    a.decided_at = Some(now);
    let a = store::contracts::save_amendment(txn, a).await?;
    let verb = format!("amendment.{}", a.status);
    let object = Some(a.id.to_string());
    audit::record(txn, actor, &verb, "amendment", object, json!({})).await?;
    Ok(a)
}
