//! `/api/v1/contracts` and what hangs off a contract: KPIs, payment
//! milestones, amendments (补充合同) and performance evaluations (绩效评价).

use crate::api::text::{Cursor, Prose, Stored};
use crate::api::wire::{AmendmentState, ContractState, MilestoneState};
use crate::app;
use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        types::{
            Check, KpiMetric, KpiTarget, SessionType, Text, check_kpis, from_json_text, stored,
            to_json_text,
        },
    },
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::{
        contract::{
            AmendmentAction, AmendmentStatus, ContractAction, ContractStatus, MilestoneAction,
            MilestoneStatus, TermError, check_term, contract_no, default_payment_rule,
            within_amendment_cap,
        },
        kpi::progress,
        roles::OrgKind,
    },
    error::{ApiError, ApiResult},
    store::{self, audit, page::PageRequest},
};

/// One band of the payment rule: from `min_score` up, pay `percent` %.
#[derive(Object, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct PaymentRuleBand {
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub min_score: i64,
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub percent: i64,
}

/// A purchase-of-service contract.
#[derive(Object)]
pub struct Contract {
    pub id: Uuid,
    /// `WS-2026-001` style, per bureau and year.
    pub contract_no: String,
    pub title: String,
    #[oai(nullable)]
    pub procurement_id: Option<Uuid>,
    #[oai(nullable)]
    pub bid_id: Option<Uuid>,
    pub bureau_id: Uuid,
    pub ngo_id: Uuid,
    pub categories: Vec<SessionType>,
    pub amount_fen: i64,
    /// The amount at signing, base of the 10 % amendment cap.
    pub original_amount_fen: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub multi_year: bool,
    #[oai(nullable)]
    pub multi_year_reason: Option<String>,
    pub kpis: Vec<KpiTarget>,
    /// Score bands deciding each milestone's payable share (below the lowest: withheld).
    pub payment_rule: Vec<PaymentRuleBand>,
    pub status: Stored<ContractState>,
    #[oai(nullable)]
    pub awarded_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub signed_at: Option<DateTime<Utc>>,
    /// Reason of the last suspension or the termination.
    #[oai(nullable)]
    pub status_reason: Option<String>,
    /// Compliance notes, e.g. signed more than 30 days after the award.
    pub warnings: Vec<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Contract {
    pub fn from_model(m: entity::contract::Model) -> ApiResult<Self> {
        let mut warnings = Vec::new();
        if let (Some(a), Some(s)) = (m.awarded_at, m.signed_at) {
            let days = (s - a).num_days();
            if days > 30 {
                warnings.push(format!(
                    "signed {days} days after the award; the Government Procurement Law asks for 30"
                ));
            }
        }
        Ok(Self {
            categories: from_json_text(&m.categories)?,
            kpis: from_json_text(&m.kpis)?,
            payment_rule: from_json_text(&m.payment_rule)?,
            warnings,
            id: m.id,
            contract_no: m.contract_no,
            title: m.title,
            procurement_id: m.procurement_id,
            bid_id: m.bid_id,
            bureau_id: m.bureau_id,
            ngo_id: m.ngo_id,
            amount_fen: m.amount_fen,
            original_amount_fen: m.original_amount_fen,
            start_date: m.start_date,
            end_date: m.end_date,
            multi_year: m.multi_year,
            multi_year_reason: m.multi_year_reason,
            status: Stored::new(m.status),
            awarded_at: m.awarded_at,
            signed_at: m.signed_at,
            status_reason: m.status_reason,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// A directly negotiated (e.g. single-source) contract, created as `draft`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateContract {
    pub title: Text<200>,
    #[oai(nullable)]
    pub procurement_id: Option<Uuid>,
    pub ngo_id: Uuid,
    pub categories: Vec<SessionType>,
    #[oai(validator(minimum(value = "1")))]
    pub amount_fen: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub multi_year: bool,
    #[oai(nullable)]
    pub multi_year_reason: Option<Prose<2000>>,
    pub kpis: Vec<KpiTarget>,
    /// Default: ≥ 90 → 100 %, ≥ 80 → 90 %, ≥ 70 → 80 %, below → withheld.
    #[oai(nullable)]
    pub payment_rule: Option<Vec<PaymentRuleBand>>,
}

/// Changes to a draft contract; absent fields stay. Requires `If-Match`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateContract {
    #[oai(nullable)]
    pub title: Option<Text<200>>,
    #[oai(nullable)]
    pub categories: Option<Vec<SessionType>>,
    #[oai(nullable)]
    #[oai(validator(minimum(value = "1")))]
    pub amount_fen: Option<i64>,
    #[oai(nullable)]
    pub start_date: Option<NaiveDate>,
    #[oai(nullable)]
    pub end_date: Option<NaiveDate>,
    #[oai(nullable)]
    pub multi_year: Option<bool>,
    #[oai(nullable)]
    pub multi_year_reason: Option<Prose<2000>>,
    #[oai(nullable)]
    pub kpis: Option<Vec<KpiTarget>>,
    #[oai(nullable)]
    pub payment_rule: Option<Vec<PaymentRuleBand>>,
}

/// A reason for a transition (required to terminate).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct TransitionReason {
    #[oai(nullable)]
    pub reason: Option<Prose<2000>>,
}

/// A KPI with its live actual value.
#[derive(Object)]
pub struct KpiValue {
    pub metric: KpiMetric,
    pub target: f64,
    /// `null` when nothing is measured yet (satisfaction without ratings).
    #[oai(nullable)]
    pub actual: Option<f64>,
    /// actual ÷ target; `null` when the target is 0 or nothing is measured.
    #[oai(nullable)]
    pub progress: Option<f64>,
}

/// A payment milestone.
#[derive(Object)]
pub struct Milestone {
    pub id: Uuid,
    pub contract_id: Uuid,
    pub name: String,
    pub due_date: NaiveDate,
    pub amount_fen: i64,
    pub min_score: i32,
    pub status: Stored<MilestoneState>,
    /// The evaluation that decided eligibility.
    #[oai(nullable)]
    pub evaluation_id: Option<Uuid>,
    /// What the payment rule allows for that evaluation's score.
    #[oai(nullable)]
    pub payable_fen: Option<i64>,
    #[oai(nullable)]
    pub approved_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub paid_at: Option<DateTime<Utc>>,
}

impl From<entity::milestone::Model> for Milestone {
    fn from(m: entity::milestone::Model) -> Self {
        Self {
            id: m.id,
            contract_id: m.contract_id,
            name: m.name,
            due_date: m.due_date,
            amount_fen: m.amount_fen,
            min_score: m.min_score,
            status: Stored::new(m.status),
            evaluation_id: m.evaluation_id,
            payable_fen: m.payable_fen,
            approved_at: m.approved_at,
            paid_at: m.paid_at,
        }
    }
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateMilestone {
    pub name: Text<200>,
    pub due_date: NaiveDate,
    #[oai(validator(minimum(value = "1")))]
    pub amount_fen: i64,
    /// Evaluation score (0–100) needed for the milestone to become payable.
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub min_score: i32,
}

/// A proposed change to an active contract.
#[derive(Object)]
pub struct Amendment {
    pub id: Uuid,
    pub contract_id: Uuid,
    pub reason: String,
    #[oai(nullable)]
    pub amount_fen: Option<i64>,
    #[oai(nullable)]
    pub end_date: Option<NaiveDate>,
    #[oai(nullable)]
    pub kpis: Option<Vec<KpiTarget>>,
    pub status: Stored<AmendmentState>,
    pub proposed_by: Uuid,
    #[oai(nullable)]
    pub decided_by: Option<Uuid>,
    #[oai(nullable)]
    pub decided_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub decision_note: Option<String>,
    /// The contract's terms before this amendment was applied (history);
    /// `null` until approved.
    pub before: Option<serde_json::Value>,
    pub created_at: DateTime<Utc>,
}

impl Amendment {
    fn from_model(m: entity::amendment::Model) -> ApiResult<Self> {
        Ok(Self {
            kpis: m.kpis.as_deref().map(from_json_text).transpose()?,
            before: m.before.as_deref().map(from_json_text).transpose()?,
            id: m.id,
            contract_id: m.contract_id,
            reason: m.reason,
            amount_fen: m.amount_fen,
            end_date: m.end_date,
            status: Stored::new(m.status),
            proposed_by: m.proposed_by,
            decided_by: m.decided_by,
            decided_at: m.decided_at,
            decision_note: m.decision_note,
            created_at: m.created_at,
        })
    }
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateAmendment {
    pub reason: Prose<2000>,
    /// The new total amount.
    #[oai(nullable)]
    #[oai(validator(minimum(value = "1")))]
    pub amount_fen: Option<i64>,
    #[oai(nullable)]
    pub end_date: Option<NaiveDate>,
    /// The new KPI list.
    #[oai(nullable)]
    pub kpis: Option<Vec<KpiTarget>>,
}

/// An optional note on a decision.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct DecisionNote {
    #[oai(nullable)]
    pub note: Option<Prose<2000>>,
}

/// A rating of one KPI in an evaluation.
#[derive(Object, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct KpiRating {
    pub metric: KpiMetric,
    /// 0–100.
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub rating: i64,
    #[oai(nullable)]
    pub comment: Option<Prose<2000>>,
}

/// A performance evaluation.
#[derive(Object)]
pub struct Evaluation {
    pub id: Uuid,
    pub contract_id: Uuid,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    pub kpi_ratings: Vec<KpiRating>,
    pub comment: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl Evaluation {
    fn from_model(m: entity::evaluation::Model) -> ApiResult<Self> {
        Ok(Self {
            kpi_ratings: from_json_text(&m.kpi_ratings)?,
            id: m.id,
            contract_id: m.contract_id,
            period_start: m.period_start,
            period_end: m.period_end,
            score: m.score,
            comment: m.comment,
            created_by: m.created_by,
            created_at: m.created_at,
        })
    }
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateEvaluation {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// 0–100.
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub score: i32,
    pub kpi_ratings: Vec<KpiRating>,
    pub comment: Prose<10_000>,
}

/// Term, multi-year reason and KPI checks shared by create, update and award.
fn check_terms(
    check: &mut Check,
    start: NaiveDate,
    end: NaiveDate,
    multi_year: bool,
    multi_year_reason: &Option<String>,
) {
    match check_term(start, end, multi_year) {
        Ok(()) => {}
        Err(TermError::EndBeforeStart) => check.fail("end_date", "must not be before start_date"),
        Err(TermError::OverTwelveMonths) => check.fail(
            "end_date",
            "term exceeds 12 months; set multi_year with a multi_year_reason (≤ 36 months)",
        ),
        Err(TermError::OverThirtySixMonths) => check.fail("end_date", "term exceeds 36 months"),
    }
    if multi_year && multi_year_reason.is_none() {
        check.fail("multi_year_reason", "is required for a multi-year contract");
    }
}

fn check_rule(check: &mut Check, rule: &[PaymentRuleBand]) {
    if rule.is_empty()
        || rule
            .iter()
            .any(|b| !(0..=100).contains(&b.min_score) || !(0..=100).contains(&b.percent))
    {
        check.fail(
            "payment_rule",
            "needs bands with min_score and percent in 0–100",
        );
    }
}

/// Numbers a new contract and inserts it (inside the caller's transaction).
#[allow(clippy::too_many_arguments)]
async fn insert_contract<C: ConnectionTrait>(
    txn: &C,
    ctx: &Ctx,
    caller: &UserCaller,
    title: String,
    procurement_id: Option<Uuid>,
    bid_id: Option<Uuid>,
    ngo_id: Uuid,
    categories: &[SessionType],
    amount_fen: i64,
    (start_date, end_date): (NaiveDate, NaiveDate),
    (multi_year, multi_year_reason): (bool, Option<String>),
    kpis: &[KpiTarget],
    rule: Vec<PaymentRuleBand>,
    awarded_at: Option<DateTime<Utc>>,
) -> ApiResult<entity::contract::Model> {
    let now = ctx.state.clock.now();
    let year = ctx
        .state
        .clock
        .today(ctx.state.settings.tz())
        .format("%Y")
        .to_string()
        .parse()
        .unwrap_or(2026);
    let seq = store::contracts::next_seq(txn, caller.org_id, year).await?;
    let c = store::contracts::insert(
        txn,
        entity::contract::Model {
            id: Uuid::now_v7(),
            bureau_id: caller.org_id,
            contract_no: contract_no(&ctx.state.settings.contract_prefix, year, seq),
            year,
            seq,
            title,
            procurement_id,
            bid_id,
            ngo_id,
            categories: to_json_text(&categories),
            amount_fen,
            original_amount_fen: amount_fen,
            start_date,
            end_date,
            multi_year,
            multi_year_reason,
            kpis: to_json_text(&kpis),
            payment_rule: to_json_text(&rule),
            status: ContractStatus::Draft.as_str().into(),
            awarded_at,
            signed_at: None,
            status_reason: None,
            created_by: caller.user_id,
            version: 1,
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    audit::record(
        txn,
        &ctx.actor(&crate::auth::authz::Caller::User(caller.clone())),
        "contract.create",
        "contract",
        Some(c.id.to_string()),
        json!({"contract_no": c.contract_no, "amount_fen": c.amount_fen, "ngo_id": c.ngo_id}),
    )
    .await?;
    Ok(c)
}

fn default_rule() -> Vec<PaymentRuleBand> {
    default_payment_rule()
        .into_iter()
        .map(|b| PaymentRuleBand {
            min_score: b.min_score,
            percent: b.percent,
        })
        .collect()
}

/// The draft contract an award creates: amount = bid price, KPIs = template
/// targets overridden by the bid's planned targets (plus any extra planned KPIs).
pub async fn contract_from_award<C: ConnectionTrait>(
    txn: &C,
    ctx: &Ctx,
    caller: &UserCaller,
    p: &entity::procurement::Model,
    bid: &entity::bid::Model,
    now: DateTime<Utc>,
) -> ApiResult<entity::contract::Model> {
    let mut kpis: Vec<KpiTarget> = from_json_text(&p.kpi_template)?;
    let planned: Vec<crate::api::types::PlannedKpi> = from_json_text(&bid.planned_kpis)?;
    for pk in planned {
        match kpis.iter_mut().find(|k| k.metric == pk.metric) {
            Some(k) => k.target = pk.target,
            None => kpis.push(KpiTarget {
                metric: pk.metric,
                target: pk.target,
                weight: 0,
            }),
        }
    }
    let categories: Vec<SessionType> = from_json_text(&p.categories)?;
    let multi_year = check_term(p.service_start, p.service_end, false).is_err();
    insert_contract(
        txn,
        ctx,
        caller,
        p.title.clone(),
        Some(p.id),
        Some(bid.id),
        bid.ngo_id,
        &categories,
        bid.price_fen,
        (p.service_start, p.service_end),
        (
            multi_year,
            multi_year.then(|| format!("service period of procurement {}", p.id)),
        ),
        &kpis,
        default_rule(),
        Some(now),
    )
    .await
}

/// Applies a contract transition and saves it.
async fn contract_transition(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    if_match: Option<String>,
    action: ContractAction,
    reason: Option<String>,
) -> ApiResult<Json<Contract>> {
    let caller = auth.0.require(Permission::ManageContracts)?;
    let now = ctx.state.clock.now();
    let txn = ctx.state.db.begin().await?;
    let mut c = store::contracts::get(&txn, caller, id).await?;
    // Optional here: a console acting on what it showed sends the version it saw.
    check_if_match(if_match.as_deref(), c.version, false)?;
    let status: ContractStatus = stored(&c.status)?;
    let next = status
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    if action == ContractAction::Sign {
        let milestones = store::contracts::all_milestones(&txn, c.id).await?;
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
    let c = store::contracts::save(&txn, c, now).await?;
    let name = format!("contract.{}", next_action_name(action));
    audit::record(
        &txn,
        &ctx.actor(&auth.0),
        &name,
        "contract",
        Some(c.id.to_string()),
        json!({"status": c.status}),
    )
    .await?;
    txn.commit().await?;
    Ok(Json(Contract::from_model(c)?))
}

fn next_action_name(a: ContractAction) -> &'static str {
    match a {
        ContractAction::Sign => "sign",
        ContractAction::Suspend => "suspend",
        ContractAction::Resume => "resume",
        ContractAction::Complete => "complete",
        ContractAction::Terminate => "terminate",
    }
}

pub struct ContractsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Contracts")]
impl ContractsApi {
    /// List contracts
    ///
    /// NGOs see their own; filters `status`, `ngo_id`.
    #[oai(path = "/contracts", method = "get", operation_id = "list_contracts")]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<ContractState>>,
        ngo_id: Query<Option<Uuid>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Contract>>> {
        let caller = auth.0.require(Permission::ReadContracts)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) = store::contracts::list(
            &ctx.state.db.read,
            caller,
            status.0.map(ContractState::as_str),
            ngo_id.0,
            &page,
        )
        .await?;
        Page::try_from_rows(rows, next, Contract::from_model)
    }

    /// Create a contract directly (e.g. single-source)
    ///
    /// Term ≤ 12 months, or ≤ 36 with `multi_year` and a reason.
    #[oai(path = "/contracts", method = "post", operation_id = "create_contract")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateContract>,
    ) -> ApiResult<Created<Contract>> {
        let caller = auth.0.require(Permission::ManageContracts)?;
        let db = &ctx.state.db;
        let mut check = Check::new();
        let title = check.text("title", &body.title);
        let reason = check.opt_text("multi_year_reason", body.multi_year_reason.as_ref());
        if body.amount_fen <= 0 {
            check.fail("amount_fen", "must be positive");
        }
        if body.categories.is_empty() {
            check.fail("categories", "must name at least one session type");
        }
        check_terms(
            &mut check,
            body.start_date,
            body.end_date,
            body.multi_year,
            &reason,
        );
        check_kpis(&mut check, "kpis", &body.kpis);
        let rule = body.payment_rule.clone().unwrap_or_else(default_rule);
        check_rule(&mut check, &rule);
        let ngo_ok = store::organizations::find(&db.read, body.ngo_id)
            .await?
            .is_some_and(|o| o.kind == OrgKind::Ngo.as_str());
        if !ngo_ok {
            check.fail("ngo_id", "must be an NGO");
        }
        check.finish()?;
        let txn = db.begin().await?;
        let c = insert_contract(
            &txn,
            &ctx,
            caller,
            title,
            body.procurement_id,
            None,
            body.ngo_id,
            &body.categories,
            body.amount_fen,
            (body.start_date, body.end_date),
            (body.multi_year, reason),
            &body.kpis,
            rule,
            None,
        )
        .await?;
        txn.commit().await?;
        let location = format!("/api/v1/contracts/{}", c.id);
        Ok(Created::Created(Json(Contract::from_model(c)?), location))
    }

    /// Get a contract
    #[oai(path = "/contracts/:id", method = "get", operation_id = "get_contract")]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Versioned<Contract>> {
        let caller = auth.0.require(Permission::ReadContracts)?;
        let c = store::contracts::get(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(c.version);
        Ok(Versioned::Ok(Json(Contract::from_model(c)?), tag))
    }

    /// Update a draft contract
    ///
    /// Only in `draft`; `If-Match: "<version>"` is required (428 without, 412 when stale).
    #[oai(
        path = "/contracts/:id",
        method = "patch",
        operation_id = "update_contract"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateContract>,
    ) -> ApiResult<Versioned<Contract>> {
        let caller = auth.0.require(Permission::ManageContracts)?;
        let txn = ctx.state.db.begin().await?;
        let mut c = store::contracts::get(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), c.version, true)?;
        if c.status != ContractStatus::Draft.as_str() {
            return Err(ApiError::InvalidTransition(
                "only a draft contract can be edited; propose an amendment".into(),
            ));
        }
        let mut check = Check::new();
        if let Some(t) = &body.title {
            c.title = check.text("title", t);
        }
        if let Some(r) = &body.multi_year_reason {
            c.multi_year_reason = check.opt_text("multi_year_reason", Some(r));
        }
        if let Some(a) = body.amount_fen {
            if a <= 0 {
                check.fail("amount_fen", "must be positive");
            }
            c.amount_fen = a;
            c.original_amount_fen = a;
        }
        if let Some(cat) = &body.categories {
            if cat.is_empty() {
                check.fail("categories", "must name at least one session type");
            }
            c.categories = to_json_text(cat);
        }
        c.start_date = body.start_date.unwrap_or(c.start_date);
        c.end_date = body.end_date.unwrap_or(c.end_date);
        c.multi_year = body.multi_year.unwrap_or(c.multi_year);
        check_terms(
            &mut check,
            c.start_date,
            c.end_date,
            c.multi_year,
            &c.multi_year_reason,
        );
        if let Some(k) = &body.kpis {
            check_kpis(&mut check, "kpis", k);
            c.kpis = to_json_text(k);
        }
        if let Some(r) = &body.payment_rule {
            check_rule(&mut check, r);
            c.payment_rule = to_json_text(r);
        }
        check.finish()?;
        let c = store::contracts::save(&txn, c, ctx.state.clock.now()).await?;
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "contract.update",
            "contract",
            Some(c.id.to_string()),
            json!({"version": c.version}),
        )
        .await?;
        txn.commit().await?;
        let tag = etag(c.version);
        Ok(Versioned::Ok(Json(Contract::from_model(c)?), tag))
    }

    /// Sign a contract (draft → active)
    ///
    /// Records `signed_at`; milestones, if any, must add up to the amount.
    /// Like every contract transition, takes an optional `If-Match` (412 when stale).
    #[oai(
        path = "/contracts/:id/sign",
        method = "post",
        operation_id = "sign_contract"
    )]
    async fn sign(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
    ) -> ApiResult<Json<Contract>> {
        contract_transition(&ctx, &auth, id.0, if_match.0, ContractAction::Sign, None).await
    }

    /// Suspend a contract (active → suspended)
    #[oai(
        path = "/contracts/:id/suspend",
        method = "post",
        operation_id = "suspend_contract"
    )]
    async fn suspend(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<TransitionReason>,
    ) -> ApiResult<Json<Contract>> {
        let reason = body
            .reason
            .as_deref()
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        contract_transition(
            &ctx,
            &auth,
            id.0,
            if_match.0,
            ContractAction::Suspend,
            reason,
        )
        .await
    }

    /// Resume a contract (suspended → active)
    #[oai(
        path = "/contracts/:id/resume",
        method = "post",
        operation_id = "resume_contract"
    )]
    async fn resume(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
    ) -> ApiResult<Json<Contract>> {
        contract_transition(&ctx, &auth, id.0, if_match.0, ContractAction::Resume, None).await
    }

    /// Complete a contract (active → completed)
    #[oai(
        path = "/contracts/:id/complete",
        method = "post",
        operation_id = "complete_contract"
    )]
    async fn complete(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
    ) -> ApiResult<Json<Contract>> {
        contract_transition(
            &ctx,
            &auth,
            id.0,
            if_match.0,
            ContractAction::Complete,
            None,
        )
        .await
    }

    /// Terminate a contract
    ///
    /// From draft, active or suspended; a `reason` is required.
    #[oai(
        path = "/contracts/:id/terminate",
        method = "post",
        operation_id = "terminate_contract"
    )]
    async fn terminate(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<TransitionReason>,
    ) -> ApiResult<Json<Contract>> {
        auth.0.require(Permission::ManageContracts)?;
        let mut check = Check::new();
        let reason = check.opt_text("reason", body.reason.as_ref());
        if reason.is_none() {
            check.fail("reason", "is required to terminate");
        }
        check.finish()?;
        contract_transition(
            &ctx,
            &auth,
            id.0,
            if_match.0,
            ContractAction::Terminate,
            reason,
        )
        .await
    }

    /// Live KPI progress of a contract
    ///
    /// Actuals come from delivery data (sessions and attendance).
    #[oai(
        path = "/contracts/:id/kpis",
        method = "get",
        operation_id = "get_contract_kpis"
    )]
    async fn kpis(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<Vec<KpiValue>>> {
        let caller = auth.0.require(Permission::ReadContracts)?;
        let c = store::contracts::get(&ctx.state.db.read, caller, id.0).await?;
        let targets: Vec<KpiTarget> = from_json_text(&c.kpis)?;
        let counts = store::stats::delivery(
            &ctx.state.db.read,
            ctx.state.settings.tz(),
            Some(c.id),
            Default::default(),
        )
        .await?
        .remove(&c.id)
        .unwrap_or_default();
        let pairs: Vec<(String, f64)> = targets
            .iter()
            .map(|k| (k.metric.name(), k.target))
            .collect();
        let values = progress(&pairs, &counts)
            .into_iter()
            .zip(&targets)
            .map(|(p, t)| KpiValue {
                metric: t.metric,
                target: p.target,
                actual: p.actual,
                progress: p.progress,
            })
            .collect();
        Ok(Json(values))
    }

    /// List a contract's payment milestones
    #[oai(
        path = "/contracts/:id/milestones",
        method = "get",
        operation_id = "list_milestones"
    )]
    async fn list_milestones(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Milestone>>> {
        let caller = auth.0.require(Permission::ReadContractDetails)?;
        let c = store::contracts::get(&ctx.state.db.read, caller, id.0).await?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) =
            store::contracts::list_milestones(&ctx.state.db.read, c.id, &page).await?;
        Ok(Page::from_rows(rows, next, Milestone::from))
    }

    /// Add a payment milestone
    ///
    /// Due within the term; all milestones together may not exceed the amount.
    #[oai(
        path = "/contracts/:id/milestones",
        method = "post",
        operation_id = "create_milestone"
    )]
    async fn create_milestone(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateMilestone>,
    ) -> ApiResult<Created<Milestone>> {
        let caller = auth.0.require(Permission::ManageMilestones)?;
        let mut check = Check::new();
        let new = app::contracts::NewMilestone {
            name: check.text("name", &body.name),
            due_date: body.due_date,
            amount_fen: body.amount_fen,
            min_score: body.min_score,
        };
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let m = app::contracts::add_milestone(&txn, &ctx.state, &actor, caller, id.0, new, broken)
            .await?;
        txn.commit().await?;
        let location = format!("/api/v1/contracts/{}/milestones", m.contract_id);
        Ok(Created::Created(Json(m.into()), location))
    }

    /// Approve an eligible milestone for payment
    #[oai(
        path = "/milestones/:id/approve",
        method = "post",
        operation_id = "approve_milestone"
    )]
    async fn approve_milestone(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<Milestone>> {
        milestone_step(&ctx, &auth, id.0, MilestoneAction::Approve).await
    }

    /// Record a milestone as paid
    #[oai(
        path = "/milestones/:id/pay",
        method = "post",
        operation_id = "pay_milestone"
    )]
    async fn pay_milestone(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<Milestone>> {
        milestone_step(&ctx, &auth, id.0, MilestoneAction::Pay).await
    }

    /// List a contract's amendments (its change history)
    #[oai(
        path = "/contracts/:id/amendments",
        method = "get",
        operation_id = "list_amendments"
    )]
    async fn list_amendments(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Amendment>>> {
        let caller = auth.0.require(Permission::ReadContractDetails)?;
        let c = store::contracts::get(&ctx.state.db.read, caller, id.0).await?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) =
            store::contracts::list_amendments(&ctx.state.db.read, c.id, &page).await?;
        Page::try_from_rows(rows, next, Amendment::from_model)
    }

    /// Propose an amendment
    ///
    /// To an active or suspended contract; approved increases together stay ≤ 10 % of the original amount.
    #[oai(
        path = "/contracts/:id/amendments",
        method = "post",
        operation_id = "create_amendment"
    )]
    async fn create_amendment(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateAmendment>,
    ) -> ApiResult<Created<Amendment>> {
        let caller = auth.0.require(Permission::ProposeAmendment)?;
        let txn = ctx.state.db.begin().await?;
        let c = store::contracts::get(&txn, caller, id.0).await?;
        if !matches!(c.status.as_str(), "active" | "suspended") {
            return Err(ApiError::InvalidTransition(
                "amendments apply to active or suspended contracts; edit a draft directly".into(),
            ));
        }
        let mut check = Check::new();
        let reason = check.text("reason", &body.reason);
        if body.amount_fen.is_none() && body.end_date.is_none() && body.kpis.is_none() {
            check.fail(
                "amount_fen",
                "an amendment changes the amount, the end date or the KPIs",
            );
        }
        check_change(&mut check, &c, body.amount_fen, body.end_date);
        if let Some(k) = &body.kpis {
            check_kpis(&mut check, "kpis", k);
        }
        check.finish()?;
        let a = store::contracts::insert_amendment(
            &txn,
            entity::amendment::Model {
                id: Uuid::now_v7(),
                contract_id: c.id,
                reason,
                amount_fen: body.amount_fen,
                end_date: body.end_date,
                kpis: body.kpis.as_ref().map(to_json_text),
                status: AmendmentStatus::Proposed.as_str().into(),
                proposed_by: caller.user_id,
                decided_by: None,
                decided_at: None,
                decision_note: None,
                before: None,
                created_at: ctx.state.clock.now(),
            },
        )
        .await?;
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "amendment.create",
            "amendment",
            Some(a.id.to_string()),
            json!({"contract_id": c.id, "amount_fen": a.amount_fen}),
        )
        .await?;
        txn.commit().await?;
        let location = format!("/api/v1/contracts/{}/amendments", c.id);
        Ok(Created::Created(Json(Amendment::from_model(a)?), location))
    }

    /// Approve an amendment and apply it to the contract
    #[oai(
        path = "/amendments/:id/approve",
        method = "post",
        operation_id = "approve_amendment"
    )]
    async fn approve_amendment(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<DecisionNote>,
    ) -> ApiResult<Json<Amendment>> {
        decide(&ctx, &auth, id.0, AmendmentAction::Approve, body.0).await
    }

    /// Reject an amendment
    #[oai(
        path = "/amendments/:id/reject",
        method = "post",
        operation_id = "reject_amendment"
    )]
    async fn reject_amendment(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<DecisionNote>,
    ) -> ApiResult<Json<Amendment>> {
        decide(&ctx, &auth, id.0, AmendmentAction::Reject, body.0).await
    }

    /// List a contract's performance evaluations
    #[oai(
        path = "/contracts/:id/evaluations",
        method = "get",
        operation_id = "list_evaluations"
    )]
    async fn list_evaluations(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Evaluation>>> {
        let caller = auth.0.require(Permission::ReadContractDetails)?;
        let c = store::contracts::get(&ctx.state.db.read, caller, id.0).await?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) =
            store::contracts::list_evaluations(&ctx.state.db.read, c.id, &page).await?;
        Page::try_from_rows(rows, next, Evaluation::from_model)
    }

    /// Record a performance evaluation
    ///
    /// Milestones due within the period become `eligible` (score ≥ their
    /// `min_score` and the payment rule pays) or `withheld`.
    #[oai(
        path = "/contracts/:id/evaluations",
        method = "post",
        operation_id = "create_evaluation"
    )]
    async fn create_evaluation(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateEvaluation>,
    ) -> ApiResult<Created<Evaluation>> {
        let caller = auth.0.require(Permission::RecordEvaluation)?;
        let mut check = Check::new();
        let comment = check.text("comment", &body.comment);
        for (i, r) in body.kpi_ratings.iter().enumerate() {
            check.opt_text(&format!("kpi_ratings[{i}].comment"), r.comment.as_ref());
        }
        let new = app::contracts::NewEvaluation {
            period_start: body.period_start,
            period_end: body.period_end,
            score: body.score,
            ratings: body.kpi_ratings.iter().map(|r| r.rating).collect(),
            kpi_ratings: to_json_text(&body.kpi_ratings),
            comment,
        };
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let e =
            app::contracts::evaluate(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/contracts/{}/evaluations", e.contract_id);
        Ok(Created::Created(Json(Evaluation::from_model(e)?), location))
    }
}

/// Amount and end-date checks of an amendment against its contract.
fn check_change(
    check: &mut Check,
    c: &entity::contract::Model,
    amount: Option<i64>,
    end: Option<NaiveDate>,
) {
    if let Some(a) = amount {
        let already = (c.amount_fen - c.original_amount_fen).max(0);
        let increase = a - c.amount_fen;
        if a <= 0 {
            check.fail("amount_fen", "must be positive");
        } else if !within_amendment_cap(c.original_amount_fen, already, increase) {
            check.fail(
                "amount_fen",
                format!(
                    "approved increases together may not exceed 10 % of the original {} fen",
                    c.original_amount_fen
                ),
            );
        }
    }
    if let Some(e) = end {
        check_terms(check, c.start_date, e, c.multi_year, &c.multi_year_reason);
    }
}

async fn decide(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: AmendmentAction,
    note: DecisionNote,
) -> ApiResult<Json<Amendment>> {
    let caller = auth.0.require(Permission::DecideAmendment)?;
    let now = ctx.state.clock.now();
    let txn = ctx.state.db.begin().await?;
    let (mut a, mut c) = store::contracts::get_amendment(&txn, caller, id).await?;
    let status: AmendmentStatus = stored(&a.status)?;
    let next = status
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    let mut check = Check::new();
    a.decision_note = check.opt_text("note", note.note.as_ref());
    if action == AmendmentAction::Approve {
        if !matches!(c.status.as_str(), "active" | "suspended") {
            return Err(ApiError::InvalidTransition(format!(
                "the contract is {}",
                c.status
            )));
        }
        check_change(&mut check, &c, a.amount_fen, a.end_date);
        check.finish()?;
        a.before = Some(to_json_text(&json!({
            "amount_fen": c.amount_fen, "end_date": c.end_date, "kpis": serde_json::from_str::<serde_json::Value>(&c.kpis).unwrap_or_default(), "version": c.version,
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
        let c = store::contracts::save(&txn, c, now).await?;
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "contract.amend",
            "contract",
            Some(c.id.to_string()),
            json!({"amendment_id": a.id, "amount_fen": c.amount_fen, "version": c.version}),
        )
        .await?;
    } else {
        check.finish()?;
    }
    a.status = next.as_str().into();
    a.decided_by = Some(caller.user_id);
    a.decided_at = Some(now);
    let a = store::contracts::save_amendment(&txn, a).await?;
    audit::record(
        &txn,
        &ctx.actor(&auth.0),
        &format!("amendment.{}", a.status),
        "amendment",
        Some(a.id.to_string()),
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(Json(Amendment::from_model(a)?))
}

async fn milestone_step(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: MilestoneAction,
) -> ApiResult<Json<Milestone>> {
    let caller = auth.0.require(Permission::ManageMilestones)?;
    let now = ctx.state.clock.now();
    let txn = ctx.state.db.begin().await?;
    let (mut m, _c) = store::contracts::get_milestone(&txn, caller, id).await?;
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
    let m = store::contracts::save_milestone(&txn, m).await?;
    audit::record(
        &txn,
        &ctx.actor(&auth.0),
        &format!("milestone.{}", m.status),
        "milestone",
        Some(m.id.to_string()),
        json!({"payable_fen": m.payable_fen}),
    )
    .await?;
    txn.commit().await?;
    Ok(Json(m.into()))
}
