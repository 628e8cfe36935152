//! Procurement (政府购买服务): NGOs bid on a published procurement before its
//! deadline, one live bid each; evaluators score the bids once it closed.
//!
//! Depends on `domain` and `store`; called by the procurement handlers.

use entity::{bid, procurement};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::procurement::{BidStatus, ProcurementStatus, score_pairs, weighted_x100},
    error::{ApiError, ApiResult, FieldError},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A procurement the caller sees that takes bids now: published, before
/// its deadline (409 otherwise).
pub async fn open_for_bids<C: ConnectionTrait>(
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

/// A bid's terms, checked against the procurement by the caller.
pub struct NewBid {
    pub price_fen: i64,
    pub proposal: String,
    /// The planned KPIs as stored JSON.
    pub planned_kpis: String,
}

/// Submits the NGO's bid on an open procurement: one live bid per NGO (409).
pub async fn submit_bid<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    p: &procurement::Model,
    new: NewBid,
) -> ApiResult<bid::Model> {
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
    Ok(b)
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
    #[derive(serde::Deserialize)]
    struct Criterion {
        name: String,
        weight: i64,
    }
    let criteria: Vec<Criterion> = serde_json::from_str(&p.criteria)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored criteria: {e}")))?;
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
