//! `/api/v1/stats/compliance` and `/api/v1/stats/overview`: the bureau's
//! dashboards, aggregated in SQL, as JSON or CSV; and the monthly summary
//! mail with both as CSV attachments.

use crate::api::text::{MonthText, Stored};
use crate::api::wire::ContractState;
use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use poem::Request;
use poem_openapi::{
    ApiResponse, Object, OpenApi, ResponseContent,
    param::Query,
    payload::{Binary, Json},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Ctx,
        export::{Format, csv, num, wants_csv},
        reports::day_bounds,
        types::{KpiMetric, KpiTarget, from_json_text},
    },
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::{hours::Month, kpi::progress, roles::Role},
    error::{ApiError, ApiResult},
    mail,
    startup::AppState,
    store::{self, stats::Window},
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

/// Compliance of the given offices (all when `None`), in one SQL pass per policy.
pub async fn compliance<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    month: Month,
    only: Option<Uuid>,
) -> ApiResult<Vec<OfficeCompliance>> {
    let mut q = entity::organization::Entity::find()
        .filter(entity::organization::Column::Kind.eq("judicial_office"))
        .order_by_asc(entity::organization::Column::Name)
        .order_by_asc(entity::organization::Column::Id);
    if let Some(o) = only {
        q = q.filter(entity::organization::Column::Id.eq(o));
    }
    let offices = q.all(conn).await?;
    // Offices grouped by the bureau whose policy applies (as `store::hours::bureau_for`
    // decides it: the parent bureau, else the first bureau), from one query of bureaus.
    let bureaus: Vec<Uuid> = entity::organization::Entity::find()
        .filter(entity::organization::Column::Kind.eq("bureau"))
        .order_by_asc(entity::organization::Column::CreatedAt)
        .order_by_asc(entity::organization::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|b| b.id)
        .collect();
    let mut by_bureau: BTreeMap<Option<Uuid>, Vec<Uuid>> = BTreeMap::new();
    for o in &offices {
        let bureau = o
            .parent_id
            .filter(|p| bureaus.contains(p))
            .or_else(|| bureaus.first().copied());
        by_bureau.entry(bureau).or_default().push(o.id);
    }
    let today = state.clock.today(state.settings.tz());
    let bounds = day_bounds(state, month.first_day(), month.last_day());
    let mut figures = HashMap::new();
    for (bureau, ids) in by_bureau {
        let row = match bureau {
            Some(b) => store::hours::policy_row(conn, b).await?,
            None => None,
        };
        let policy = store::hours::policy_of(row.as_ref());
        figures.extend(store::stats::compliance(conn, &ids, &policy, month, today, bounds).await?);
    }
    Ok(offices
        .into_iter()
        .map(|o| {
            let f = figures.remove(&o.id).unwrap_or_default();
            OfficeCompliance {
                office_id: o.id,
                office_name: o.name,
                on_register: f.on_register,
                met: f.met,
                at_risk: f.at_risk,
                not_met: f.not_met,
                no_shows: f.no_shows,
                open_alerts: f.open_alerts,
                open_referrals: f.open_referrals,
            }
        })
        .collect())
}

fn compliance_csv(items: &[OfficeCompliance]) -> ApiResult<Vec<u8>> {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                i.office_id.to_string(),
                i.office_name.clone(),
                i.on_register.to_string(),
                i.met.to_string(),
                i.at_risk.to_string(),
                i.not_met.to_string(),
                i.no_shows.to_string(),
                i.open_alerts.to_string(),
                i.open_referrals.to_string(),
            ]
        })
        .collect();
    csv(
        &[
            "office_id",
            "office_name",
            "on_register",
            "met",
            "at_risk",
            "not_met",
            "no_shows",
            "open_alerts",
            "open_referrals",
        ],
        &rows,
    )
}

/// The overview over `[from, to]` (dates, inclusive; open ends allowed).
pub async fn overview<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<OverviewStats> {
    let window = Window {
        from: from.map(|f| day_bounds(state, f, f).0),
        to: to.map(|t| day_bounds(state, t, t).1),
    };
    let delivery = store::stats::delivery(conn, state.settings.tz(), None, window).await?;
    let contracts = entity::contract::Entity::find()
        .order_by_asc(entity::contract::Column::ContractNo)
        .all(conn)
        .await?;
    let paid: HashMap<Uuid, i64> = {
        let mut m = HashMap::new();
        for ms in entity::milestone::Entity::find()
            .filter(entity::milestone::Column::Status.eq("paid"))
            .all(conn)
            .await?
        {
            *m.entry(ms.contract_id).or_insert(0) += ms.payable_fen.unwrap_or(ms.amount_fen);
        }
        m
    };
    let mut by_status: HashMap<String, i64> = HashMap::new();
    let mut sessions_by_type: HashMap<String, i64> = [
        "education",
        "skills_training",
        "group_counseling",
        "individual_counseling",
        "public_welfare",
    ]
    .iter()
    .map(|t| (t.to_string(), 0))
    .collect();
    let mut list = Vec::new();
    let (mut contracted, mut paid_total) = (0i64, 0i64);
    for c in contracts {
        *by_status.entry(c.status.clone()).or_insert(0) += 1;
        let counts = delivery.get(&c.id).cloned().unwrap_or_default();
        for (i, t) in [
            "education",
            "skills_training",
            "group_counseling",
            "individual_counseling",
            "public_welfare",
        ]
        .iter()
        .enumerate()
        {
            *sessions_by_type.entry(t.to_string()).or_insert(0) += counts.sessions[i];
        }
        if c.signed_at.is_some() {
            contracted += c.amount_fen;
        }
        let p = paid.get(&c.id).copied().unwrap_or(0);
        paid_total += p;
        let targets: Vec<KpiTarget> = from_json_text(&c.kpis)?;
        let pairs: Vec<(String, f64)> = targets
            .iter()
            .map(|k| (k.metric.name(), k.target))
            .collect();
        list.push(OverviewContract {
            contract_id: c.id,
            contract_no: c.contract_no,
            title: c.title,
            ngo_id: c.ngo_id,
            status: Stored::new(c.status),
            amount_fen: c.amount_fen,
            paid_fen: p,
            kpis: progress(&pairs, &counts)
                .into_iter()
                .map(|k| OverviewKpi {
                    metric: Stored::new(k.metric),
                    target: k.target,
                    actual: k.actual,
                    progress: k.progress,
                })
                .collect(),
        });
    }
    let to_excl = to.map(|t| t + Duration::days(1));
    let hours = store::stats::hours_by_category(conn, from, to_excl).await?;
    let hours_by_category = ["education", "public_welfare", "volunteer"]
        .iter()
        .map(|c| {
            (
                c.to_string(),
                hours.get(*c).copied().unwrap_or(0) as f64 / 100.0,
            )
        })
        .collect();
    Ok(OverviewStats {
        from,
        to,
        contracts: list,
        contracts_by_status: by_status,
        sessions_by_type,
        hours_by_category,
        outcomes_by_kind: store::stats::outcomes(conn, None, from, to_excl).await?,
        amount_contracted_fen: contracted,
        amount_paid_fen: paid_total,
    })
}

fn overview_csv(o: &OverviewStats) -> ApiResult<Vec<u8>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let sorted = |m: &HashMap<String, String>| {
        let mut v: Vec<_> = m.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        v.sort();
        v
    };
    for (section, map) in [
        (
            "contracts_by_status",
            o.contracts_by_status
                .iter()
                .map(|(k, v)| (k.clone(), v.to_string()))
                .collect::<HashMap<_, _>>(),
        ),
        (
            "sessions_by_type",
            o.sessions_by_type
                .iter()
                .map(|(k, v)| (k.clone(), v.to_string()))
                .collect(),
        ),
        (
            "hours_by_category",
            o.hours_by_category
                .iter()
                .map(|(k, v)| (k.clone(), num(*v)))
                .collect(),
        ),
        (
            "outcomes_by_kind",
            o.outcomes_by_kind
                .iter()
                .map(|(k, v)| (k.clone(), v.to_string()))
                .collect(),
        ),
    ] {
        for (k, v) in sorted(&map) {
            rows.push(vec![section.into(), k, v]);
        }
    }
    rows.push(vec![
        "amounts".into(),
        "contracted_fen".into(),
        o.amount_contracted_fen.to_string(),
    ]);
    rows.push(vec![
        "amounts".into(),
        "paid_fen".into(),
        o.amount_paid_fen.to_string(),
    ]);
    for c in &o.contracts {
        for k in &c.kpis {
            rows.push(vec![
                format!("kpi {}", c.contract_no),
                k.metric.as_str().to_string(),
                k.actual.map(num).unwrap_or_default(),
            ]);
        }
    }
    csv(&["section", "key", "value"], &rows)
}

fn parse_month(s: Option<&str>, state: &AppState) -> ApiResult<Month> {
    match s {
        Some(m) => m.parse().map_err(|e: String| ApiError::field("month", e)),
        None => Ok(Month::of(state.clock.today(state.settings.tz()))),
    }
}

/// Offices see their own office only.
fn office_scope(caller: &UserCaller, requested: Option<Uuid>) -> ApiResult<Option<Uuid>> {
    if caller.role != Role::OfficeStaff {
        return Ok(requested);
    }
    match requested {
        Some(o) if o != caller.org_id => Err(ApiError::NotFound),
        _ => Ok(Some(caller.org_id)),
    }
}

/// The `monthly_summary` job: from `HUIGUI_SUMMARY_DAY` on, the previous
/// month's compliance and overview go to the bureau as a text summary with
/// both CSVs attached, once per month.
pub async fn monthly_summary(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    if chrono::Datelike::day(&today) < state.settings.summary_day {
        return Ok(0);
    }
    let month = Month::of(today).prev();
    let txn = state.db.begin().await?;
    if !store::outbox::mark_once(&txn, &format!("summary:{month}"), state.clock.now()).await? {
        return Ok(0);
    }
    let c = compliance(&txn, state, month, None).await?;
    let o = overview(&txn, state, Some(month.first_day()), Some(month.last_day())).await?;
    let sum = |f: fn(&OfficeCompliance) -> i64| c.iter().map(f).sum::<i64>();
    let zh = vec![
        format!(
            "在册矫正对象 {} 人：达标 {}，未达标 {}，缺席 {} 人次。",
            sum(|i| i.on_register),
            sum(|i| i.met),
            sum(|i| i.not_met),
            sum(|i| i.no_shows)
        ),
        format!(
            "未处理预警 {} 条，未办结转介 {} 件。",
            sum(|i| i.open_alerts),
            sum(|i| i.open_referrals)
        ),
        format!(
            "已付款 {:.2} 元 / 合同金额 {:.2} 元。",
            o.amount_paid_fen as f64 / 100.0,
            o.amount_contracted_fen as f64 / 100.0
        ),
    ];
    let en = vec![
        format!(
            "{} people on register: {} met, {} not met; {} no-shows.",
            sum(|i| i.on_register),
            sum(|i| i.met),
            sum(|i| i.not_met),
            sum(|i| i.no_shows)
        ),
        format!(
            "{} open alerts, {} open referrals.",
            sum(|i| i.open_alerts),
            sum(|i| i.open_referrals)
        ),
        format!(
            "Paid CNY {:.2} of CNY {:.2} contracted.",
            o.amount_paid_fen as f64 / 100.0,
            o.amount_contracted_fen as f64 / 100.0
        ),
    ];
    let m = mail::templates::monthly_summary(
        &month.to_string(),
        &zh,
        &en,
        mail::link(state, &format!("/api/v1/stats/compliance?month={month}")),
    );
    let recipients: Vec<String> = match &state.settings.summary_recipients {
        Some(list) => list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        None => match store::hours::bureau_for(&txn, Uuid::nil()).await? {
            Some(b) => mail::recipients_of(&txn, b).await?,
            None => Vec::new(),
        },
    };
    let attachments = vec![
        mail::Attachment::csv(format!("compliance-{month}.csv"), compliance_csv(&c)?),
        mail::Attachment::csv(format!("overview-{month}.csv"), overview_csv(&o)?),
    ];
    mail::enqueue_with(&txn, state, &recipients, &m, &attachments).await?;
    txn.commit().await?;
    Ok(recipients.len())
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
        let month = parse_month(month.0.as_deref(), &ctx.state)?;
        let only = office_scope(caller, office_id.0)?;
        let items = compliance(&ctx.state.db.read, &ctx.state, month, only).await?;
        if only.is_some() && items.is_empty() {
            return Err(ApiError::NotFound);
        }
        Ok(ComplianceResponse::Ok(if wants_csv(req, format.0) {
            ComplianceContent::Csv(Binary(compliance_csv(&items)?))
        } else {
            ComplianceContent::Json(Json(ComplianceStats {
                month: month.to_string(),
                items,
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
        let o = overview(&ctx.state.db.read, &ctx.state, from.0, to.0).await?;
        Ok(OverviewResponse::Ok(if wants_csv(req, format.0) {
            OverviewContent::Csv(Binary(overview_csv(&o)?))
        } else {
            OverviewContent::Json(Json(Box::new(o)))
        }))
    }
}
