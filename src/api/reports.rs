//! `/api/v1/contracts/{id}/reports` and `/api/v1/reports/{id}`: an NGO's
//! periodic report on a contract. The server computes the period's metrics
//! (SQL aggregates over the contract's closed sessions and the NGO's
//! outcomes); the NGO writes the narrative and submits; the officer accepts
//! (metrics and narrative frozen) or returns it with comments.

use crate::api::text::{Cursor, Prose, Stored};
use crate::api::wire::ReportState;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use poem::Request;
use poem_openapi::{
    ApiResponse, Object, OpenApi, ResponseContent,
    param::{Header, Path, Query},
    payload::{Binary, Json},
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        export::{Format, csv, num, wants_csv},
        types::Check,
    },
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    domain::report::ReportAction,
    error::{ApiError, ApiResult},
    store::{self, page::PageRequest},
};

// Stored as `domain::report::Metrics`; read back through this type's serde.
/// A report's metrics: the KPI metric names of the API, volunteers beside
/// them, and outcomes by kind.
#[derive(Object, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReportMetrics {
    pub sessions_education: i64,
    pub sessions_skills_training: i64,
    pub sessions_group_counseling: i64,
    pub sessions_individual_counseling: i64,
    pub sessions_public_welfare: i64,
    pub participant_hours: f64,
    /// 0–1.
    pub attendance_rate: f64,
    pub counseling_cases: i64,
    pub public_welfare_hours: f64,
    pub people_served: i64,
    /// Mean 1–5 rating; `null` when none.
    #[oai(nullable)]
    pub satisfaction: Option<f64>,
    pub volunteer_hours: f64,
    pub volunteers_engaged: i64,
    pub outcomes: HashMap<String, i64>,
}

impl ReportMetrics {
    /// `(metric, value)` rows, for CSV and mail.
    pub fn rows(&self) -> Vec<(String, String)> {
        let mut rows = vec![
            (
                "sessions_education".into(),
                self.sessions_education.to_string(),
            ),
            (
                "sessions_skills_training".into(),
                self.sessions_skills_training.to_string(),
            ),
            (
                "sessions_group_counseling".into(),
                self.sessions_group_counseling.to_string(),
            ),
            (
                "sessions_individual_counseling".into(),
                self.sessions_individual_counseling.to_string(),
            ),
            (
                "sessions_public_welfare".into(),
                self.sessions_public_welfare.to_string(),
            ),
            ("participant_hours".into(), num(self.participant_hours)),
            ("attendance_rate".into(), num(self.attendance_rate)),
            ("counseling_cases".into(), self.counseling_cases.to_string()),
            (
                "public_welfare_hours".into(),
                num(self.public_welfare_hours),
            ),
            ("people_served".into(), self.people_served.to_string()),
            (
                "satisfaction".into(),
                self.satisfaction.map(num).unwrap_or_default(),
            ),
            ("volunteer_hours".into(), num(self.volunteer_hours)),
            (
                "volunteers_engaged".into(),
                self.volunteers_engaged.to_string(),
            ),
        ];
        let mut kinds: Vec<_> = self.outcomes.iter().collect();
        kinds.sort();
        rows.extend(
            kinds
                .into_iter()
                .map(|(k, v)| (format!("outcomes.{k}"), v.to_string())),
        );
        rows
    }
}

/// A report.
#[derive(Object)]
pub struct Report {
    pub id: Uuid,
    pub contract_id: Uuid,
    pub ngo_id: Uuid,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub status: Stored<ReportState>,
    pub metrics: ReportMetrics,
    pub narrative: String,
    /// The officer's comments when returned.
    #[oai(nullable)]
    pub comments: Option<String>,
    #[oai(nullable)]
    pub evaluation_id: Option<Uuid>,
    #[oai(nullable)]
    pub submitted_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn view(m: entity::contract_report::Model) -> ApiResult<Report> {
    let metrics: ReportMetrics = serde_json::from_str(&m.metrics)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored metrics: {e}")))?;
    Ok(Report {
        id: m.id,
        contract_id: m.contract_id,
        ngo_id: m.ngo_id,
        period_start: m.period_start,
        period_end: m.period_end,
        status: Stored::new(m.status),
        metrics,
        narrative: m.narrative,
        comments: m.comments,
        evaluation_id: m.evaluation_id,
        submitted_at: m.submitted_at,
        decided_at: m.decided_at,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateReport {
    pub period_start: NaiveDate,
    /// On or after `period_start`, at most a year later.
    pub period_end: NaiveDate,
    #[oai(nullable)]
    pub narrative: Option<Prose<20_000>>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateReport {
    pub narrative: Prose<20_000>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct AcceptReport {
    /// A performance evaluation of the contract this report supports.
    #[oai(nullable)]
    pub evaluation_id: Option<Uuid>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ReturnReport {
    pub comments: Prose<4000>,
}

#[derive(ResponseContent)]
pub enum ReportContent {
    Json(Json<Box<Report>>),
    /// `metric,value` rows (UTF-8 with BOM).
    #[oai(content_type = "text/csv; charset=utf-8")]
    Csv(Binary<Vec<u8>>),
}

#[derive(ApiResponse)]
pub enum ReportResponse {
    /// The report (JSON), or its metrics as CSV.
    #[oai(status = 200)]
    Ok(
        ReportContent,
        /// The report version, for `If-Match`.
        #[oai(header = "ETag")]
        String,
    ),
}

/// Submits, accepts or returns a report.
async fn decide(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: ReportAction,
    evaluation: Option<Uuid>,
    comments: Option<String>,
) -> ApiResult<Json<Report>> {
    let caller = match action {
        ReportAction::Submit => auth.0.require(Permission::WriteReports)?,
        _ => auth.0.require(Permission::DecideReports)?,
    };
    let txn = ctx.state.db.begin().await?;
    let actor = ctx.actor(&auth.0);
    let step = app::reports::Decision {
        action,
        evaluation,
        comments,
    };
    let r = app::reports::decide(&txn, &ctx.state, &actor, caller, id, step).await?;
    txn.commit().await?;
    Ok(Json(view(r)?))
}

pub struct ReportsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Reports")]
impl ReportsApi {
    /// A contract's reports
    #[oai(
        path = "/contracts/:id/reports",
        method = "get",
        operation_id = "list_reports"
    )]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Report>>> {
        let caller = auth.0.require(Permission::ReadReports)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let db = &ctx.state.db.read;
        let c = store::contracts::get(db, caller, id.0).await?;
        let (rows, next) = store::reports::of_contract(db, c.id, &page).await?;
        Page::try_from_rows(rows, next, view)
    }

    /// List reports of every contract
    ///
    /// Across the contracts the caller sees (an NGO: its own); `status=submitted`
    /// is the officer's review inbox. Filter `contract_id` as well.
    #[oai(path = "/reports", method = "get", operation_id = "list_all_reports")]
    async fn list_all(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<ReportState>>,
        contract_id: Query<Option<Uuid>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Report>>> {
        let caller = auth.0.require(Permission::ReadReports)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) = store::contracts::list_reports(
            &ctx.state.db.read,
            caller,
            status.0.map(ReportState::as_str),
            contract_id.0,
            &page,
        )
        .await?;
        Page::try_from_rows(rows, next, view)
    }

    /// Draft a report for a period
    ///
    /// The contract's NGO. The draft carries the period's computed metrics.
    #[oai(
        path = "/contracts/:id/reports",
        method = "post",
        operation_id = "create_report"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateReport>,
    ) -> ApiResult<Created<Report>> {
        let caller = auth.0.require(Permission::WriteReports)?;
        let mut check = Check::new();
        let narrative = body.narrative.as_ref().map(|n| check.text("narrative", n));
        let new = app::reports::NewReport {
            period_start: body.period_start,
            period_end: body.period_end,
            narrative: narrative.unwrap_or_default(),
        };
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let r = app::reports::create(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/reports/{}", r.id);
        Ok(Created::Created(Json(view(r)?), location))
    }

    /// Get a report (JSON, or its metrics as CSV)
    #[oai(path = "/reports/:id", method = "get", operation_id = "get_report")]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        req: &Request,
        id: Path<Uuid>,
        format: Query<Option<Format>>,
    ) -> ApiResult<ReportResponse> {
        let caller = auth.0.require(Permission::ReadReports)?;
        let (r, _) = store::reports::get(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(r.version);
        let v = view(r)?;
        if wants_csv(req, format.0) {
            let rows: Vec<Vec<String>> = v
                .metrics
                .rows()
                .into_iter()
                .map(|(k, val)| vec![k, val])
                .collect();
            return Ok(ReportResponse::Ok(
                ReportContent::Csv(Binary(csv(&["metric", "value"], &rows)?)),
                tag,
            ));
        }
        Ok(ReportResponse::Ok(
            ReportContent::Json(Json(Box::new(v))),
            tag,
        ))
    }

    /// Edit a report's narrative
    ///
    /// While `draft` or `returned`; the metrics are recomputed. Honours `If-Match`.
    #[oai(
        path = "/reports/:id",
        method = "patch",
        operation_id = "update_report"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateReport>,
    ) -> ApiResult<Versioned<Report>> {
        let caller = auth.0.require(Permission::WriteReports)?;
        let mut check = Check::new();
        let narrative = check.text("narrative", &body.narrative);
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let (r, c) = store::reports::get(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), r.version, false)?;
        let actor = ctx.actor(&auth.0);
        let r = app::reports::edit(&txn, &ctx.state, &actor, r, &c, narrative).await?;
        txn.commit().await?;
        let tag = etag(r.version);
        Ok(Versioned::Ok(Json(view(r)?), tag))
    }

    /// Submit a report (NGO)
    #[oai(
        path = "/reports/:id/submit",
        method = "post",
        operation_id = "submit_report"
    )]
    async fn submit(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Report>> {
        decide(&ctx, &auth, id.0, ReportAction::Submit, None, None).await
    }

    /// Accept a report (officer): metrics and narrative are frozen
    #[oai(
        path = "/reports/:id/accept",
        method = "post",
        operation_id = "accept_report"
    )]
    async fn accept(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<AcceptReport>,
    ) -> ApiResult<Json<Report>> {
        decide(
            &ctx,
            &auth,
            id.0,
            ReportAction::Accept,
            body.evaluation_id,
            None,
        )
        .await
    }

    /// Return a report with comments (officer)
    #[oai(
        path = "/reports/:id/return",
        method = "post",
        operation_id = "return_report"
    )]
    async fn return_report(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ReturnReport>,
    ) -> ApiResult<Json<Report>> {
        let mut check = Check::new();
        let comments = check.text("comments", &body.comments);
        check.finish()?;
        decide(
            &ctx,
            &auth,
            id.0,
            ReportAction::Return,
            None,
            Some(comments),
        )
        .await
    }
}
