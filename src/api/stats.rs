//! `/api/v1/stats/compliance` and `/api/v1/stats/overview`: the bureau's
//! dashboards, aggregated in SQL, as JSON or CSV; and the monthly summary
//! mail with both as CSV attachments.

use crate::api::text::{MonthText, Stored};
use crate::api::wire::ContractState;
use std::collections::HashMap;

use chrono::NaiveDate;
use poem::Request;
use poem_openapi::{
    ApiResponse, Object, OpenApi, ResponseContent,
    param::Query,
    payload::{Binary, Json},
};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Ctx,
        export::{Format, wants_csv},
        types::KpiMetric,
    },
    app,
    auth::{
        authz::{Permission, compliance_scope},
        scheme::BearerAuth,
    },
    error::{ApiError, ApiResult},
};

/// One judicial office's month.
#[derive(Object, Clone)]
pub struct OfficeCompliance {
    pub office_id: Uuid,
    pub office_name: String,
    /// Active persons under correction.
    pub on_register: i64,
    pub met: i64,
    pub at_risk: i64,
    pub not_met: i64,
    /// Unexcused absences in sessions of the month.
    pub no_shows: i64,
    /// Alerts not yet resolved (now).
    pub open_alerts: i64,
    /// Referrals open or accepted (now).
    pub open_referrals: i64,
    /// Joint-meeting tasks the office owns that are past their day (now).
    pub overdue_tasks: i64,
    /// Supervision findings addressed to the office, unanswered past their deadline (now).
    pub overdue_findings: i64,
}

/// Compliance per judicial office for a month.
#[derive(Object)]
pub struct ComplianceStats {
    pub month: String,
    pub items: Vec<OfficeCompliance>,
}

#[derive(ResponseContent)]
pub enum ComplianceContent {
    Json(Json<ComplianceStats>),
    /// One row per office (UTF-8 with BOM).
    #[oai(content_type = "text/csv; charset=utf-8")]
    Csv(Binary<Vec<u8>>),
}

#[derive(ApiResponse)]
pub enum ComplianceResponse {
    /// JSON, or CSV with `Accept: text/csv` / `format=csv`.
    #[oai(status = 200)]
    Ok(ComplianceContent),
}

/// One KPI of a contract.
#[derive(Object, Clone)]
pub struct OverviewKpi {
    pub metric: Stored<KpiMetric>,
    pub target: f64,
    #[oai(nullable)]
    pub actual: Option<f64>,
    #[oai(nullable)]
    pub progress: Option<f64>,
}

/// One contract on the dashboard.
#[derive(Object, Clone)]
pub struct OverviewContract {
    pub contract_id: Uuid,
    pub contract_no: String,
    pub title: String,
    pub ngo_id: Uuid,
    pub status: Stored<ContractState>,
    pub amount_fen: i64,
    pub paid_fen: i64,
    pub kpis: Vec<OverviewKpi>,
}

/// The bureau dashboard for a period.
#[derive(Object)]
pub struct OverviewStats {
    #[oai(nullable)]
    pub from: Option<NaiveDate>,
    #[oai(nullable)]
    pub to: Option<NaiveDate>,
    pub contracts: Vec<OverviewContract>,
    pub contracts_by_status: HashMap<String, i64>,
    /// Closed sessions in the period.
    pub sessions_by_type: HashMap<String, i64>,
    /// Counted ledger hours by category, dated in the period.
    pub hours_by_category: HashMap<String, f64>,
    pub outcomes_by_kind: HashMap<String, i64>,
    /// Contracts that were signed (not draft or terminated before signing).
    pub amount_contracted_fen: i64,
    pub amount_paid_fen: i64,
    /// Joint-meeting tasks past their day, every owner (now).
    pub overdue_tasks: i64,
    /// Supervision findings unanswered past their deadline, every addressee (now).
    pub overdue_findings: i64,
}

#[derive(ResponseContent)]
pub enum OverviewContent {
    Json(Json<Box<OverviewStats>>),
    /// `section,key,value` rows (UTF-8 with BOM).
    #[oai(content_type = "text/csv; charset=utf-8")]
    Csv(Binary<Vec<u8>>),
}

#[derive(ApiResponse)]
pub enum OverviewResponse {
    /// JSON, or CSV with `Accept: text/csv` / `format=csv`.
    #[oai(status = 200)]
    Ok(OverviewContent),
}

impl From<app::stats::OfficeCompliance> for OfficeCompliance {
    fn from(c: app::stats::OfficeCompliance) -> Self {
        Self {
            office_id: c.office_id,
            office_name: c.office_name,
            on_register: c.on_register,
            met: c.met,
            at_risk: c.at_risk,
            not_met: c.not_met,
            no_shows: c.no_shows,
            open_alerts: c.open_alerts,
            open_referrals: c.open_referrals,
            overdue_tasks: c.overdue_tasks,
            overdue_findings: c.overdue_findings,
        }
    }
}

impl From<app::stats::Overview> for OverviewStats {
    fn from(o: app::stats::Overview) -> Self {
        Self {
            from: o.from,
            to: o.to,
            contracts: o
                .contracts
                .into_iter()
                .map(|c| OverviewContract {
                    contract_id: c.contract_id,
                    contract_no: c.contract_no,
                    title: c.title,
                    ngo_id: c.ngo_id,
                    status: Stored::new(c.status),
                    amount_fen: c.amount_fen,
                    paid_fen: c.paid_fen,
                    kpis: c
                        .kpis
                        .into_iter()
                        .map(|k| OverviewKpi {
                            metric: Stored::new(k.metric),
                            target: k.target,
                            actual: k.actual,
                            progress: k.progress,
                        })
                        .collect(),
                })
                .collect(),
            contracts_by_status: o.contracts_by_status,
            sessions_by_type: o.sessions_by_type,
            hours_by_category: o.hours_by_category,
            outcomes_by_kind: o.outcomes_by_kind,
            amount_contracted_fen: o.amount_contracted_fen,
            amount_paid_fen: o.amount_paid_fen,
            overdue_tasks: o.overdue_tasks,
            overdue_findings: o.overdue_findings,
        }
    }
}

pub struct StatsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Reports")]
impl StatsApi {
    /// Monthly compliance per judicial office
    ///
    /// People on register, met / at risk / not met (the same rule as a
    /// person's month), no-shows, open alerts and referrals. The bureau and
    /// the auditor see every office; office staff their own.
    #[oai(
        path = "/stats/compliance",
        method = "get",
        operation_id = "get_compliance_stats"
    )]
    async fn compliance(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        req: &Request,
        /// `YYYY-MM`; default the current month.
        month: Query<Option<MonthText>>,
        office_id: Query<Option<Uuid>>,
        format: Query<Option<Format>>,
    ) -> ApiResult<ComplianceResponse> {
        let caller = auth.0.require(Permission::ReadCompliance)?;
        let today = ctx.state.clock.today(ctx.state.settings.tz());
        let month = MonthText::or_current(month.0.as_ref(), today)?;
        let only = compliance_scope(caller, office_id.0)?;
        let items = app::stats::compliance(&ctx.state.db.read, &ctx.state, month, only).await?;
        if only.is_some() && items.is_empty() {
            return Err(ApiError::NotFound);
        }
        Ok(ComplianceResponse::Ok(if wants_csv(req, format.0) {
            ComplianceContent::Csv(Binary(app::stats::compliance_csv(&items)?))
        } else {
            ComplianceContent::Json(Json(ComplianceStats {
                month: month.to_string(),
                items: items.into_iter().map(OfficeCompliance::from).collect(),
            }))
        }))
    }

    /// The bureau dashboard
    ///
    /// Contracts by status with KPI progress and payments, sessions by type,
    /// hours by category, outcomes by kind, over `[from, to]` (dates, both optional).
    #[oai(
        path = "/stats/overview",
        method = "get",
        operation_id = "get_overview_stats"
    )]
    async fn overview(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        req: &Request,
        from: Query<Option<NaiveDate>>,
        to: Query<Option<NaiveDate>>,
        format: Query<Option<Format>>,
    ) -> ApiResult<OverviewResponse> {
        auth.0.require(Permission::ReadOverview)?;
        if let (Some(f), Some(t)) = (from.0, to.0)
            && t < f
        {
            return Err(ApiError::field("to", "must not be before from"));
        }
        let o = app::stats::overview(&ctx.state.db.read, &ctx.state, from.0, to.0).await?;
        Ok(OverviewResponse::Ok(if wants_csv(req, format.0) {
            OverviewContent::Csv(Binary(app::stats::overview_csv(&o)?))
        } else {
            OverviewContent::Json(Json(Box::new(o.into())))
        }))
    }
}
