//! Payment milestones scheduled within the contract's amount and term, their
//! approval and payment; evaluations, which settle the milestones due in
//! their period by the payment rule.

use chrono::NaiveDate;
use entity::{contract, evaluation, milestone};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::contract::{
        ContractStatus, MilestoneAction, MilestoneStatus, PaymentBand, payable_fen,
    },
    error::{ApiError, ApiResult, FieldError, from_json_text, stored},
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
    let status: ContractStatus = stored(&c.status)?;
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

/// A periodic evaluation as asked for.
pub struct NewEvaluation {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    /// The per-KPI ratings (each 0–100), and all of them as stored JSON.
    pub ratings: Vec<i64>,
    pub kpi_ratings: String,
    pub comment: String,
}

/// Records an evaluation of a running or finished contract (409 otherwise),
/// then settles the milestones due in its period: payable by the payment
/// rule when the score reaches their minimum, else withheld.
pub async fn evaluate<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    contract_id: Uuid,
    new: NewEvaluation,
    mut broken: Vec<FieldError>,
) -> ApiResult<evaluation::Model> {
    let c = store::contracts::get(txn, caller, contract_id).await?;
    let status: ContractStatus = stored(&c.status)?;
    if !matches!(
        status,
        ContractStatus::Active | ContractStatus::Suspended | ContractStatus::Completed
    ) {
        return Err(ApiError::InvalidTransition(format!(
            "a {} contract is not evaluated",
            c.status
        )));
    }
    if new.period_end < new.period_start {
        broken.push(FieldError::new(
            "period_end",
            "must not be before period_start",
        ));
    }
    if !(0..=100).contains(&new.score) {
        broken.push(FieldError::new("score", "must be 0–100"));
    }
    if new.ratings.iter().any(|r| !(0..=100).contains(r)) {
        broken.push(FieldError::new("kpi_ratings", "ratings must be 0–100"));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let e = store::contracts::insert_evaluation(
        txn,
        evaluation::Model {
            id: Uuid::now_v7(),
            contract_id: c.id,
            period_start: new.period_start,
            period_end: new.period_end,
            score: new.score,
            kpi_ratings: new.kpi_ratings,
            comment: new.comment,
            created_by: caller.user_id,
            created_at: state.clock.now(),
        },
    )
    .await?;
    let detail = json!({"contract_id": c.id, "score": e.score});
    audit::record(
        txn,
        actor,
        "evaluation.create",
        "evaluation",
        Some(e.id.to_string()),
        detail,
    )
    .await?;
    settle_milestones(txn, state, actor, &c, &e).await?;
    Ok(e)
}

/// The milestones due in an evaluation's period, scheduled or withheld,
/// become eligible with their payable amount or are withheld.
async fn settle_milestones<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    contract: &contract::Model,
    e: &evaluation::Model,
) -> ApiResult<()> {
    let rule: Vec<PaymentBand> = from_json_text(&contract.payment_rule)?;
    for mut m in store::contracts::all_milestones(txn, contract.id).await? {
        let status: MilestoneStatus = stored(&m.status)?;
        let covered = e.period_start <= m.due_date && m.due_date <= e.period_end;
        if !covered
            || !matches!(
                status,
                MilestoneStatus::Scheduled | MilestoneStatus::Withheld
            )
        {
            continue;
        }
        let payable =
            payable_fen(m.amount_fen, e.score as i64, &rule).filter(|_| e.score >= m.min_score);
        let action = if payable.is_some() {
            MilestoneAction::Qualify
        } else {
            MilestoneAction::Withhold
        };
        m.status = status
            .apply(action)
            .map_err(|err| ApiError::InvalidTransition(err.to_string()))?
            .as_str()
            .into();
        m.payable_fen = Some(payable.unwrap_or(0));
        m.evaluation_id = Some(e.id);
        m.updated_at = state.clock.now();
        let m = store::contracts::save_milestone(txn, m).await?;
        let detail = json!({"evaluation_id": e.id, "payable_fen": m.payable_fen});
        let verb = format!("milestone.{}", m.status);
        audit::record(
            txn,
            actor,
            &verb,
            "milestone",
            Some(m.id.to_string()),
            detail,
        )
        .await?;
    }
    Ok(())
}

/// Approves an eligible milestone for payment, or records it as paid.
pub async fn milestone_step<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    action: MilestoneAction,
) -> ApiResult<milestone::Model> {
    let now = state.clock.now();
    let (mut m, _contract) = store::contracts::get_milestone(txn, caller, id).await?;
    let status: MilestoneStatus = stored(&m.status)?;
    m.status = status
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?
        .as_str()
        .into();
    match action {
        MilestoneAction::Approve => m.approved_at = Some(now),
        MilestoneAction::Pay => m.paid_at = Some(now),
        _ => {}
    }
    m.updated_at = now;
    let m = store::contracts::save_milestone(txn, m).await?;
    let detail = json!({"payable_fen": m.payable_fen});
    let verb = format!("milestone.{}", m.status);
    audit::record(
        txn,
        actor,
        &verb,
        "milestone",
        Some(m.id.to_string()),
        detail,
    )
    .await?;
    Ok(m)
}
