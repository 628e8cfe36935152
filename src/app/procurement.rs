//! Procurement (政府购买服务): NGOs bid on a published procurement before its
//! deadline, one live bid each.
//!
//! Depends on `domain` and `store`; called by the procurement handlers.

use entity::{bid, procurement};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::procurement::{BidStatus, ProcurementStatus},
    error::{ApiError, ApiResult},
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
