//! `/api/v1/procurements` and `/api/v1/bids`: calls for proposals, NGO bids,
//! per-criterion scoring by bureau evaluators, and the award that creates a
//! draft contract.

use crate::api::text::{Cursor, Prose, Stored};
use crate::api::wire::{BidState, ProcurementState};
use crate::app;
use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        types::{
            Check, KpiTarget, PlannedKpi, SessionType, Text, check_kpis, from_json_text,
            to_json_text,
        },
    },
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::{
        contract::check_term,
        procurement::{ProcurementAction, ProcurementStatus, total_x100, weights_sum_to_100},
        roles::OrgKind,
    },
    error::{ApiResult, FieldError},
    store::{self, page::PageRequest},
};

/// An evaluation criterion and its weight (weights sum to 100).
#[derive(Object, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct Criterion {
    pub name: Text<100>,
    #[oai(validator(minimum(value = "1"), maximum(value = "100")))]
    pub weight: i64,
}

/// A procurement project.
#[derive(Object)]
pub struct Procurement {
    pub id: Uuid,
    pub bureau_id: Uuid,
    pub title: String,
    pub description: String,
    pub categories: Vec<SessionType>,
    pub budget_fen: i64,
    pub service_start: NaiveDate,
    pub service_end: NaiveDate,
    pub bid_deadline: DateTime<Utc>,
    pub kpi_template: Vec<KpiTarget>,
    pub criteria: Vec<Criterion>,
    pub status: Stored<ProcurementState>,
    #[oai(nullable)]
    pub awarded_bid_id: Option<Uuid>,
    #[oai(nullable)]
    pub award_reason: Option<String>,
    #[oai(nullable)]
    pub contract_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Procurement {
    fn from_model(m: entity::procurement::Model) -> ApiResult<Self> {
        Ok(Self {
            categories: from_json_text(&m.categories)?,
            kpi_template: from_json_text(&m.kpi_template)?,
            criteria: from_json_text(&m.criteria)?,
            id: m.id,
            bureau_id: m.bureau_id,
            title: m.title,
            description: m.description,
            budget_fen: m.budget_fen,
            service_start: m.service_start,
            service_end: m.service_end,
            bid_deadline: m.bid_deadline,
            status: Stored::new(m.status),
            awarded_bid_id: m.awarded_bid_id,
            award_reason: m.award_reason,
            contract_id: m.contract_id,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// A new procurement (created as `draft`).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateProcurement {
    pub title: Text<200>,
    pub description: Prose<10_000>,
    pub categories: Vec<SessionType>,
    #[oai(validator(minimum(value = "1")))]
    pub budget_fen: i64,
    pub service_start: NaiveDate,
    pub service_end: NaiveDate,
    pub bid_deadline: DateTime<Utc>,
    pub kpi_template: Vec<KpiTarget>,
    pub criteria: Vec<Criterion>,
}

/// Changes to a draft procurement; absent fields stay.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateProcurement {
    #[oai(nullable)]
    pub title: Option<Text<200>>,
    #[oai(nullable)]
    pub description: Option<Prose<10_000>>,
    #[oai(nullable)]
    pub categories: Option<Vec<SessionType>>,
    #[oai(nullable)]
    #[oai(validator(minimum(value = "1")))]
    pub budget_fen: Option<i64>,
    #[oai(nullable)]
    pub service_start: Option<NaiveDate>,
    #[oai(nullable)]
    pub service_end: Option<NaiveDate>,
    #[oai(nullable)]
    pub bid_deadline: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub kpi_template: Option<Vec<KpiTarget>>,
    #[oai(nullable)]
    pub criteria: Option<Vec<Criterion>>,
}

/// A bid. `total_score` is the weighted mean over evaluators; NGOs see it only after the award.
#[derive(Object)]
pub struct Bid {
    pub id: Uuid,
    pub procurement_id: Uuid,
    pub ngo_id: Uuid,
    pub price_fen: i64,
    pub proposal: String,
    pub planned_kpis: Vec<PlannedKpi>,
    pub status: Stored<BidState>,
    #[oai(nullable)]
    pub total_score: Option<f64>,
    /// How many evaluators have scored it (hidden from NGOs before the award: 0).
    pub evaluator_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A bid on a published procurement.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateBid {
    /// At most the procurement's budget.
    #[oai(validator(minimum(value = "1")))]
    pub price_fen: i64,
    pub proposal: Prose<20_000>,
    pub planned_kpis: Vec<PlannedKpi>,
}

/// One criterion's score, 0–100.
#[derive(Object, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct CriterionScore {
    pub criterion: Text<100>,
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub score: i64,
}

/// An evaluator's score sheet: one score per criterion.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ScoreSheet {
    pub scores: Vec<CriterionScore>,
}

/// The award decision.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct AwardRequest {
    pub bid_id: Uuid,
    /// Required when the bid is not the top-scoring one.
    #[oai(nullable)]
    pub reason: Option<Prose<2000>>,
}

/// What the award created.
#[derive(Object)]
pub struct AwardResult {
    pub procurement_id: Uuid,
    pub bid_id: Uuid,
    /// The draft contract created from the bid.
    pub contract_id: Uuid,
}

/// Validates the fields a published procurement must have.
fn check_fields(
    check: &mut Check,
    categories: &[SessionType],
    budget_fen: i64,
    start: NaiveDate,
    end: NaiveDate,
    kpis: &[KpiTarget],
    criteria: &[Criterion],
) {
    if categories.is_empty() {
        check.fail("categories", "must name at least one session type");
    }
    if budget_fen <= 0 {
        check.fail("budget_fen", "must be positive");
    }
    if check_term(start, end, true).is_err() {
        check.fail(
            "service_end",
            "must be on or after service_start, within 36 months",
        );
    }
    check_kpis(check, "kpi_template", kpis);
    if !weights_sum_to_100(&criteria.iter().map(|c| c.weight).collect::<Vec<_>>()) {
        check.fail("criteria", "weights must be positive and sum to 100");
    }
    let mut names = std::collections::HashSet::new();
    for (i, c) in criteria.iter().enumerate() {
        let name = check.text(&format!("criteria[{i}].name"), &c.name);
        if !name.is_empty() && !names.insert(name) {
            check.fail(&format!("criteria[{i}].name"), "must be unique");
        }
    }
}

impl CreateProcurement {
    /// The procurement to draft and the request's field errors.
    fn input(&self) -> (app::procurement::NewProcurement, Vec<FieldError>) {
        let mut check = Check::new();
        let title = check.text("title", &self.title);
        let description = check.text("description", &self.description);
        let (start, end) = (self.service_start, self.service_end);
        let (kpis, criteria) = (&self.kpi_template, &self.criteria);
        check_fields(
            &mut check,
            &self.categories,
            self.budget_fen,
            start,
            end,
            kpis,
            criteria,
        );
        let new = app::procurement::NewProcurement {
            title,
            description,
            categories: to_json_text(&self.categories),
            budget_fen: self.budget_fen,
            service_start: start,
            service_end: end,
            bid_deadline: self.bid_deadline,
            kpi_template: to_json_text(kpis),
            criteria: to_json_text(criteria),
        };
        (new, check.into_errors())
    }
}

impl UpdateProcurement {
    /// The procurement with these changes, and the field errors of the
    /// changed whole.
    fn apply(
        &self,
        mut p: entity::procurement::Model,
    ) -> ApiResult<(entity::procurement::Model, Vec<FieldError>)> {
        let mut check = Check::new();
        if let Some(t) = &self.title {
            p.title = check.text("title", t);
        }
        if let Some(d) = &self.description {
            p.description = check.text("description", d);
        }
        let categories = self
            .categories
            .clone()
            .map_or_else(|| from_json_text(&p.categories), Ok)?;
        let kpis = self
            .kpi_template
            .clone()
            .map_or_else(|| from_json_text(&p.kpi_template), Ok)?;
        let criteria = self
            .criteria
            .clone()
            .map_or_else(|| from_json_text(&p.criteria), Ok)?;
        p.budget_fen = self.budget_fen.unwrap_or(p.budget_fen);
        p.service_start = self.service_start.unwrap_or(p.service_start);
        p.service_end = self.service_end.unwrap_or(p.service_end);
        p.bid_deadline = self.bid_deadline.unwrap_or(p.bid_deadline);
        let (start, end) = (p.service_start, p.service_end);
        check_fields(
            &mut check,
            &categories,
            p.budget_fen,
            start,
            end,
            &kpis,
            &criteria,
        );
        p.categories = to_json_text(&categories);
        p.kpi_template = to_json_text(&kpis);
        p.criteria = to_json_text(&criteria);
        Ok((p, check.into_errors()))
    }
}

impl CreateBid {
    /// The bid's terms and the request's field errors (the price is judged
    /// against the budget by the use case).
    fn input(&self) -> (app::procurement::NewBid, Vec<FieldError>) {
        let mut check = Check::new();
        let proposal = check.text("proposal", &self.proposal);
        let as_targets: Vec<KpiTarget> = self
            .planned_kpis
            .iter()
            .map(|k| KpiTarget {
                metric: k.metric,
                target: k.target,
                weight: 0,
            })
            .collect();
        check_kpis(&mut check, "planned_kpis", &as_targets);
        let new = app::procurement::NewBid {
            price_fen: self.price_fen,
            proposal,
            planned_kpis: to_json_text(&self.planned_kpis),
        };
        (new, check.into_errors())
    }
}

/// Publish, close or cancel.
async fn procurement_step(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: ProcurementAction,
) -> ApiResult<Json<Procurement>> {
    let caller = auth.0.require(Permission::ManageProcurements)?;
    let txn = ctx.state.db.begin().await?;
    let actor = ctx.actor(&auth.0);
    let p = app::procurement::step(&txn, &ctx.state, &actor, caller, id, action).await?;
    txn.commit().await?;
    Ok(Json(Procurement::from_model(p)?))
}

/// Scores are shown to NGOs only after the award.
fn bid_view(
    b: entity::bid::Model,
    scores: &[i64],
    caller: &UserCaller,
    procurement_status: &str,
) -> ApiResult<Bid> {
    let hidden = caller.org_kind == OrgKind::Ngo && procurement_status != "awarded";
    Ok(Bid {
        planned_kpis: from_json_text(&b.planned_kpis)?,
        total_score: if hidden {
            None
        } else {
            total_x100(scores).map(|t| t as f64 / 100.0)
        },
        evaluator_count: if hidden { 0 } else { scores.len() as i64 },
        id: b.id,
        procurement_id: b.procurement_id,
        ngo_id: b.ngo_id,
        price_fen: b.price_fen,
        proposal: b.proposal,
        status: Stored::new(b.status),
        created_at: b.created_at,
        updated_at: b.updated_at,
    })
}

pub struct ProcurementsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Procurement")]
impl ProcurementsApi {
    /// List procurements
    ///
    /// NGOs see published, closed and awarded procurements.
    #[oai(
        path = "/procurements",
        method = "get",
        operation_id = "list_procurements"
    )]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<ProcurementState>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Procurement>>> {
        let caller = auth.0.require(Permission::ReadProcurements)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let status = status.0.map(ProcurementStatus::from);
        let (rows, next) =
            store::procurements::list_procurements(&ctx.state.db.read, caller, status, &page)
                .await?;
        Page::try_from_rows(rows, next, Procurement::from_model)
    }

    /// Create a procurement (draft)
    #[oai(
        path = "/procurements",
        method = "post",
        operation_id = "create_procurement"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateProcurement>,
    ) -> ApiResult<Created<Procurement>> {
        let caller = auth.0.require(Permission::ManageProcurements)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let p = app::procurement::create(&txn, &ctx.state, &actor, caller, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/procurements/{}", p.id);
        Ok(Created::Created(
            Json(Procurement::from_model(p)?),
            location,
        ))
    }

    /// Get a procurement
    #[oai(
        path = "/procurements/:id",
        method = "get",
        operation_id = "get_procurement"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Versioned<Procurement>> {
        let caller = auth.0.require(Permission::ReadProcurements)?;
        let p = store::procurements::get_procurement(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(p.version);
        Ok(Versioned::Ok(Json(Procurement::from_model(p)?), tag))
    }

    /// Update a draft procurement
    ///
    /// Only in `draft` (409 otherwise). Honours `If-Match`.
    #[oai(
        path = "/procurements/:id",
        method = "patch",
        operation_id = "update_procurement"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateProcurement>,
    ) -> ApiResult<Versioned<Procurement>> {
        let caller = auth.0.require(Permission::ManageProcurements)?;
        let txn = ctx.state.db.begin().await?;
        let p = store::procurements::get_procurement(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), p.version, false)?;
        let (p, broken) = body.apply(app::procurement::editable(p)?)?;
        let actor = ctx.actor(&auth.0);
        let p = app::procurement::save_changes(&txn, &ctx.state, &actor, p, broken).await?;
        txn.commit().await?;
        let tag = etag(p.version);
        Ok(Versioned::Ok(Json(Procurement::from_model(p)?), tag))
    }

    /// Publish a procurement
    ///
    /// The bid deadline must be in the future.
    #[oai(
        path = "/procurements/:id/publish",
        method = "post",
        operation_id = "publish_procurement"
    )]
    async fn publish(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<Procurement>> {
        procurement_step(&ctx, &auth, id.0, ProcurementAction::Publish).await
    }

    /// Close bidding
    ///
    /// Only at or after the bid deadline; scoring starts.
    #[oai(
        path = "/procurements/:id/close",
        method = "post",
        operation_id = "close_procurement"
    )]
    async fn close(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<Procurement>> {
        procurement_step(&ctx, &auth, id.0, ProcurementAction::Close).await
    }

    /// Cancel a procurement
    ///
    /// Not once awarded.
    #[oai(
        path = "/procurements/:id/cancel",
        method = "post",
        operation_id = "cancel_procurement"
    )]
    async fn cancel(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<Procurement>> {
        procurement_step(&ctx, &auth, id.0, ProcurementAction::Cancel).await
    }

    /// List a procurement's bids
    ///
    /// NGOs see only their own bid.
    #[oai(
        path = "/procurements/:id/bids",
        method = "get",
        operation_id = "list_bids"
    )]
    async fn list_bids(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Bid>>> {
        let caller = auth.0.require(Permission::ReadProcurements)?;
        let db = &ctx.state.db.read;
        let p = store::procurements::get_procurement(db, caller, id.0).await?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) = store::procurements::list_bids(db, caller, p.id, &page).await?;
        let ids: Vec<Uuid> = rows.iter().map(|b| b.id).collect();
        let scores = store::procurements::weighted_scores(db, &ids).await?;
        let items = rows
            .into_iter()
            .map(|b| {
                let s = scores.get(&b.id).cloned().unwrap_or_default();
                bid_view(b, &s, caller, &p.status)
            })
            .collect::<ApiResult<_>>()?;
        Ok(Json(Page {
            items,
            next_cursor: next,
        }))
    }

    /// Submit a bid
    ///
    /// NGO admin; one live bid per NGO; before the deadline; price ≤ budget.
    #[oai(
        path = "/procurements/:id/bids",
        method = "post",
        operation_id = "create_bid"
    )]
    async fn create_bid(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateBid>,
    ) -> ApiResult<Created<Bid>> {
        let caller = auth.0.require(Permission::SubmitBid)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let (b, p) =
            app::procurement::submit_bid(&txn, &ctx.state, &actor, caller, id.0, new, broken)
                .await?;
        txn.commit().await?;
        let location = format!("/api/v1/bids/{}", b.id);
        Ok(Created::Created(
            Json(bid_view(b, &[], caller, &p.status)?),
            location,
        ))
    }

    /// Get a bid
    #[oai(path = "/bids/:id", method = "get", operation_id = "get_bid")]
    async fn get_bid(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Bid>> {
        let caller = auth.0.require(Permission::ReadProcurements)?;
        let db = &ctx.state.db.read;
        let b = store::procurements::get_bid(db, caller, id.0).await?;
        let p = store::procurements::get_procurement(db, caller, b.procurement_id).await?;
        let scores = store::procurements::weighted_scores(db, &[b.id]).await?;
        let s = scores.get(&b.id).cloned().unwrap_or_default();
        Ok(Json(bid_view(b, &s, caller, &p.status)?))
    }

    /// Withdraw a bid
    ///
    /// Only before the deadline.
    #[oai(
        path = "/bids/:id/withdraw",
        method = "post",
        operation_id = "withdraw_bid"
    )]
    async fn withdraw(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Bid>> {
        let caller = auth.0.require(Permission::SubmitBid)?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let (b, p) = app::procurement::withdraw(&txn, &ctx.state, &actor, caller, id.0).await?;
        txn.commit().await?;
        Ok(Json(bid_view(b, &[], caller, &p.status)?))
    }

    /// Score a bid (evaluator)
    ///
    /// After `close`: one score 0–100 per criterion; replaces this evaluator's earlier sheet.
    #[oai(path = "/bids/:id/scores", method = "put", operation_id = "score_bid")]
    async fn score(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ScoreSheet>,
    ) -> ApiResult<Json<Bid>> {
        let caller = auth.0.require(Permission::ScoreBid)?;
        let sheet: Vec<(&str, i64)> = body
            .scores
            .iter()
            .map(|s| (&*s.criterion, s.score))
            .collect();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let json = to_json_text(&body.scores);
        let (b, p) =
            app::procurement::score(&txn, &ctx.state, &actor, caller, id.0, &sheet, json).await?;
        let scores = store::procurements::weighted_scores(&txn, &[b.id]).await?;
        txn.commit().await?;
        let s = scores.get(&b.id).cloned().unwrap_or_default();
        Ok(Json(bid_view(b, &s, caller, &p.status)?))
    }

    /// Award a procurement
    ///
    /// Creates a draft contract from the bid (amount = bid price, KPIs from the
    /// template and the bid). A `reason` is required unless the bid has the top score.
    #[oai(
        path = "/procurements/:id/award",
        method = "post",
        operation_id = "award_procurement"
    )]
    async fn award(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<AwardRequest>,
    ) -> ApiResult<Json<AwardResult>> {
        let caller = auth.0.require(Permission::ManageProcurements)?;
        let mut check = Check::new();
        let reason = check.opt_text("reason", body.reason.as_ref());
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let (broken, bid) = (check.into_errors(), body.bid_id);
        let (p, contract) =
            app::procurement::award(&txn, &ctx.state, &actor, caller, id.0, bid, reason, broken)
                .await?;
        txn.commit().await?;
        Ok(Json(AwardResult {
            procurement_id: p.id,
            bid_id: bid,
            contract_id: contract.id,
        }))
    }
}
