//! Statistics: monthly compliance per judicial office (the same rule as a
//! person's month), the bureau's overview of contracts, delivery, hours and
//! outcomes, their CSV forms, and the `monthly_summary` mail with both
//! attached.
//!
//! Depends on `domain`, `store`, `mail` and `csvfile`; called by the stats
//! handlers and the `monthly_summary` job.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{
    csvfile::{csv, num},
    domain::{hours::Month, kpi::progress},
    error::{ApiResult, from_json_text},
    mail,
    state::AppState,
    store::{self, stats::Window},
};

/// One judicial office's month.
#[derive(Clone, Debug, Default)]
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
    /// Supervision findings addressed to the office past their deadline unanswered (now).
    pub overdue_findings: i64,
}

/// One KPI of a contract: target, actual and progress (computed live).
#[derive(Clone, Debug)]
pub struct KpiProgress {
    pub metric: String,
    pub target: f64,
    pub actual: Option<f64>,
    pub progress: Option<f64>,
}

/// One contract on the dashboard.
#[derive(Clone, Debug)]
pub struct ContractProgress {
    pub contract_id: Uuid,
    pub contract_no: String,
    pub title: String,
    pub ngo_id: Uuid,
    pub status: String,
    pub amount_fen: i64,
    pub paid_fen: i64,
    pub kpis: Vec<KpiProgress>,
}

/// The bureau dashboard for a period.
#[derive(Clone, Debug)]
pub struct Overview {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub contracts: Vec<ContractProgress>,
    pub contracts_by_status: HashMap<String, i64>,
    pub sessions_by_type: HashMap<String, i64>,
    pub hours_by_category: HashMap<String, f64>,
    pub outcomes_by_kind: HashMap<String, i64>,
    pub amount_contracted_fen: i64,
    pub amount_paid_fen: i64,
    /// Joint-meeting tasks past their day, every owner (now).
    pub overdue_tasks: i64,
    /// Supervision findings past their deadline unanswered, every addressee (now).
    pub overdue_findings: i64,
}

/// A contract's stored KPI targets as `(metric, target)`.
fn kpi_targets(stored: &str) -> ApiResult<Vec<(String, f64)>> {
    let targets: Vec<crate::domain::kpi::Target> = from_json_text(stored)?;
    Ok(targets.into_iter().map(|t| (t.metric, t.target)).collect())
}

/// Compliance of the given offices (all when `None`), in one SQL pass per policy.
pub async fn compliance<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    month: Month,
    only: Option<Uuid>,
) -> ApiResult<Vec<OfficeCompliance>> {
    let offices = store::organizations::judicial_offices(conn, only).await?;
    // Offices grouped by the bureau whose policy applies (as `store::hours::bureau_for`
    // decides it: the parent bureau, else the first bureau), from one query of bureaus.
    let bureaus = store::organizations::bureau_ids(conn).await?;
    let mut by_bureau: BTreeMap<Option<Uuid>, Vec<Uuid>> = BTreeMap::new();
    for o in &offices {
        let bureau = o
            .parent_id
            .filter(|p| bureaus.contains(p))
            .or_else(|| bureaus.first().copied());
        by_bureau.entry(bureau).or_default().push(o.id);
    }
    let today = state.clock.today(state.settings.tz());
    let bounds = store::rollups::month_bounds(state.settings.tz(), month);
    let mut figures = HashMap::new();
    for (bureau, ids) in by_bureau {
        let row = match bureau {
            Some(b) => store::hours::policy_row(conn, b).await?,
            None => None,
        };
        let policy = store::hours::policy_of(row.as_ref());
        figures.extend(store::stats::compliance(conn, &ids, &policy, month, today, bounds).await?);
    }
    let tasks = store::meetings::overdue_by_owner(conn, today).await?;
    let findings = store::findings::overdue_by_org(conn, today).await?;
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
                overdue_tasks: tasks.get(&o.id).copied().unwrap_or(0),
                overdue_findings: findings.get(&o.id).copied().unwrap_or(0),
            }
        })
        .collect())
}

/// One row per office.
pub fn compliance_csv(items: &[OfficeCompliance]) -> ApiResult<Vec<u8>> {
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
                i.overdue_tasks.to_string(),
                i.overdue_findings.to_string(),
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
            "overdue_tasks",
            "overdue_findings",
        ],
        &rows,
    )
}

/// The session types in the order of the delivery counts.
const SESSION_TYPES: [&str; 5] = [
    "education",
    "skills_training",
    "group_counseling",
    "individual_counseling",
    "public_welfare",
];

/// One contract's line on the dashboard: terms, paid amount and KPI progress.
fn contract_progress(
    c: entity::contract::Model,
    paid_fen: i64,
    counts: &crate::domain::kpi::DeliveryCounts,
) -> ApiResult<ContractProgress> {
    let pairs = kpi_targets(&c.kpis)?;
    Ok(ContractProgress {
        contract_id: c.id,
        contract_no: c.contract_no,
        title: c.title,
        ngo_id: c.ngo_id,
        status: c.status,
        amount_fen: c.amount_fen,
        paid_fen,
        kpis: progress(&pairs, counts)
            .into_iter()
            .map(|k| KpiProgress {
                metric: k.metric,
                target: k.target,
                actual: k.actual,
                progress: k.progress,
            })
            .collect(),
    })
}

/// The overview over `[from, to]` (dates, inclusive; open ends allowed).
pub async fn overview<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<Overview> {
    let tz = state.settings.tz();
    let window = Window {
        from: from.map(|f| store::rollups::local_midnight(tz, f)),
        to: to.map(|t| store::rollups::local_midnight(tz, t + Duration::days(1))),
    };
    let delivery = store::stats::delivery(conn, tz, None, window).await?;
    let contracts = store::contracts::all_by_number(conn).await?;
    let paid = store::contracts::paid_by_contract(conn).await?;
    let mut by_status: HashMap<String, i64> = HashMap::new();
    let mut sessions_by_type: HashMap<String, i64> =
        SESSION_TYPES.iter().map(|t| (t.to_string(), 0)).collect();
    let mut list = Vec::new();
    let (mut contracted, mut paid_total) = (0i64, 0i64);
    for c in contracts {
        *by_status.entry(c.status.clone()).or_insert(0) += 1;
        let counts = delivery.get(&c.id).cloned().unwrap_or_default();
        for (i, t) in SESSION_TYPES.iter().enumerate() {
            *sessions_by_type.entry(t.to_string()).or_insert(0) += counts.sessions[i];
        }
        if c.signed_at.is_some() {
            contracted += c.amount_fen;
        }
        let p = paid.get(&c.id).copied().unwrap_or(0);
        paid_total += p;
        list.push(contract_progress(c, p, &counts)?);
    }
    let to_excl = to.map(|t| t + Duration::days(1));
    let today = state.clock.today(tz);
    let overdue_tasks = store::meetings::overdue_by_owner(conn, today).await?;
    let overdue_findings = store::findings::overdue_by_org(conn, today).await?;
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
    Ok(Overview {
        from,
        to,
        contracts: list,
        contracts_by_status: by_status,
        sessions_by_type,
        hours_by_category,
        outcomes_by_kind: store::stats::outcomes(conn, None, from, to_excl).await?,
        amount_contracted_fen: contracted,
        amount_paid_fen: paid_total,
        overdue_tasks: overdue_tasks.values().sum(),
        overdue_findings: overdue_findings.values().sum(),
    })
}

/// The overview as `section,key,value` rows.
pub fn overview_csv(o: &Overview) -> ApiResult<Vec<u8>> {
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
    for (key, n) in [
        ("overdue_tasks", o.overdue_tasks),
        ("overdue_findings", o.overdue_findings),
    ] {
        rows.push(vec!["collaboration".into(), key.into(), n.to_string()]);
    }
    for c in &o.contracts {
        for k in &c.kpis {
            rows.push(vec![
                format!("kpi {}", c.contract_no),
                k.metric.clone(),
                k.actual.map(num).unwrap_or_default(),
            ]);
        }
    }
    csv(&["section", "key", "value"], &rows)
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
