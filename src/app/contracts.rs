//! Contracts: payment milestones scheduled within the contract's amount and term.
//!
//! Depends on `domain` and `store`; called by the contracts handlers.

use chrono::NaiveDate;
use entity::milestone;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::contract::{ContractStatus, MilestoneStatus},
    error::{ApiError, ApiResult, FieldError},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A payment milestone as asked for.
pub struct NewMilestone {
    pub name: String,
    pub due_date: NaiveDate,
    pub amount_fen: i64,
    /// The evaluation score (0–100) that makes it payable.
    pub min_score: i32,
}

/// Schedules a milestone on a contract that is not yet over (409 otherwise):
/// a positive amount keeping all milestones within the contract amount, due
/// within the term. `broken` are the caller's field errors, reported with these.
pub async fn add_milestone<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    contract_id: Uuid,
    new: NewMilestone,
    mut broken: Vec<FieldError>,
) -> ApiResult<milestone::Model> {
    let c = store::contracts::get(txn, caller, contract_id).await?;
    let status: ContractStatus = c
        .status
        .parse()
        .map_err(|e: String| ApiError::Internal(anyhow::anyhow!(e)))?;
    if !matches!(
        status,
        ContractStatus::Draft | ContractStatus::Active | ContractStatus::Suspended
    ) {
        return Err(ApiError::InvalidTransition(format!(
            "a {} contract takes no new milestones",
            c.status
        )));
    }
    let existing: i64 = store::contracts::all_milestones(txn, c.id)
        .await?
        .iter()
        .map(|m| m.amount_fen)
        .sum();
    if new.amount_fen <= 0 || existing + new.amount_fen > c.amount_fen {
        broken.push(FieldError::new(
            "amount_fen",
            format!(
                "must be positive and keep the total within {} fen ({existing} already scheduled)",
                c.amount_fen
            ),
        ));
    }
    if new.due_date < c.start_date || new.due_date > c.end_date {
        broken.push(FieldError::new(
            "due_date",
            "must fall within the contract term",
        ));
    }
    if !(0..=100).contains(&new.min_score) {
        broken.push(FieldError::new("min_score", "must be 0–100"));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let now = state.clock.now();
    let m = store::contracts::insert_milestone(
        txn,
        milestone::Model {
            id: Uuid::now_v7(),
            contract_id: c.id,
            name: new.name,
            due_date: new.due_date,
            amount_fen: new.amount_fen,
            min_score: new.min_score,
            status: MilestoneStatus::Scheduled.as_str().into(),
            evaluation_id: None,
            payable_fen: None,
            approved_at: None,
            paid_at: None,
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    let detail = json!({"contract_id": c.id, "amount_fen": m.amount_fen});
    audit::record(
        txn,
        actor,
        "milestone.create",
        "milestone",
        Some(m.id.to_string()),
        detail,
    )
    .await?;
    Ok(m)
}
