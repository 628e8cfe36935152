//! Procurement (政府购买服务): the bureau drafts, edits and publishes a call;
//! NGOs bid on it before its deadline, one live bid each (and may withdraw
//! until then); evaluators score the bids once it closed; the award picks a
//! bid (a reason when not the top score), drafts the contract and mails
//! every bidder.
//!
//! Depends on `domain` and `store`; called by the procurement handlers.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{bid, contract, procurement};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::procurement::{
        BidAction, BidStatus, ProcurementAction, ProcurementStatus, is_top, score_pairs,
        total_x100, weighted_x100,
    },
    error::{ApiError, ApiResult, FieldError, from_json_text, stored},
    mail,
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A procurement the caller sees that takes bids now: published, before
/// its deadline (409 otherwise).
async fn open_for_bids<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<procurement::Model> {
    let p = store::procurements::get_procurement(conn, caller, id).await?;
    if p.status != ProcurementStatus::Published.as_str() || state.clock.now() >= p.bid_deadline {
        return Err(ApiError::Conflict(
            "bidding is not open (not published, or past the deadline)".into(),
        ));
    }
    Ok(p)
}

/// A bid's terms.
pub struct NewBid {
    pub price_fen: i64,
    pub proposal: String,
    /// The planned KPIs as stored JSON.
    pub planned_kpis: String,
}

/// Submits the NGO's bid on an open procurement (409 otherwise): a price
/// within the budget, one live bid per NGO (409). `broken` are the caller's
/// field errors. Returns the bid and its procurement.
pub async fn submit_bid<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    procurement_id: Uuid,
    new: NewBid,
    mut broken: Vec<FieldError>,
) -> ApiResult<(bid::Model, procurement::Model)> {
    let p = open_for_bids(txn, state, caller, procurement_id).await?;
    if new.price_fen <= 0 || new.price_fen > p.budget_fen {
        let message = format!("must be between 1 and the budget ({} fen)", p.budget_fen);
        broken.push(FieldError::new("price_fen", message));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    if store::procurements::live_bid_of(txn, p.id, caller.org_id)
        .await?
        .is_some()
    {
        return Err(ApiError::Conflict(
            "your NGO already has a live bid; withdraw it first".into(),
        ));
    }
    let now = state.clock.now();
    let b = store::procurements::insert_bid(
        txn,
        bid::Model {
            id: Uuid::now_v7(),
            procurement_id: p.id,
            ngo_id: caller.org_id,
            price_fen: new.price_fen,
            proposal: new.proposal,
            planned_kpis: new.planned_kpis,
            status: BidStatus::Submitted.as_str().into(),
            created_by: caller.user_id,
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    let detail = json!({"procurement_id": p.id, "price_fen": b.price_fen});
    audit::record(
        txn,
        actor,
        "bid.create",
        "bid",
        Some(b.id.to_string()),
        detail,
    )
    .await?;
    Ok((b, p))
}

/// An evaluator scores a submitted bid of a closed procurement (before the
/// award): one score per criterion (`scores` as `(criterion, score)`, kept
/// as sent in `sheet_json`); a second sheet by the same evaluator replaces
/// the first. Returns the bid and its procurement.
pub async fn score<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    bid_id: Uuid,
    scores: &[(&str, i64)],
    sheet_json: String,
) -> ApiResult<(bid::Model, procurement::Model)> {
    let b = store::procurements::get_bid(txn, caller, bid_id).await?;
    let p = store::procurements::get_procurement(txn, caller, b.procurement_id).await?;
    if p.status != ProcurementStatus::Closed.as_str() {
        return Err(ApiError::InvalidTransition(
            "bids are scored after close and before the award".into(),
        ));
    }
    if b.status != BidStatus::Submitted.as_str() {
        return Err(ApiError::InvalidTransition(format!(
            "a {} bid is not scored",
            b.status
        )));
    }
    let criteria: Vec<Criterion> = from_json_text(&p.criteria)?;
    let named: Vec<(&str, i64)> = criteria
        .iter()
        .map(|c| (c.name.as_str(), c.weight))
        .collect();
    let pairs = score_pairs(&named, scores).map_err(|wrong| {
        ApiError::Validation(
            wrong
                .into_iter()
                .map(|m| FieldError::new("scores", m))
                .collect(),
        )
    })?;
    let now = state.clock.now();
    let weighted = weighted_x100(&pairs);
    store::procurements::upsert_score(
        txn,
        entity::bid_score::Model {
            id: Uuid::now_v7(),
            bid_id: b.id,
            evaluator_id: caller.user_id,
            scores: sheet_json,
            weighted_x100: weighted,
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    let detail = json!({"weighted_x100": weighted});
    audit::record(
        txn,
        actor,
        "bid.score",
        "bid",
        Some(b.id.to_string()),
        detail,
    )
    .await?;
    Ok((b, p))
}

/// An evaluation criterion as stored with a procurement.
#[derive(serde::Deserialize)]
struct Criterion {
    name: String,
    weight: i64,
}

/// A call for proposals as drafted; list columns as stored JSON, checked
/// by the caller.
pub struct NewProcurement {
    pub title: String,
    pub description: String,
    pub categories: String,
    pub budget_fen: i64,
    pub service_start: NaiveDate,
    pub service_end: NaiveDate,
    pub bid_deadline: DateTime<Utc>,
    pub kpi_template: String,
    pub criteria: String,
}

/// Drafts a procurement of the caller's bureau. `broken` are the caller's
/// field errors: with any, nothing is written.
pub async fn create<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    new: NewProcurement,
    broken: Vec<FieldError>,
) -> ApiResult<procurement::Model> {
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let now = state.clock.now();
    let row = procurement::Model {
        id: Uuid::now_v7(),
        bureau_id: caller.org_id,
        title: new.title,
        description: new.description,
        categories: new.categories,
        budget_fen: new.budget_fen,
        service_start: new.service_start,
        service_end: new.service_end,
        bid_deadline: new.bid_deadline,
        kpi_template: new.kpi_template,
        criteria: new.criteria,
        status: ProcurementStatus::Draft.as_str().into(),
        awarded_bid_id: None,
        award_reason: None,
        awarded_at: None,
        contract_id: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let p = store::procurements::insert_procurement(txn, row).await?;
    let detail = json!({"budget_fen": p.budget_fen});
    let object = Some(p.id.to_string());
    audit::record(
        txn,
        actor,
        "procurement.create",
        "procurement",
        object,
        detail,
    )
    .await?;
    Ok(p)
}

/// A procurement that may still be edited: a draft (409 otherwise).
pub fn editable(p: procurement::Model) -> ApiResult<procurement::Model> {
    if p.status != ProcurementStatus::Draft.as_str() {
        return Err(ApiError::InvalidTransition(
            "only a draft procurement can be edited".into(),
        ));
    }
    Ok(p)
}

/// Saves an [`editable`] procurement as the caller changed it; `broken` are
/// the caller's field errors on the changed whole.
pub async fn save_changes<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    p: procurement::Model,
    broken: Vec<FieldError>,
) -> ApiResult<procurement::Model> {
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let p = editable(p)?;
    let p = store::procurements::save_procurement(txn, p, state.clock.now()).await?;
    let detail = json!({"version": p.version});
    let object = Some(p.id.to_string());
    audit::record(
        txn,
        actor,
        "procurement.update",
        "procurement",
        object,
        detail,
    )
    .await?;
    Ok(p)
}

/// Loads a procurement for an officer's write and the status `action` leads to.
async fn transition<C: ConnectionTrait>(
    txn: &C,
    caller: &UserCaller,
    id: Uuid,
    action: ProcurementAction,
) -> ApiResult<(procurement::Model, ProcurementStatus)> {
    let p = store::procurements::get_procurement(txn, caller, id).await?;
    let status: ProcurementStatus = stored(&p.status)?;
    let next = status
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    Ok((p, next))
}

/// Publishes (the bid deadline still ahead), closes bidding (at or after
/// the deadline) or cancels (not once awarded) a procurement.
pub async fn step<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    action: ProcurementAction,
) -> ApiResult<procurement::Model> {
    let now = state.clock.now();
    let (mut p, next) = transition(txn, caller, id, action).await?;
    match action {
        ProcurementAction::Publish if p.bid_deadline <= now => {
            return Err(ApiError::field(
                "bid_deadline",
                "must be in the future to publish",
            ));
        }
        ProcurementAction::Close if now < p.bid_deadline => {
            return Err(ApiError::InvalidTransition(
                "bidding closes only at or after the deadline".into(),
            ));
        }
        _ => {}
    }
    p.status = next.as_str().into();
    let p = store::procurements::save_procurement(txn, p, now).await?;
    let verb = format!("procurement.{}", next.as_str());
    let object = Some(p.id.to_string());
    audit::record(txn, actor, &verb, "procurement", object, json!({})).await?;
    Ok(p)
}

/// Withdraws the NGO's bid, before the deadline. Returns it and its procurement.
pub async fn withdraw<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    bid_id: Uuid,
) -> ApiResult<(bid::Model, procurement::Model)> {
    let now = state.clock.now();
    let mut b = store::procurements::get_bid(txn, caller, bid_id).await?;
    let p = store::procurements::get_procurement(txn, caller, b.procurement_id).await?;
    if now >= p.bid_deadline {
        return Err(ApiError::InvalidTransition(
            "bids cannot be withdrawn after the deadline".into(),
        ));
    }
    b.status = bid_step(&b, BidAction::Withdraw)?;
    b.updated_at = now;
    let b = store::procurements::save_bid(txn, b).await?;
    audit::record(
        txn,
        actor,
        "bid.withdraw",
        "bid",
        Some(b.id.to_string()),
        json!({}),
    )
    .await?;
    Ok((b, p))
}

fn bid_step(b: &bid::Model, action: BidAction) -> ApiResult<String> {
    Ok(stored::<BidStatus>(&b.status)?
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?
        .as_str()
        .into())
}

/// Awards a closed procurement to one of its live bids: a `reason` is
/// needed unless that bid has the top score. The bid wins, the others
/// lose, a draft contract is made from the award and every bidding NGO is
/// mailed. `broken` are the caller's field errors. Returns the procurement
/// and the contract.
#[allow(clippy::too_many_arguments)]
pub async fn award<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    bid_id: Uuid,
    reason: Option<String>,
    mut broken: Vec<FieldError>,
) -> ApiResult<(procurement::Model, contract::Model)> {
    let now = state.clock.now();
    let (mut p, next) = transition(txn, caller, id, ProcurementAction::Award).await?;
    let live: Vec<bid::Model> = store::procurements::all_bids(txn, p.id)
        .await?
        .into_iter()
        .filter(|b| b.status == BidStatus::Submitted.as_str())
        .collect();
    let Some(chosen) = live.iter().find(|b| b.id == bid_id).cloned() else {
        return Err(ApiError::field(
            "bid_id",
            "is not a live bid of this procurement",
        ));
    };
    let ids: Vec<Uuid> = live.iter().map(|b| b.id).collect();
    let scores = store::procurements::weighted_scores(txn, &ids).await?;
    let total = |id: &Uuid| total_x100(scores.get(id).map_or(&[][..], |v| &v[..]));
    let all: Vec<_> = ids.iter().map(total).collect();
    if !is_top(total(&chosen.id), &all) && reason.is_none() {
        broken.push(FieldError::new(
            "reason",
            "is required when the award does not go to the top score",
        ));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let contract = super::contracts::from_award(txn, state, actor, caller, &p, &chosen).await?;
    for mut b in live.iter().cloned() {
        let won = b.id == chosen.id;
        b.status = bid_step(&b, if won { BidAction::Win } else { BidAction::Lose })?;
        b.updated_at = now;
        store::procurements::save_bid(txn, b).await?;
    }
    p.status = next.as_str().into();
    p.awarded_bid_id = Some(chosen.id);
    p.award_reason = reason.clone();
    p.awarded_at = Some(now);
    p.contract_id = Some(contract.id);
    let p = store::procurements::save_procurement(txn, p, now).await?;
    let detail = json!({"bid_id": chosen.id, "contract_id": contract.id, "reason": reason});
    let object = Some(p.id.to_string());
    audit::record(
        txn,
        actor,
        "procurement.award",
        "procurement",
        object,
        detail,
    )
    .await?;
    let link = mail::link(state, &format!("/api/v1/procurements/{}", p.id));
    for b in &live {
        let to = mail::recipients_of(txn, b.ngo_id).await?;
        let m = mail::templates::award(&p.title, b.id == chosen.id, link.clone());
        mail::enqueue(txn, state, &to, &m).await?;
    }
    Ok((p, contract))
}
