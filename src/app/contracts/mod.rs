//! Contracts (服务合同): drafting one directly or from an award, editing the
//! draft, the life-cycle transitions, amendments, payment milestones and
//! evaluations.
//!
//! Depends on `domain` and `store`; called by the contracts and procurement
//! handlers. Stored JSON columns (`categories`, `kpis`) arrive already
//! validated and serialised by the caller.

mod amendments;
mod settlement;

pub use amendments::{NewAmendment, decide, propose};
pub use settlement::{NewEvaluation, NewMilestone, add_milestone, evaluate, milestone_step};

use chrono::{DateTime, NaiveDate, Utc};
use entity::{bid, contract, procurement};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        contract::{
            ContractAction, ContractStatus, PaymentBand, TermError, check_term, contract_no,
            default_payment_rule,
        },
        kpi::{Target, plan_over},
        roles::OrgKind,
    },
    error::{ApiError, ApiResult, FieldError, from_json_text, stored, to_json_text},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A contract as drafted.
pub struct NewContract {
    pub title: String,
    pub procurement_id: Option<Uuid>,
    pub bid_id: Option<Uuid>,
    pub ngo_id: Uuid,
    /// The session types it buys, as stored JSON.
    pub categories: String,
    pub amount_fen: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub multi_year: bool,
    pub multi_year_reason: Option<String>,
    /// KPI targets, as stored JSON.
    pub kpis: String,
    pub payment_rule: Vec<PaymentBand>,
    pub awarded_at: Option<DateTime<Utc>>,
}

/// The term rule (≤ 12 months, or ≤ 36 with `multi_year` and a reason) as field errors.
pub fn term_problems(
    start: NaiveDate,
    end: NaiveDate,
    multi_year: bool,
    multi_year_reason: &Option<String>,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let term = match check_term(start, end, multi_year) {
        Ok(()) => None,
        Err(TermError::EndBeforeStart) => Some("must not be before start_date"),
        Err(TermError::OverTwelveMonths) => {
            Some("term exceeds 12 months; set multi_year with a multi_year_reason (≤ 36 months)")
        }
        Err(TermError::OverThirtySixMonths) => Some("term exceeds 36 months"),
    };
    if let Some(message) = term {
        problems.push(FieldError::new("end_date", message));
    }
    if multi_year && multi_year_reason.is_none() {
        problems.push(FieldError::new(
            "multi_year_reason",
            "is required for a multi-year contract",
        ));
    }
    problems
}

/// A payment rule needs bands, each with `min_score` and `percent` in 0–100.
pub fn rule_problems(rule: &[PaymentBand]) -> Vec<FieldError> {
    let bad = |v: i64| !(0..=100).contains(&v);
    if rule.is_empty() || rule.iter().any(|b| bad(b.min_score) || bad(b.percent)) {
        vec![FieldError::new(
            "payment_rule",
            "needs bands with min_score and percent in 0–100",
        )]
    } else {
        Vec::new()
    }
}

/// Drafts a contract with an NGO (422 naming `ngo_id` otherwise). `broken`
/// are the caller's field errors, reported with this one.
pub async fn create<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    new: NewContract,
    mut broken: Vec<FieldError>,
) -> ApiResult<contract::Model> {
    let ngo_ok = store::organizations::find(txn, new.ngo_id)
        .await?
        .is_some_and(|o| o.kind == OrgKind::Ngo.as_str());
    if !ngo_ok {
        broken.push(FieldError::new("ngo_id", "must be an NGO"));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    insert(txn, state, actor, caller, new).await
}

/// Numbers a new contract (per bureau and year) and inserts it as a draft.
async fn insert<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    new: NewContract,
) -> ApiResult<contract::Model> {
    let now = state.clock.now();
    let year = state
        .clock
        .today(state.settings.tz())
        .format("%Y")
        .to_string()
        .parse()
        .unwrap_or(2026);
    let seq = store::contracts::next_seq(txn, caller.org_id, year).await?;
    let row = contract::Model {
        id: Uuid::now_v7(),
        bureau_id: caller.org_id,
        contract_no: contract_no(&state.settings.contract_prefix, year, seq),
        year,
        seq,
        title: new.title,
        procurement_id: new.procurement_id,
        bid_id: new.bid_id,
        ngo_id: new.ngo_id,
        categories: new.categories,
        amount_fen: new.amount_fen,
        original_amount_fen: new.amount_fen,
        start_date: new.start_date,
        end_date: new.end_date,
        multi_year: new.multi_year,
        multi_year_reason: new.multi_year_reason,
        kpis: new.kpis,
        payment_rule: to_json_text(&new.payment_rule),
        status: ContractStatus::Draft.as_str().into(),
        awarded_at: new.awarded_at,
        signed_at: None,
        status_reason: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let c = store::contracts::insert(txn, row).await?;
    let detail =
        json!({"contract_no": c.contract_no, "amount_fen": c.amount_fen, "ngo_id": c.ngo_id});
    let object = Some(c.id.to_string());
    audit::record(txn, actor, "contract.create", "contract", object, detail).await?;
    Ok(c)
}

/// The draft contract an award creates: amount = bid price, KPIs = template
/// targets overridden by the bid's planned targets (plus any extra planned
/// KPIs), the default payment rule.
pub async fn from_award<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    p: &procurement::Model,
    bid: &bid::Model,
) -> ApiResult<contract::Model> {
    let template: Vec<Target> = from_json_text(&p.kpi_template)?;
    let planned: Vec<Target> = from_json_text(&bid.planned_kpis)?;
    let multi_year = check_term(p.service_start, p.service_end, false).is_err();
    let new = NewContract {
        title: p.title.clone(),
        procurement_id: Some(p.id),
        bid_id: Some(bid.id),
        ngo_id: bid.ngo_id,
        categories: p.categories.clone(),
        amount_fen: bid.price_fen,
        start_date: p.service_start,
        end_date: p.service_end,
        multi_year,
        multi_year_reason: multi_year.then(|| format!("service period of procurement {}", p.id)),
        kpis: to_json_text(&plan_over(template, planned)),
        payment_rule: default_payment_rule(),
        awarded_at: Some(state.clock.now()),
    };
    insert(txn, state, actor, caller, new).await
}

/// Changes to a draft contract; `None` leaves a field as it is.
#[derive(Default)]
pub struct ContractChanges {
    pub title: Option<String>,
    pub multi_year_reason: Option<Option<String>>,
    pub amount_fen: Option<i64>,
    /// Session types, as stored JSON.
    pub categories: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub multi_year: Option<bool>,
    /// KPI targets, as stored JSON.
    pub kpis: Option<String>,
    pub payment_rule: Option<Vec<PaymentBand>>,
}

/// Edits a draft contract (409 once it is signed: amend it instead); the
/// term rule is judged on the result. `broken` are the caller's field errors.
pub async fn update<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    mut c: contract::Model,
    changes: ContractChanges,
    mut broken: Vec<FieldError>,
) -> ApiResult<contract::Model> {
    if c.status != ContractStatus::Draft.as_str() {
        return Err(ApiError::InvalidTransition(
            "only a draft contract can be edited; propose an amendment".into(),
        ));
    }
    if let Some(t) = changes.title {
        c.title = t;
    }
    if let Some(r) = changes.multi_year_reason {
        c.multi_year_reason = r;
    }
    if let Some(a) = changes.amount_fen {
        c.amount_fen = a;
        c.original_amount_fen = a;
    }
    if let Some(cat) = changes.categories {
        c.categories = cat;
    }
    c.start_date = changes.start_date.unwrap_or(c.start_date);
    c.end_date = changes.end_date.unwrap_or(c.end_date);
    c.multi_year = changes.multi_year.unwrap_or(c.multi_year);
    broken.extend(term_problems(
        c.start_date,
        c.end_date,
        c.multi_year,
        &c.multi_year_reason,
    ));
    if let Some(k) = changes.kpis {
        c.kpis = k;
    }
    if let Some(r) = changes.payment_rule {
        broken.extend(rule_problems(&r));
        c.payment_rule = to_json_text(&r);
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let c = store::contracts::save(txn, c, state.clock.now()).await?;
    let detail = json!({"version": c.version});
    let object = Some(c.id.to_string());
    audit::record(txn, actor, "contract.update", "contract", object, detail).await?;
    Ok(c)
}

/// Moves a contract along its life cycle. Signing records `signed_at` and
/// needs any milestones to add up to the amount; a reason (suspend,
/// terminate) is kept, and resuming clears it.
pub async fn transition<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    mut c: contract::Model,
    action: ContractAction,
    reason: Option<String>,
) -> ApiResult<contract::Model> {
    let now = state.clock.now();
    let status: ContractStatus = stored(&c.status)?;
    let next = status
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    if action == ContractAction::Sign {
        let milestones = store::contracts::all_milestones(txn, c.id).await?;
        let total: i64 = milestones.iter().map(|m| m.amount_fen).sum();
        if !milestones.is_empty() && total != c.amount_fen {
            return Err(ApiError::field(
                "milestones",
                format!(
                    "add up to {total} fen, not the contract amount {}",
                    c.amount_fen
                ),
            ));
        }
        c.signed_at = Some(now);
        c.original_amount_fen = c.amount_fen;
    }
    if reason.is_some() || matches!(action, ContractAction::Resume) {
        c.status_reason = reason;
    }
    c.status = next.as_str().into();
    let c = store::contracts::save(txn, c, now).await?;
    let verb = format!("contract.{}", action_name(action));
    let detail = json!({"status": c.status});
    audit::record(
        txn,
        actor,
        &verb,
        "contract",
        Some(c.id.to_string()),
        detail,
    )
    .await?;
    Ok(c)
}

fn action_name(a: ContractAction) -> &'static str {
    match a {
        ContractAction::Sign => "sign",
        ContractAction::Suspend => "suspend",
        ContractAction::Resume => "resume",
        ContractAction::Complete => "complete",
        ContractAction::Terminate => "terminate",
    }
}
