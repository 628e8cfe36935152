//! Report and dashboard figures, aggregated in SQL (one statement per figure
//! family, grouped by contract or office) so that a county's year of data is
//! never loaded into memory.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, Value};
use uuid::Uuid;

use crate::{
    domain::{
        hours::{Month, Policy},
        kpi::DeliveryCounts,
    },
    error::ApiError,
};

/// Writes `?` placeholders as `$1, $2, …` for PostgreSQL.
fn statement(backend: DbBackend, sql: &str, values: Vec<Value>) -> Statement {
    let sql = if backend == DbBackend::Postgres {
        let mut out = String::with_capacity(sql.len() + 16);
        let mut n = 0;
        for c in sql.chars() {
            if c == '?' {
                n += 1;
                out.push_str(&format!("${n}"));
            } else {
                out.push(c);
            }
        }
        out
    } else {
        sql.to_string()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

pub(super) async fn query<C: ConnectionTrait>(
    conn: &C,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<QueryResult>, ApiError> {
    Ok(conn
        .query_all_raw(statement(conn.get_database_backend(), sql, values))
        .await?)
}

pub(super) async fn exec<C: ConnectionTrait>(
    conn: &C,
    sql: &str,
    values: Vec<Value>,
) -> Result<(), ApiError> {
    conn.execute_raw(statement(conn.get_database_backend(), sql, values))
        .await?;
    Ok(())
}

fn int(row: &QueryResult, col: &str) -> Result<i64, ApiError> {
    Ok(row.try_get::<Option<i64>>("", col)?.unwrap_or(0))
}

/// A time window over session starts (or entry dates); `None` ends are open.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Window {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl Window {
    /// `base`, the contract (if one) and the window on `<alias>.contract_id`
    /// and `<alias>.starts_at`.
    fn scope(
        &self,
        base: &str,
        alias: &str,
        contract: Option<Uuid>,
        values: &mut Vec<Value>,
    ) -> String {
        let mut filter = base.to_string();
        if let Some(c) = contract {
            filter.push_str(&format!(" AND {alias}.contract_id = ?"));
            values.push(c.into());
        }
        filter.push_str(&self.sql(&format!("{alias}.starts_at"), values));
        filter
    }

    fn sql(&self, col: &str, values: &mut Vec<Value>) -> String {
        let mut s = String::new();
        if let Some(f) = self.from {
            s.push_str(&format!(" AND {col} >= ?"));
            values.push(f.into());
        }
        if let Some(t) = self.to {
            s.push_str(&format!(" AND {col} < ?"));
            values.push(t.into());
        }
        s
    }
}

const TYPES: [&str; 5] = [
    "education",
    "skills_training",
    "group_counseling",
    "individual_counseling",
    "public_welfare",
];

pub(super) const ATTENDED: &str = "e.outcome IN ('present', 'late', 'left_early')";
pub(super) const SUBJECT: &str = "p.kind = 'correction_subject'";
pub(super) const VOLUNTEER: &str = "p.kind = 'volunteer'";

/// Delivery figures per contract from closed sessions starting in the window
/// (`contract`: one contract, or all), from the roll-ups: additive figures
/// from one row per session; people counted once from one row per contract,
/// local month and person (`served_spans`), a partial month at an edge by
/// the first or last start in it; only a window inside one month reads the
/// enrolments. Equal to `delivery_raw`.
pub async fn delivery<C: ConnectionTrait>(
    conn: &C,
    tz: chrono_tz::Tz,
    contract: Option<Uuid>,
    window: Window,
) -> Result<HashMap<Uuid, DeliveryCounts>, ApiError> {
    let mut out: HashMap<Uuid, DeliveryCounts> = HashMap::new();
    session_figures(conn, contract, window, &mut out).await?;
    people_figures(conn, tz, contract, window, &mut out).await?;
    Ok(out)
}

/// The additive figures (sessions by type, attendance, hours, ratings), from
/// one `session_totals` row per session.
async fn session_figures<C: ConnectionTrait>(
    conn: &C,
    contract: Option<Uuid>,
    window: Window,
    out: &mut HashMap<Uuid, DeliveryCounts>,
) -> Result<(), ApiError> {
    const SUMS: [&str; 7] = [
        "denominator",
        "attended",
        "hours",
        "welfare",
        "volunteer_hours",
        "rating_sum",
        "ratings",
    ];
    let mut values = Vec::new();
    let filter = window.scope("1 = 1", "t", contract, &mut values);
    let sql = format!(
        "SELECT t.contract_id AS contract_id, t.session_type AS session_type, COUNT(*) AS n, \
           CAST(SUM(t.denominator) AS BIGINT) AS denominator, CAST(SUM(t.attended) AS BIGINT) AS attended, \
           CAST(SUM(t.hours_x100) AS BIGINT) AS hours, CAST(SUM(t.welfare_x100) AS BIGINT) AS welfare, \
           CAST(SUM(t.volunteer_x100) AS BIGINT) AS volunteer_hours, \
           CAST(SUM(t.rating_sum) AS BIGINT) AS rating_sum, CAST(SUM(t.ratings) AS BIGINT) AS ratings \
         FROM session_totals t WHERE {filter} GROUP BY t.contract_id, t.session_type"
    );
    let mut sums: HashMap<Uuid, [i64; 7]> = HashMap::new();
    for row in query(conn, &sql, values).await? {
        let id: Uuid = row.try_get("", "contract_id")?;
        let t: String = row.try_get("", "session_type")?;
        if let Some(i) = TYPES.iter().position(|x| *x == t) {
            out.entry(id).or_default().sessions[i] = int(&row, "n")?;
        }
        let s = sums.entry(id).or_default();
        for (k, col) in SUMS.iter().enumerate() {
            s[k] += int(&row, col)?;
        }
    }
    for (
        id,
        [
            denominator,
            attended,
            hours,
            welfare,
            volunteer,
            rating_sum,
            ratings,
        ],
    ) in sums
    {
        let c = out.entry(id).or_default();
        c.attendance_denominator = denominator;
        c.attended = attended;
        c.participant_hours = hours as f64 / 100.0;
        c.public_welfare_hours = welfare as f64 / 100.0;
        c.volunteer_hours = volunteer as f64 / 100.0;
        c.satisfaction = mean_rating(rating_sum, ratings);
    }
    Ok(())
}

/// People served, counselled and volunteering, each counted once per
/// contract: from `served_spans` over the local months the window touches,
/// a partial month at an edge by its first and last starts; a window
/// inside one month from its enrolments.
async fn people_figures<C: ConnectionTrait>(
    conn: &C,
    tz: chrono_tz::Tz,
    contract: Option<Uuid>,
    window: Window,
    out: &mut HashMap<Uuid, DeliveryCounts>,
) -> Result<(), ApiError> {
    let mut values = Vec::new();
    let people = match split_months(tz, window) {
        Split::Months {
            first,
            last,
            head,
            tail,
        } => spans_sql(contract, (first, last), (head, tail), &mut values),
        Split::Inside(w) => {
            let mut filter = format!("1 = 1{}", w.sql("s.starts_at", &mut values));
            if let Some(c) = contract {
                filter.push_str(" AND s.contract_id = ?");
                values.push(c.into());
            }
            format!(
                "SELECT r.contract_id AS contract_id, r.participant_id AS participant_id, \
                   CASE WHEN r.served_first IS NOT NULL THEN 1 ELSE 0 END AS served, \
                   CASE WHEN r.counseled_first IS NOT NULL THEN 1 ELSE 0 END AS counseled, \
                   CASE WHEN r.volunteered_first IS NOT NULL THEN 1 ELSE 0 END AS volunteered \
                 FROM ({}) r",
                super::rollups::served_rows(&filter)
            )
        }
    };
    let sql = format!(
        "SELECT u.contract_id AS contract_id, \
           COUNT(DISTINCT CASE WHEN u.served = 1 THEN u.participant_id END) AS served, \
           COUNT(DISTINCT CASE WHEN u.counseled = 1 THEN u.participant_id END) AS counseled, \
           COUNT(DISTINCT CASE WHEN u.volunteered = 1 THEN u.participant_id END) AS volunteers \
         FROM ({people}) u GROUP BY u.contract_id"
    );
    for row in query(conn, &sql, values).await? {
        let id: Uuid = row.try_get("", "contract_id")?;
        let c = out.entry(id).or_default();
        c.people_served = int(&row, "served")?;
        c.counseling_cases = int(&row, "counseled")?;
        c.volunteers_engaged = int(&row, "volunteers")?;
    }
    Ok(())
}

/// A partial month at an edge of a window, and where the window cuts it.
type EdgeMonth = Option<(Month, DateTime<Utc>)>;

/// One row per contract, month and person from `served_spans` within
/// `[first, last]` months, a partial `head` or `tail` month judged by the
/// person's last or first start in it.
fn spans_sql(
    contract: Option<Uuid>,
    (first, last): (Option<Month>, Option<Month>),
    (head, tail): (EdgeMonth, EdgeMonth),
    values: &mut Vec<Value>,
) -> String {
    let mut part =
        String::from("SELECT m.contract_id AS contract_id, m.participant_id AS participant_id");
    for kind in ["served", "counseled", "volunteered"] {
        part.push_str(&format!(", CASE WHEN m.{kind}_first IS NOT NULL"));
        if let Some((month, from)) = head {
            part.push_str(&format!(" AND (m.month <> ? OR m.{kind}_last >= ?)"));
            values.push(month.to_string().into());
            values.push(from.into());
        }
        if let Some((month, to)) = tail {
            part.push_str(&format!(" AND (m.month <> ? OR m.{kind}_first < ?)"));
            values.push(month.to_string().into());
            values.push(to.into());
        }
        part.push_str(&format!(" THEN 1 ELSE 0 END AS {kind}"));
    }
    part.push_str(" FROM served_spans m WHERE 1 = 1");
    if let Some(f) = first {
        part.push_str(" AND m.month >= ?");
        values.push(f.to_string().into());
    }
    if let Some(l) = last {
        part.push_str(" AND m.month <= ?");
        values.push(l.to_string().into());
    }
    if let Some(c) = contract {
        part.push_str(" AND m.contract_id = ?");
        values.push(c.into());
    }
    part
}

fn mean_rating(sum: i64, n: i64) -> Option<f64> {
    (n > 0).then(|| {
        let mean = sum as f64 / n as f64;
        (mean * 100.0).round() / 100.0
    })
}

/// The local months a window touches (`None` ends: open), with the month
/// and instant of a partial month at either edge; or, for a window that
/// starts and ends inside the same month, that window.
#[derive(Debug, PartialEq)]
enum Split {
    Months {
        first: Option<Month>,
        last: Option<Month>,
        head: EdgeMonth,
        tail: EdgeMonth,
    },
    Inside(Window),
}

fn split_months(tz: chrono_tz::Tz, w: Window) -> Split {
    use super::rollups::{month_bounds, month_of};
    let (first, head) = match w.from {
        None => (None, None),
        Some(f) => {
            let m = month_of(tz, f);
            (Some(m), (month_bounds(tz, m).0 < f).then_some((m, f)))
        }
    };
    let (last, tail) = match w.to {
        None => (None, None),
        Some(t) => {
            let m = month_of(tz, t);
            if month_bounds(tz, m).0 < t {
                (Some(m), Some((m, t)))
            } else {
                (Some(m.prev()), None)
            }
        }
    };
    match (head, tail) {
        (Some((h, _)), Some((t, _))) if h == t => Split::Inside(w),
        _ => Split::Months {
            first,
            last,
            head,
            tail,
        },
    }
}

/// Delivery figures computed from the enrolments themselves: the reference
/// the roll-ups are tested against.
pub async fn delivery_raw<C: ConnectionTrait>(
    conn: &C,
    contract: Option<Uuid>,
    window: Window,
) -> Result<HashMap<Uuid, DeliveryCounts>, ApiError> {
    let mut out: HashMap<Uuid, DeliveryCounts> = HashMap::new();
    let mut values = Vec::new();
    let filter = window.scope("s.status = 'closed'", "s", contract, &mut values);
    let sql = format!(
        "SELECT s.contract_id AS contract_id, s.session_type AS session_type, COUNT(*) AS n \
         FROM sessions s WHERE {filter} GROUP BY s.contract_id, s.session_type"
    );
    for row in query(conn, &sql, values.clone()).await? {
        let id: Uuid = row.try_get("", "contract_id")?;
        let t: String = row.try_get("", "session_type")?;
        if let Some(i) = TYPES.iter().position(|x| *x == t) {
            out.entry(id).or_default().sessions[i] = int(&row, "n")?;
        }
    }
    let sql = format!(
        "SELECT s.contract_id AS contract_id, \
           CAST(SUM(CASE WHEN {SUBJECT} AND e.outcome <> 'excused' THEN 1 ELSE 0 END) AS BIGINT) AS denominator, \
           CAST(SUM(CASE WHEN {SUBJECT} AND {ATTENDED} THEN 1 ELSE 0 END) AS BIGINT) AS attended, \
           CAST(SUM(CASE WHEN {SUBJECT} AND {ATTENDED} THEN e.hours_x100 ELSE 0 END) AS BIGINT) AS hours, \
           CAST(SUM(CASE WHEN {SUBJECT} AND {ATTENDED} AND s.session_type = 'public_welfare' THEN e.hours_x100 ELSE 0 END) AS BIGINT) AS welfare, \
           COUNT(DISTINCT CASE WHEN {SUBJECT} AND {ATTENDED} THEN e.participant_id END) AS served, \
           COUNT(DISTINCT CASE WHEN {SUBJECT} AND {ATTENDED} AND s.session_type = 'individual_counseling' THEN e.participant_id END) AS counseled, \
           CAST(SUM(CASE WHEN {VOLUNTEER} AND {ATTENDED} THEN e.hours_x100 ELSE 0 END) AS BIGINT) AS volunteer_hours, \
           COUNT(DISTINCT CASE WHEN {VOLUNTEER} AND {ATTENDED} THEN e.participant_id END) AS volunteers, \
           CAST(SUM(e.satisfaction) AS BIGINT) AS rating_sum, COUNT(e.satisfaction) AS ratings \
         FROM enrollments e JOIN sessions s ON s.id = e.session_id JOIN participants p ON p.id = e.participant_id \
         WHERE {filter} GROUP BY s.contract_id"
    );
    for row in query(conn, &sql, values).await? {
        let id: Uuid = row.try_get("", "contract_id")?;
        let c = out.entry(id).or_default();
        c.attendance_denominator = int(&row, "denominator")?;
        c.attended = int(&row, "attended")?;
        c.participant_hours = int(&row, "hours")? as f64 / 100.0;
        c.public_welfare_hours = int(&row, "welfare")? as f64 / 100.0;
        c.people_served = int(&row, "served")?;
        c.counseling_cases = int(&row, "counseled")?;
        c.volunteer_hours = int(&row, "volunteer_hours")? as f64 / 100.0;
        c.volunteers_engaged = int(&row, "volunteers")?;
        c.satisfaction = mean_rating(int(&row, "rating_sum")?, int(&row, "ratings")?);
    }
    Ok(out)
}

/// Outcomes by kind with a date in `[from, to)`, optionally only those recorded by one organisation.
pub async fn outcomes<C: ConnectionTrait>(
    conn: &C,
    recorded_by_org: Option<Uuid>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<HashMap<String, i64>, ApiError> {
    let mut values = Vec::new();
    let mut filter = String::from("1 = 1");
    if let Some(o) = recorded_by_org {
        filter.push_str(" AND recorded_by_org = ?");
        values.push(o.into());
    }
    if let Some(f) = from {
        filter.push_str(" AND date >= ?");
        values.push(f.into());
    }
    if let Some(t) = to {
        filter.push_str(" AND date < ?");
        values.push(t.into());
    }
    let sql = format!("SELECT kind, COUNT(*) AS n FROM outcomes WHERE {filter} GROUP BY kind");
    query(conn, &sql, values)
        .await?
        .iter()
        .map(|r| Ok((r.try_get::<String>("", "kind")?, int(r, "n")?)))
        .collect()
}

/// Counted ledger hours by category with an activity date in `[from, to)`
/// (from the `hours_days` roll-up).
pub async fn hours_by_category<C: ConnectionTrait>(
    conn: &C,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<HashMap<String, i64>, ApiError> {
    let mut values = Vec::new();
    let mut filter = String::from("1 = 1");
    if let Some(f) = from {
        filter.push_str(" AND h.date >= ?");
        values.push(f.into());
    }
    if let Some(t) = to {
        filter.push_str(" AND h.date < ?");
        values.push(t.into());
    }
    let sql = format!(
        "SELECT h.category AS category, CAST(SUM(h.hours_x100) AS BIGINT) AS total \
         FROM hours_days h WHERE {filter} GROUP BY h.category"
    );
    query(conn, &sql, values)
        .await?
        .iter()
        .map(|r| Ok((r.try_get::<String>("", "category")?, int(r, "total")?)))
        .collect()
}

/// One office's compliance figures for a month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compliance {
    pub on_register: i64,
    pub met: i64,
    pub at_risk: i64,
    pub not_met: i64,
    pub no_shows: i64,
    pub open_alerts: i64,
    pub open_referrals: i64,
}

/// Compliance per office for `offices` under one policy: each active person
/// under correction's month status is decided in SQL by the same rule as
/// `domain::hours::status`.
pub async fn compliance<C: ConnectionTrait>(
    conn: &C,
    offices: &[Uuid],
    policy: &Policy,
    month: Month,
    today: chrono::NaiveDate,
    month_bounds: (DateTime<Utc>, DateTime<Utc>),
) -> Result<HashMap<Uuid, Compliance>, ApiError> {
    let mut out: HashMap<Uuid, Compliance> = offices
        .iter()
        .map(|o| (*o, Compliance::default()))
        .collect();
    if offices.is_empty() {
        return Ok(out);
    }
    let marks = vec!["?"; offices.len()].join(", ");
    let office_values: Vec<Value> = offices.iter().map(|o| (*o).into()).collect();
    let ended = today > month.last_day();
    let day = i64::from(chrono::Datelike::day(&today));
    let days = i64::from(month.days());
    let judged = today >= month.first_day() && !ended && day >= i64::from(policy.at_risk_day);
    let q = month_figures_sql(policy, month, day, days, &marks, &office_values);
    let (sql, values) = (q.text, q.values);
    for row in query(conn, &sql, values).await? {
        let id: Uuid = row.try_get("", "office_id")?;
        let c = out.entry(id).or_default();
        c.on_register = int(&row, "on_register")?;
        c.met = int(&row, "met")?;
        let behind = int(&row, "behind")?;
        if ended {
            c.not_met = c.on_register - c.met;
        } else if judged {
            c.at_risk = behind;
        }
    }
    open_work(conn, &marks, &office_values, month_bounds, &mut out).await?;
    Ok(out)
}

/// The SQL counting, per office, the persons on register, those who met the
/// month and those behind the pro-rata share on `day` of `days` (the rule of
/// `domain::hours::status`, in SQL).
fn month_figures_sql(
    policy: &Policy,
    month: Month,
    day: i64,
    days: i64,
    marks: &str,
    office_values: &[Value],
) -> Sql {
    // Built in text order, so that every `?` meets its value.
    let mut q = Sql::default();
    // The plan in effect's hours where it sets them (`domain::plan::required`).
    let required = |q: &mut Sql, edu: bool| {
        q.push(if edu {
            "COALESCE(cp.education_x100, CASE p.supervision_level"
        } else {
            "COALESCE(cp.public_welfare_x100, CASE p.supervision_level"
        });
        for (level, r) in [
            ("strict", policy.strict),
            ("ordinary", policy.ordinary),
            ("lenient", policy.lenient),
        ] {
            q.push(&format!(" WHEN '{level}' THEN "));
            q.bind(if edu {
                r.education_x100
            } else {
                r.public_welfare_x100
            });
        }
        q.push(" ELSE 0 END)");
    };
    let met = |q: &mut Sql| {
        q.push("(COALESCE(h.edu, 0) >= ");
        required(q, true);
        q.push(" AND COALESCE(h.pw, 0) >= ");
        required(q, false);
        q.push(")");
    };
    q.push(
        "SELECT p.judicial_office_id AS office_id, COUNT(*) AS on_register, CAST(SUM(CASE WHEN ",
    );
    met(&mut q);
    q.push(" THEN 1 ELSE 0 END) AS BIGINT) AS met, CAST(SUM(CASE WHEN NOT ");
    met(&mut q);
    q.push(" AND (COALESCE(h.edu, 0) * ");
    q.bind(days);
    q.push(" < ");
    required(&mut q, true);
    q.push(" * ");
    q.bind(day);
    q.push(" OR COALESCE(h.pw, 0) * ");
    q.bind(days);
    q.push(" < ");
    required(&mut q, false);
    q.push(" * ");
    q.bind(day);
    q.push(
        ") THEN 1 ELSE 0 END) AS BIGINT) AS behind \
         FROM participants p LEFT JOIN ( \
           SELECT participant_id, \
             CAST(SUM(CASE WHEN category = 'education' THEN hours_x100 ELSE 0 END) AS BIGINT) AS edu, \
             CAST(SUM(CASE WHEN category = 'public_welfare' THEN hours_x100 ELSE 0 END) AS BIGINT) AS pw \
           FROM hours_months WHERE month = ",
    );
    q.bind(month.to_string());
    q.push(" GROUP BY participant_id) h ON h.participant_id = p.id");
    join_plan_in_effect(&mut q, month);
    q.push(&format!(
        " WHERE p.kind = 'correction_subject' AND p.status = 'active' AND p.judicial_office_id IN ({marks})"
    ));
    q.values.extend(office_values.iter().cloned());
    q.push(" AND (p.correction_start IS NULL OR p.correction_start <= ");
    q.bind(month.last_day());
    q.push(") GROUP BY p.judicial_office_id");
    q
}

/// Joins `cp`, the plan in effect for `month`: the newest version begun by
/// the month's last day (`domain::plan::in_effect`; versions never go back in time).
fn join_plan_in_effect(q: &mut Sql, month: Month) {
    q.push(
        " LEFT JOIN correction_plans cp ON cp.participant_id = p.id AND cp.version = ( \
           SELECT MAX(c2.version) FROM correction_plans c2 \
           WHERE c2.participant_id = p.id AND c2.effective_from <= ",
    );
    q.bind(month.last_day());
    q.push(")");
}

/// No-shows of the month, alerts not resolved and referrals open or
/// accepted, per office (the compliance row's care figures).
async fn open_work<C: ConnectionTrait>(
    conn: &C,
    marks: &str,
    office_values: &[Value],
    month_bounds: (DateTime<Utc>, DateTime<Utc>),
    out: &mut HashMap<Uuid, Compliance>,
) -> Result<(), ApiError> {
    let mut values: Vec<Value> = office_values.to_vec();
    values.push(month_bounds.0.into());
    values.push(month_bounds.1.into());
    let sql = format!(
        "SELECT p.judicial_office_id AS office_id, COUNT(*) AS n FROM enrollments e \
         JOIN sessions s ON s.id = e.session_id JOIN participants p ON p.id = e.participant_id \
         WHERE e.outcome = 'no_show' AND p.judicial_office_id IN ({marks}) AND s.starts_at >= ? AND s.starts_at < ? \
         GROUP BY p.judicial_office_id"
    );
    for row in query(conn, &sql, values).await? {
        let id: Uuid = row.try_get("", "office_id")?;
        out.entry(id).or_default().no_shows = int(&row, "n")?;
    }
    let sql = format!(
        "SELECT office_id, COUNT(*) AS n FROM alerts WHERE status <> 'resolved' AND office_id IN ({marks}) GROUP BY office_id"
    );
    for row in query(conn, &sql, office_values.to_vec()).await? {
        let id: Uuid = row.try_get("", "office_id")?;
        out.entry(id).or_default().open_alerts = int(&row, "n")?;
    }
    let sql = format!(
        "SELECT office_id, COUNT(*) AS n FROM referrals WHERE status IN ('open', 'accepted') AND office_id IN ({marks}) GROUP BY office_id"
    );
    for row in query(conn, &sql, office_values.to_vec()).await? {
        let id: Uuid = row.try_get("", "office_id")?;
        out.entry(id).or_default().open_referrals = int(&row, "n")?;
    }
    Ok(())
}

/// SQL text and its bound values, appended in order.
#[derive(Default)]
struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn bind(&mut self, v: impl Into<Value>) {
        self.text.push('?');
        self.values.push(v.into());
    }
}
