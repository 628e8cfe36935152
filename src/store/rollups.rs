//! Roll-ups behind the reports and dashboards (migration 9): kept exact in
//! the transactions that change their sources, so a year of a county's
//! attendance is summed from one row per session, distinct people are
//! counted from one row per contract, month and person, and ledger hours
//! from one row per day and category.
//!
//! - `session_totals`: a closed session's additive delivery figures,
//!   recomputed from its enrolments whenever they change (close, excuse
//!   after close, rating).
//! - `served_spans` (migration 10): per contract, local month and person,
//!   the first and last session start at which they were served, counselled
//!   or volunteered, recomputed for the session's people; a window edge
//!   inside a month is answered from them.
//! - `hours_days` and `hours_months`: counted ledger hours by date and
//!   category, and by ledger month, person and category, incremented as
//!   entries are posted and manual entries approved (the ledger is
//!   append-only).
//!
//! The months are cut in the bureau's time zone; `rollup_state` records
//! which, and `ensure` rebuilds everything at start-up when it is missing or
//! different (and the scale generator rebuilds after its bulk inserts).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use entity::{hours_entry, session};
use sea_orm::{ConnectionTrait, DbBackend, TransactionTrait, Value};

use super::stats::{ATTENDED, SUBJECT, VOLUNTEER, exec, query};
use crate::{domain::hours::Month, error::ApiError};

/// Advisory-lock key serialising roll-up refreshes on PostgreSQL.
const ROLLUP_LOCK: i64 = 0x726f_6c6c_7570; // "rollup"

/// The local month an instant falls in.
pub fn month_of(tz: Tz, at: DateTime<Utc>) -> Month {
    Month::of(at.with_timezone(&tz).date_naive())
}

/// The instants a local month spans, `[start, end)`.
pub fn month_bounds(tz: Tz, m: Month) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        local_midnight(tz, m.first_day()),
        local_midnight(tz, m.next().first_day()),
    )
}

/// The instants local calendar days `[first, last]` span, `[start, end)`.
pub fn day_bounds(tz: Tz, first: NaiveDate, last: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        local_midnight(tz, first),
        local_midnight(tz, last + chrono::Duration::days(1)),
    )
}

/// The instant a local day starts.
pub fn local_midnight(tz: Tz, d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| tz.from_local_datetime(&t).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

async fn lock<C: ConnectionTrait>(conn: &C) -> Result<(), ApiError> {
    if conn.get_database_backend() == DbBackend::Postgres {
        conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({ROLLUP_LOCK})"))
            .await?;
    }
    Ok(())
}

/// `INSERT … SELECT` of `session_totals` rows for the closed sessions matching `filter`.
fn totals_sql(filter: &str) -> String {
    format!(
        "INSERT INTO session_totals (session_id, contract_id, session_type, starts_at, denominator, \
           attended, hours_x100, welfare_x100, volunteer_x100, rating_sum, ratings) \
         SELECT s.id, s.contract_id, s.session_type, s.starts_at, \
           COALESCE(SUM(CASE WHEN {SUBJECT} AND e.outcome <> 'excused' THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN {SUBJECT} AND {ATTENDED} THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN {SUBJECT} AND {ATTENDED} THEN e.hours_x100 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN {SUBJECT} AND {ATTENDED} AND s.session_type = 'public_welfare' THEN e.hours_x100 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN {VOLUNTEER} AND {ATTENDED} THEN e.hours_x100 ELSE 0 END), 0), \
           COALESCE(SUM(e.satisfaction), 0), COUNT(e.satisfaction) \
         FROM sessions s LEFT JOIN enrollments e ON e.session_id = s.id \
           LEFT JOIN participants p ON p.id = e.participant_id \
         WHERE s.status = 'closed' AND {filter} \
         GROUP BY s.id, s.contract_id, s.session_type, s.starts_at"
    )
}

/// Per contract and person, among the closed sessions matching `filter`:
/// the first and last session start at which they were served, counselled
/// or volunteered (columns `contract_id, participant_id, served_first,
/// served_last, counseled_first, counseled_last, volunteered_first,
/// volunteered_last`; null: never). Grouped before the participants are
/// joined, so each person is looked up once.
pub(super) fn served_rows(filter: &str) -> String {
    format!(
        "SELECT x.contract_id AS contract_id, x.participant_id AS participant_id, \
           CASE WHEN {SUBJECT} THEN x.attended_first END AS served_first, \
           CASE WHEN {SUBJECT} THEN x.attended_last END AS served_last, \
           CASE WHEN {SUBJECT} THEN x.counseled_first END AS counseled_first, \
           CASE WHEN {SUBJECT} THEN x.counseled_last END AS counseled_last, \
           CASE WHEN {VOLUNTEER} THEN x.attended_first END AS volunteered_first, \
           CASE WHEN {VOLUNTEER} THEN x.attended_last END AS volunteered_last \
         FROM (SELECT s.contract_id AS contract_id, e.participant_id AS participant_id, \
             MIN(CASE WHEN {ATTENDED} THEN s.starts_at END) AS attended_first, \
             MAX(CASE WHEN {ATTENDED} THEN s.starts_at END) AS attended_last, \
             MIN(CASE WHEN {ATTENDED} AND s.session_type = 'individual_counseling' THEN s.starts_at END) AS counseled_first, \
             MAX(CASE WHEN {ATTENDED} AND s.session_type = 'individual_counseling' THEN s.starts_at END) AS counseled_last \
           FROM enrollments e JOIN sessions s ON s.id = e.session_id \
           WHERE s.status = 'closed' AND {filter} \
           GROUP BY s.contract_id, e.participant_id) x \
         JOIN participants p ON p.id = x.participant_id"
    )
}

/// `INSERT … SELECT` of `served_spans` rows of one month (bound first, then
/// the month's bounds) for the sessions matching `filter`.
fn served_sql(filter: &str) -> String {
    format!(
        "INSERT INTO served_spans (contract_id, month, participant_id, served_first, served_last, \
           counseled_first, counseled_last, volunteered_first, volunteered_last) \
         SELECT r.contract_id, ?, r.participant_id, r.served_first, r.served_last, \
           r.counseled_first, r.counseled_last, r.volunteered_first, r.volunteered_last \
         FROM ({}) r WHERE r.served_first IS NOT NULL OR r.volunteered_first IS NOT NULL",
        served_rows(&format!(
            "s.starts_at >= ? AND s.starts_at < ? AND {filter}"
        ))
    )
}

/// Recomputes a session's roll-ups after its enrolments changed (inside the
/// change's transaction). Sessions that are not closed have none.
pub async fn refresh_session<C: ConnectionTrait>(
    conn: &C,
    tz: Tz,
    s: &session::Model,
) -> Result<(), ApiError> {
    lock(conn).await?;
    let id: Value = s.id.into();
    exec(
        conn,
        "DELETE FROM session_totals WHERE session_id = ?",
        vec![id.clone()],
    )
    .await?;
    let month = month_of(tz, s.starts_at);
    let people =
        "e.participant_id IN (SELECT participant_id FROM enrollments WHERE session_id = ?)";
    exec(
        conn,
        "DELETE FROM served_spans WHERE contract_id = ? AND month = ? \
         AND participant_id IN (SELECT participant_id FROM enrollments WHERE session_id = ?)",
        vec![s.contract_id.into(), month.to_string().into(), id.clone()],
    )
    .await?;
    if s.status != "closed" {
        return Ok(());
    }
    exec(conn, &totals_sql("s.id = ?"), vec![id.clone()]).await?;
    let (from, to) = month_bounds(tz, month);
    exec(
        conn,
        &served_sql(&format!("s.contract_id = ? AND {people}")),
        vec![
            month.to_string().into(),
            from.into(),
            to.into(),
            s.contract_id.into(),
            id,
        ],
    )
    .await
}

/// Adds posted ledger entries that count at once (all but manual ones).
pub async fn add_hours<C: ConnectionTrait>(
    conn: &C,
    rows: &[hours_entry::Model],
) -> Result<(), ApiError> {
    let counted: Vec<&hours_entry::Model> = rows
        .iter()
        .filter(|r| crate::domain::hours::counts(&r.source, false))
        .collect();
    add(conn, &counted).await
}

/// Adds a manual entry's hours once it is approved.
pub async fn approve_hours<C: ConnectionTrait>(
    conn: &C,
    entry: &hours_entry::Model,
) -> Result<(), ApiError> {
    if crate::domain::hours::counts(&entry.source, false) {
        return Ok(()); // counted since it was posted
    }
    add(conn, &[entry]).await
}

/// Increments `hours_days` and `hours_months` (multi-row upserts; the keys
/// are summed here first, as one statement may touch a row only once).
async fn add<C: ConnectionTrait>(conn: &C, rows: &[&hours_entry::Model]) -> Result<(), ApiError> {
    use std::collections::BTreeMap;
    let mut days: BTreeMap<(NaiveDate, &str), i64> = BTreeMap::new();
    let mut months: BTreeMap<(&str, uuid::Uuid, &str), i64> = BTreeMap::new();
    for r in rows {
        *days.entry((r.date, &r.category)).or_default() += r.hours_x100;
        *months
            .entry((&r.month, r.participant_id, &r.category))
            .or_default() += r.hours_x100;
    }
    let days: Vec<Vec<Value>> = days
        .into_iter()
        .map(|((d, c), h)| vec![d.into(), c.into(), h.into()])
        .collect();
    upsert(
        conn,
        "hours_days (date, category, hours_x100)",
        "date, category",
        "hours_days",
        3,
        days,
    )
    .await?;
    let months: Vec<Vec<Value>> = months
        .into_iter()
        .map(|((m, p, c), h)| vec![m.into(), p.into(), c.into(), h.into()])
        .collect();
    upsert(
        conn,
        "hours_months (month, participant_id, category, hours_x100)",
        "month, participant_id, category",
        "hours_months",
        4,
        months,
    )
    .await
}

async fn upsert<C: ConnectionTrait>(
    conn: &C,
    into: &str,
    key: &str,
    table: &str,
    width: usize,
    rows: Vec<Vec<Value>>,
) -> Result<(), ApiError> {
    let tuple = format!("({})", vec!["?"; width].join(", "));
    for chunk in rows.chunks(200) {
        let sql = format!(
            "INSERT INTO {into} VALUES {} ON CONFLICT ({key}) \
             DO UPDATE SET hours_x100 = {table}.hours_x100 + excluded.hours_x100",
            vec![tuple.as_str(); chunk.len()].join(", ")
        );
        exec(conn, &sql, chunk.concat()).await?;
    }
    Ok(())
}

/// Rebuilds every roll-up from the source tables (inside a transaction).
pub async fn rebuild<C: ConnectionTrait>(conn: &C, tz: Tz) -> Result<(), ApiError> {
    lock(conn).await?;
    for t in [
        "session_totals",
        "served_spans",
        "hours_days",
        "hours_months",
    ] {
        conn.execute_unprepared(&format!("DELETE FROM {t}")).await?;
    }
    exec(conn, &totals_sql("1 = 1"), vec![]).await?;
    let range = query(
        conn,
        "SELECT MIN(starts_at) AS first, MAX(starts_at) AS last FROM sessions WHERE status = 'closed'",
        vec![],
    )
    .await?;
    let bounds = range.first().map(|r| {
        (
            r.try_get::<Option<DateTime<Utc>>>("", "first"),
            r.try_get::<Option<DateTime<Utc>>>("", "last"),
        )
    });
    if let Some((Ok(Some(first)), Ok(Some(last)))) = bounds {
        let (mut m, end) = (month_of(tz, first), month_of(tz, last));
        while m <= end {
            let (from, to) = month_bounds(tz, m);
            exec(
                conn,
                &served_sql("1 = 1"),
                vec![m.to_string().into(), from.into(), to.into()],
            )
            .await?;
            m = m.next();
        }
    }
    exec(
        conn,
        "INSERT INTO hours_days (date, category, hours_x100) \
         SELECT date, category, SUM(hours_x100) FROM hours_entries \
         WHERE source <> 'manual' OR id IN (SELECT entry_id FROM hours_approvals) \
         GROUP BY date, category",
        vec![],
    )
    .await?;
    exec(
        conn,
        "INSERT INTO hours_months (month, participant_id, category, hours_x100) \
         SELECT month, participant_id, category, SUM(hours_x100) FROM hours_entries \
         WHERE source <> 'manual' OR id IN (SELECT entry_id FROM hours_approvals) \
         GROUP BY month, participant_id, category",
        vec![],
    )
    .await?;
    exec(
        conn,
        "DELETE FROM rollup_state WHERE name = 'timezone'",
        vec![],
    )
    .await?;
    exec(
        conn,
        "INSERT INTO rollup_state (name, value) VALUES ('timezone', ?)",
        vec![tz.name().into()],
    )
    .await
}

/// Rebuilds the roll-ups unless they were cut in this time zone (start-up).
pub async fn ensure(db: &super::Db, tz: Tz) -> Result<(), ApiError> {
    let current = |rows: Vec<sea_orm::QueryResult>| {
        rows.first()
            .and_then(|r| r.try_get::<String>("", "value").ok())
            .is_some_and(|v| v == tz.name())
    };
    let sql = "SELECT value FROM rollup_state WHERE name = 'timezone'";
    if current(query(&db.write, sql, vec![]).await?) {
        return Ok(());
    }
    let txn = db.write.begin().await?;
    lock(&txn).await?;
    if !current(query(&txn, sql, vec![]).await?) {
        tracing::info!(timezone = tz.name(), "rebuilding report roll-ups");
        rebuild(&txn, tz).await?;
    }
    txn.commit().await?;
    Ok(())
}
