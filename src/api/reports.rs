//! `/api/v1/contracts/{id}/reports` and `/api/v1/reports/{id}`: an NGO's
//! periodic report on a contract. The server computes the period's metrics
//! (SQL aggregates over the contract's closed sessions and the NGO's
//! outcomes); the NGO writes the narrative and submits; the officer accepts
//! (metrics and narrative frozen) or returns it with comments.

use crate::api::text::{Cursor, Prose, Stored};
use crate::api::wire::ReportState;
use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use poem::Request;
use poem_openapi::{
    ApiResponse, Object, OpenApi, ResponseContent,
    param::{Header, Path, Query},
    payload::{Binary, Json},
};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        export::{Format, csv, num, wants_csv},
        types::{Check, stored},
    },
    auth::{authz::Permission, scheme::BearerAuth},
    domain::{
        kpi::DeliveryCounts,
        report::{ReportAction, ReportStatus},
    },
    error::{ApiError, ApiResult},
    mail,
    state::AppState,
    store::{self, audit, page::PageRequest, stats::Window},
};

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
    fn from_counts(c: &DeliveryCounts, outcomes: HashMap<String, i64>) -> Self {
        let rate = c.actual("attendance_rate").unwrap_or(0.0);
        Self {
            sessions_education: c.sessions[0],
            sessions_skills_training: c.sessions[1],
            sessions_group_counseling: c.sessions[2],
            sessions_individual_counseling: c.sessions[3],
            sessions_public_welfare: c.sessions[4],
            participant_hours: c.participant_hours,
            attendance_rate: (rate * 10_000.0).round() / 10_000.0,
            counseling_cases: c.counseling_cases,
            public_welfare_hours: c.public_welfare_hours,
            people_served: c.people_served,
            satisfaction: c.satisfaction,
            volunteer_hours: c.volunteer_hours,
            volunteers_engaged: c.volunteers_engaged,
            outcomes,
        }
    }

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

/// Computes a report's metrics from the records.
pub async fn compute<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    contract: &entity::contract::Model,
    period_start: NaiveDate,
    period_end: NaiveDate,
) -> ApiResult<ReportMetrics> {
    let (from, to) = store::rollups::day_bounds(state.settings.tz(), period_start, period_end);
    let counts = store::stats::delivery(
        conn,
        state.settings.tz(),
        Some(contract.id),
        Window {
            from: Some(from),
            to: Some(to),
        },
    )
    .await?
    .remove(&contract.id)
    .unwrap_or_default();
    let outcomes = store::stats::outcomes(
        conn,
        Some(contract.ngo_id),
        Some(period_start),
        Some(period_end + Duration::days(1)),
    )
    .await?;
    Ok(ReportMetrics::from_counts(&counts, outcomes))
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

fn status_of(m: &entity::contract_report::Model) -> ApiResult<ReportStatus> {
    stored(&m.status)
}

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
    let now = ctx.state.clock.now();
    let txn = ctx.state.db.begin().await?;
    let (mut r, c) = store::reports::get(&txn, caller, id).await?;
    let to = status_of(&r)?
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    match action {
        ReportAction::Submit => {
            // Submitted with the figures as they are now.
            r.metrics = serde_json::to_string(
                &compute(&txn, &ctx.state, &c, r.period_start, r.period_end).await?,
            )
            .map_err(|e| ApiError::Internal(e.into()))?;
            r.submitted_at = Some(now);
        }
        ReportAction::Accept => {
            if let Some(e) = evaluation {
                if !store::reports::evaluation_of(&txn, e, c.id).await? {
                    return Err(ApiError::field(
                        "evaluation_id",
                        "no such evaluation of this contract",
                    ));
                }
                r.evaluation_id = Some(e);
            }
            r.decided_at = Some(now);
        }
        ReportAction::Return => {
            r.comments = comments;
            r.decided_at = Some(now);
        }
    }
    r.status = to.as_str().into();
    let r = store::reports::save(&txn, r, now).await?;
    if action != ReportAction::Submit {
        let to_ngo = mail::recipients_of(&txn, r.ngo_id).await?;
        let m = mail::templates::report_decision(
            &c.contract_no,
            &r.period_start.to_string(),
            &r.period_end.to_string(),
            action == ReportAction::Accept,
            r.comments.as_deref(),
            mail::link(&ctx.state, &format!("/api/v1/reports/{}", r.id)),
        );
        mail::enqueue(&txn, &ctx.state, &to_ngo, &m).await?;
    }
    let verb = match action {
        ReportAction::Submit => "report.submit",
        ReportAction::Accept => "report.accept",
        ReportAction::Return => "report.return",
    };
    audit::record(
        &txn,
        &ctx.actor(&auth.0),
        verb,
        "contract_report",
        Some(r.id.to_string()),
        json!({"status": r.status}),
    )
    .await?;
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
        if body.period_end < body.period_start
            || body.period_end - body.period_start > Duration::days(366)
        {
            check.fail(
                "period_end",
                "must be on or after period_start and within a year of it",
            );
        }
        let narrative = body
            .narrative
            .as_ref()
            .map(|n| check.text("narrative", n))
            .unwrap_or_default();
        let txn = ctx.state.db.begin().await?;
        let c = store::contracts::get(&txn, caller, id.0).await?;
        if c.ngo_id != caller.org_id {
            return Err(ApiError::NotFound);
        }
        if matches!(c.status.as_str(), "draft") {
            check.fail("period_start", "the contract has not started");
        }
        check.finish()?;
        let metrics = compute(&txn, &ctx.state, &c, body.period_start, body.period_end).await?;
        let now = ctx.state.clock.now();
        let r = store::reports::insert(
            &txn,
            entity::contract_report::Model {
                id: Uuid::now_v7(),
                contract_id: c.id,
                ngo_id: c.ngo_id,
                period_start: body.period_start,
                period_end: body.period_end,
                status: ReportStatus::Draft.as_str().into(),
                metrics: serde_json::to_string(&metrics)
                    .map_err(|e| ApiError::Internal(e.into()))?,
                narrative,
                comments: None,
                evaluation_id: None,
                created_by: caller.user_id,
                submitted_at: None,
                decided_at: None,
                version: 1,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        audit::record(&txn, &ctx.actor(&auth.0), "report.create", "contract_report", Some(r.id.to_string()), json!({"contract_id": c.id, "period_start": r.period_start, "period_end": r.period_end})).await?;
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
        let (mut r, c) = store::reports::get(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), r.version, false)?;
        if !status_of(&r)?.editable() {
            return Err(ApiError::InvalidTransition(format!(
                "a {} report is not edited",
                r.status
            )));
        }
        r.narrative = narrative;
        r.metrics = serde_json::to_string(
            &compute(&txn, &ctx.state, &c, r.period_start, r.period_end).await?,
        )
        .map_err(|e| ApiError::Internal(e.into()))?;
        let r = store::reports::save(&txn, r, ctx.state.clock.now()).await?;
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "report.update",
            "contract_report",
            Some(r.id.to_string()),
            json!({"version": r.version}),
        )
        .await?;
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
