//! Procurements, bids and scores, scoped by caller: bureau staff and the
//! auditor see everything; NGOs see procurements once published and only
//! their own bids.

use entity::{
    bid::{self, Entity as Bids},
    bid_score::{self, Entity as BidScores},
    procurement::{self, Entity as Procurements},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{procurement::ProcurementStatus, roles::OrgKind},
    error::ApiError,
    store::page::{self, PageRequest},
};

fn is_ngo(caller: &UserCaller) -> bool {
    caller.org_kind == OrgKind::Ngo
}

fn visible_procurements(caller: &UserCaller) -> Condition {
    if is_ngo(caller) {
        Condition::all().add(procurement::Column::Status.is_in([
            ProcurementStatus::Published.as_str(),
            ProcurementStatus::Closed.as_str(),
            ProcurementStatus::Awarded.as_str(),
        ]))
    } else {
        Condition::all()
    }
}

fn visible_bids(caller: &UserCaller) -> Condition {
    if is_ngo(caller) {
        Condition::all().add(bid::Column::NgoId.eq(caller.org_id))
    } else {
        Condition::all()
    }
}

pub async fn insert_procurement<C: ConnectionTrait>(
    conn: &C,
    m: procurement::Model,
) -> Result<procurement::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// Saves every field, compare-and-set on `version` (which it bumps).
pub async fn save_procurement<C: ConnectionTrait>(
    conn: &C,
    mut m: procurement::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<procurement::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Procurements::update(m.into_active_model().reset_all())
        .validate()?
        .filter(procurement::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

pub async fn get_procurement<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<procurement::Model, ApiError> {
    Procurements::find_by_id(id)
        .filter(visible_procurements(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn list_procurements<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    status: Option<ProcurementStatus>,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<procurement::Model>, Option<String>), ApiError> {
    let mut q = Procurements::find().filter(visible_procurements(caller));
    if let Some(s) = status {
        q = q.filter(procurement::Column::Status.eq(s.as_str()));
    }
    page::fetch(conn, q, procurement::Column::Id, page, |m| m.id).await
}

pub async fn insert_bid<C: ConnectionTrait>(
    conn: &C,
    m: bid::Model,
) -> Result<bid::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn save_bid<C: ConnectionTrait>(conn: &C, m: bid::Model) -> Result<bid::Model, ApiError> {
    Ok(m.into_active_model().reset_all().update(conn).await?)
}

pub async fn get_bid<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<bid::Model, ApiError> {
    Bids::find_by_id(id)
        .filter(visible_bids(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn list_bids<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    procurement_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<bid::Model>, Option<String>), ApiError> {
    let q = Bids::find()
        .filter(bid::Column::ProcurementId.eq(procurement_id))
        .filter(visible_bids(caller));
    page::fetch(conn, q, bid::Column::Id, page, |m| m.id).await
}

/// Every bid of a procurement (unscoped; for award and scoring decisions).
pub async fn all_bids<C: ConnectionTrait>(
    conn: &C,
    procurement_id: Uuid,
) -> Result<Vec<bid::Model>, ApiError> {
    Ok(Bids::find()
        .filter(bid::Column::ProcurementId.eq(procurement_id))
        .order_by_asc(bid::Column::Id)
        .all(conn)
        .await?)
}

/// The NGO's live (submitted) bid on a procurement, if any.
pub async fn live_bid_of<C: ConnectionTrait>(
    conn: &C,
    procurement_id: Uuid,
    ngo_id: Uuid,
) -> Result<Option<bid::Model>, ApiError> {
    Ok(Bids::find()
        .filter(bid::Column::ProcurementId.eq(procurement_id))
        .filter(bid::Column::NgoId.eq(ngo_id))
        .filter(bid::Column::Status.eq("submitted"))
        .one(conn)
        .await?)
}

/// Evaluators' weighted scores (×100) of the given bids, per bid.
pub async fn weighted_scores<C: ConnectionTrait>(
    conn: &C,
    bid_ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, Vec<i64>>, ApiError> {
    let rows = BidScores::find()
        .filter(bid_score::Column::BidId.is_in(bid_ids.to_vec()))
        .all(conn)
        .await?;
    let mut map: std::collections::HashMap<Uuid, Vec<i64>> = std::collections::HashMap::new();
    for r in rows {
        map.entry(r.bid_id).or_default().push(r.weighted_x100);
    }
    Ok(map)
}

/// Inserts or replaces one evaluator's score sheet for a bid.
pub async fn upsert_score<C: ConnectionTrait>(
    conn: &C,
    m: bid_score::Model,
) -> Result<(), ApiError> {
    let existing = BidScores::find()
        .filter(bid_score::Column::BidId.eq(m.bid_id))
        .filter(bid_score::Column::EvaluatorId.eq(m.evaluator_id))
        .one(conn)
        .await?;
    match existing {
        Some(old) => {
            let row = bid_score::Model {
                id: old.id,
                created_at: old.created_at,
                ..m
            };
            row.into_active_model().reset_all().update(conn).await?;
        }
        None => {
            m.into_active_model().reset_all().insert(conn).await?;
        }
    }
    Ok(())
}
