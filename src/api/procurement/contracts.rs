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
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::app::contracts::{rule_problems, term_problems};
use crate::error::FieldError;
use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        types::{
            Check, KpiMetric, KpiTarget, SessionType, Text, check_kpis, from_json_text,
            to_json_text,
        },
    },
    auth::{authz::Permission, scheme::BearerAuth},
    domain::{
        contract::{
            AmendmentAction, ContractAction, MilestoneAction, PaymentBand, default_payment_rule,
        },
        kpi::progress,
    },
    error::ApiResult,
    store::{self, page::PageRequest},
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

impl CreateContract {
    /// The contract to draft and the request's own field errors.
    fn input(&self) -> (app::contracts::NewContract, Vec<FieldError>) {
        let mut check = Check::new();
        let title = check.text("title", &self.title);
        let multi_year_reason =
            check.opt_text("multi_year_reason", self.multi_year_reason.as_ref());
        if self.amount_fen <= 0 {
            check.fail("amount_fen", "must be positive");
        }
        if self.categories.is_empty() {
            check.fail("categories", "must name at least one session type");
        }
        let (start, end) = (self.start_date, self.end_date);
        check.absorb(term_problems(
            start,
            end,
            self.multi_year,
            &multi_year_reason,
        ));
        check_kpis(&mut check, "kpis", &self.kpis);
        let payment_rule = self
            .payment_rule
            .as_deref()
            .map_or_else(default_payment_rule, bands);
        check.absorb(rule_problems(&payment_rule));
        let new = app::contracts::NewContract {
            title,
            procurement_id: self.procurement_id,
            bid_id: None,
            ngo_id: self.ngo_id,
            categories: to_json_text(&self.categories),
            amount_fen: self.amount_fen,
            start_date: start,
            end_date: end,
            multi_year: self.multi_year,
            multi_year_reason,
            kpis: to_json_text(&self.kpis),
            payment_rule,
            awarded_at: None,
        };
        (new, check.into_errors())
    }
}

impl UpdateContract {
    /// The changes and the request's own field errors (the term is judged
    /// by the use case, on the contract as changed).
    fn input(&self) -> (app::contracts::ContractChanges, Vec<FieldError>) {
        let mut check = Check::new();
        let title = self.title.as_ref().map(|t| check.text("title", t));
        let multi_year_reason = self
            .multi_year_reason
            .as_ref()
            .map(|r| check.opt_text("multi_year_reason", Some(r)));
        if self.amount_fen.is_some_and(|a| a <= 0) {
            check.fail("amount_fen", "must be positive");
        }
        if self.categories.as_ref().is_some_and(Vec::is_empty) {
            check.fail("categories", "must name at least one session type");
        }
        if let Some(k) = &self.kpis {
            check_kpis(&mut check, "kpis", k);
        }
        let changes = app::contracts::ContractChanges {
            title,
            multi_year_reason,
            amount_fen: self.amount_fen,
            categories: self.categories.as_ref().map(to_json_text),
            start_date: self.start_date,
            end_date: self.end_date,
            multi_year: self.multi_year,
            kpis: self.kpis.as_ref().map(to_json_text),
            payment_rule: self.payment_rule.as_deref().map(bands),
        };
        (changes, check.into_errors())
    }
}

impl CreateAmendment {
    /// The amendment to propose and the request's own field errors.
    fn input(&self) -> (app::contracts::NewAmendment, Vec<FieldError>) {
        let mut check = Check::new();
        let reason = check.text("reason", &self.reason);
        if let Some(k) = &self.kpis {
            check_kpis(&mut check, "kpis", k);
        }
        let new = app::contracts::NewAmendment {
            reason,
            amount_fen: self.amount_fen,
            end_date: self.end_date,
            kpis: self.kpis.as_ref().map(to_json_text),
        };
        (new, check.into_errors())
    }
}

fn bands(rule: &[PaymentRuleBand]) -> Vec<PaymentBand> {
    rule.iter()
        .map(|b| PaymentBand {
            min_score: b.min_score,
            percent: b.percent,
        })
        .collect()
}

/// A contract transition by a caller who manages contracts, with the optional
/// `If-Match` a console sends for the version it showed.
async fn contract_transition(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    if_match: Option<String>,
    action: ContractAction,
    reason: Option<String>,
) -> ApiResult<Json<Contract>> {
    let caller = auth.0.require(Permission::ManageContracts)?;
    let txn = ctx.state.db.begin().await?;
    let c = store::contracts::get(&txn, caller, id).await?;
    check_if_match(if_match.as_deref(), c.version, false)?;
    let actor = ctx.actor(&auth.0);
    let c = app::contracts::transition(&txn, &ctx.state, &actor, c, action, reason).await?;
    txn.commit().await?;
    Ok(Json(Contract::from_model(c)?))
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
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let c = app::contracts::create(&txn, &ctx.state, &actor, caller, new, broken).await?;
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
        let (changes, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let c = store::contracts::get(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), c.version, true)?;
        let actor = ctx.actor(&auth.0);
        let c = app::contracts::update(&txn, &ctx.state, &actor, c, changes, broken).await?;
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
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let a =
            app::contracts::propose(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/contracts/{}/amendments", a.contract_id);
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

/// Approves or rejects an amendment.
async fn decide(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: AmendmentAction,
    note: DecisionNote,
) -> ApiResult<Json<Amendment>> {
    let caller = auth.0.require(Permission::DecideAmendment)?;
    let mut check = Check::new();
    let note = check.opt_text("note", note.note.as_ref());
    let txn = ctx.state.db.begin().await?;
    let actor = ctx.actor(&auth.0);
    let broken = check.into_errors();
    let a =
        app::contracts::decide(&txn, &ctx.state, &actor, caller, id, action, note, broken).await?;
    txn.commit().await?;
    Ok(Json(Amendment::from_model(a)?))
}

/// Approves or pays a milestone.
async fn milestone_step(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: MilestoneAction,
) -> ApiResult<Json<Milestone>> {
    let caller = auth.0.require(Permission::ManageMilestones)?;
    let txn = ctx.state.db.begin().await?;
    let actor = ctx.actor(&auth.0);
    let m = app::contracts::milestone_step(&txn, &ctx.state, &actor, caller, id, action).await?;
    txn.commit().await?;
    Ok(Json(m.into()))
}
