//! The county generator (`huigui demo --scale N`) and the dashboards on its
//! data: thousands of attendance rows, figures equal to direct counts.

use huigui::cli::{self, DEMO_PASSWORD};
use sea_orm::ConnectionTrait;

use crate::helpers::{TestApp, test_settings};

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    app.state
        .db
        .read
        .query_one_raw(sea_orm::Statement::from_string(
            app.state.db.backend(),
            sql.to_string(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

#[tokio::test]
async fn a_generated_county_matches_its_dashboards() {
    let dir = tempfile::tempdir().unwrap();
    let settings = test_settings(dir.path()).await;
    let app = TestApp::with_settings(settings.clone(), tempfile::tempdir().unwrap()).await;
    cli::demo(settings.clone()).await.unwrap();
    let g = huigui::scale::generate(&app.state, 3, false).await.unwrap();
    // 25 people per office at this scale, so sessions hold 25 (50 from scale 6 on).
    assert_eq!(
        (g.participants, g.sessions, g.enrollments),
        (300, 600, 600 * 25)
    );
    assert_eq!(
        app.count("enrollments").await as usize,
        // plus the demo's five sessions (three held, one under way, one upcoming) of eight people
        g.enrollments + huigui::scale::LIVE_SESSIONS * 25 + 5 * 8
    );
    assert_eq!(g.live_sessions, huigui::scale::LIVE_SESSIONS);
    assert_eq!(
        app.count("participants").await,
        300 + 8,
        "plus the demo's eight"
    );
    let subjects_active = scalar(&app, "SELECT COUNT(*) AS n FROM participants WHERE kind = 'correction_subject' AND status = 'active'").await;

    let officer = app.token("officer@demo.huigui.cn", DEMO_PASSWORD).await;
    let today = app.state.clock.today(app.state.settings.tz());
    let month = today.format("%Y-%m").to_string();
    let comp = app
        .get(&format!("/api/v1/stats/compliance?month={month}"), &officer)
        .await;
    assert_eq!(comp.status, 200, "{}", comp.body);
    let items = comp.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 12);
    let sum = |k: &str| items.iter().map(|i| i[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!(sum("on_register"), subjects_active);
    let (first, next) = {
        let tz = app.state.settings.tz();
        let m: huigui::domain::hours::Month = month.parse().unwrap();
        let at = |d: chrono::NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .unwrap()
                .and_local_timezone(tz)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        (at(m.first_day()), at(m.next().first_day()))
    };
    let no_shows: i64 = {
        let sql = "SELECT COUNT(*) AS n FROM enrollments e JOIN sessions s ON s.id = e.session_id WHERE e.outcome = 'no_show' AND s.starts_at >= $1 AND s.starts_at < $2";
        let sql = if app.state.db.backend() == sea_orm::DbBackend::Sqlite {
            sql.replace("$1", "?").replace("$2", "?")
        } else {
            sql.to_string()
        };
        app.state
            .db
            .read
            .query_one_raw(sea_orm::Statement::from_sql_and_values(
                app.state.db.backend(),
                sql,
                [first.into(), next.into()],
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap()
    };
    assert_eq!(sum("no_shows"), no_shows);

    let ov = app.get("/api/v1/stats/overview", &officer).await;
    assert_eq!(ov.status, 200);
    let closed = scalar(
        &app,
        "SELECT COUNT(*) AS n FROM sessions WHERE status = 'closed'",
    )
    .await;
    let by_type: i64 = ov.body["sessions_by_type"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_i64().unwrap())
        .sum();
    assert_eq!(by_type, closed);
    let hours = scalar(
        &app,
        "SELECT CAST(SUM(hours_x100) AS BIGINT) AS n FROM hours_entries",
    )
    .await as f64
        / 100.0;
    let reported: f64 = ov.body["hours_by_category"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_f64().unwrap())
        .sum();
    assert!((reported - hours).abs() < 1e-6, "{reported} vs {hours}");

    // A report draft over the whole year for the first NGO's generated contract.
    let ngo = app.token("ngo-staff@demo.huigui.cn", DEMO_PASSWORD).await;
    let contracts = app
        .get("/api/v1/contracts?status=active&limit=200", &ngo)
        .await;
    let c = contracts.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"].as_str().unwrap().contains("规模测试"))
        .unwrap()
        .clone();
    let r = app
        .post(&format!("/api/v1/contracts/{}/reports", c["id"].as_str().unwrap()), Some(&ngo),
            serde_json::json!({"period_start": (today - chrono::Duration::days(366)).to_string(), "period_end": today.to_string()}))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let contract_no = c["contract_no"].as_str().unwrap();
    let attended = scalar(&app, &format!(
        "SELECT COUNT(*) AS n FROM enrollments e JOIN sessions s ON s.id = e.session_id JOIN contracts k ON k.id = s.contract_id \
         WHERE k.contract_no = '{contract_no}' AND s.status = 'closed' AND e.outcome IN ('present', 'late', 'left_early')")).await;
    let counted = scalar(&app, &format!(
        "SELECT COUNT(*) AS n FROM enrollments e JOIN sessions s ON s.id = e.session_id JOIN contracts k ON k.id = s.contract_id \
         WHERE k.contract_no = '{contract_no}' AND s.status = 'closed' AND e.outcome <> 'excused'")).await;
    let rate = r.body["metrics"]["attendance_rate"].as_f64().unwrap();
    assert!(
        (rate - ((attended as f64 / counted as f64) * 10_000.0).round() / 10_000.0).abs() < 1e-9,
        "{rate}"
    );
}

/// The roll-ups behind reports and dashboards give exactly what the source
/// tables give, for any window (whole local months, partial months at either
/// edge, inside one month, open-ended) and for one contract or all; and after
/// a rebuild, the same again.
#[tokio::test]
async fn report_roll_ups_equal_the_source_tables_for_any_window() {
    use chrono::{Duration, TimeZone, Utc};
    use huigui::store::stats::{Window, delivery, delivery_raw, hours_by_category};
    use sea_orm::EntityTrait;
    let dir = tempfile::tempdir().unwrap();
    let settings = test_settings(dir.path()).await;
    let app = TestApp::with_settings(settings.clone(), tempfile::tempdir().unwrap()).await;
    cli::demo(settings.clone()).await.unwrap();
    let tz = app.state.settings.tz();
    let db = &app.state.db.read;
    let local = |y: i32, m: u32, d: u32, h: u32| {
        tz.with_ymd_and_hms(y, m, d, h, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    let now = Utc::now();
    let year_ago = now - Duration::days(365);
    let windows = [
        Window::default(),
        Window {
            from: Some(year_ago),
            to: Some(now),
        },
        Window {
            from: Some(local(2026, 3, 1, 0)),
            to: Some(local(2026, 6, 1, 0)),
        },
        Window {
            from: Some(local(2026, 3, 10, 0)),
            to: Some(local(2026, 6, 20, 0)),
        },
        Window {
            from: Some(local(2026, 5, 3, 0)),
            to: Some(local(2026, 5, 27, 0)),
        },
        Window {
            from: None,
            to: Some(local(2026, 7, 15, 9)),
        },
        Window {
            from: Some(local(2026, 4, 10, 13)),
            to: Some(local(2026, 8, 1, 0)),
        },
        Window {
            from: Some(local(2026, 4, 1, 0)),
            to: Some(local(2026, 8, 5, 17)),
        },
        Window {
            from: Some(local(2026, 9, 28, 0)),
            to: Some(local(2026, 10, 3, 0)),
        },
        Window {
            from: Some(local(2026, 2, 14, 0)),
            to: None,
        },
    ];
    let check = |label: &'static str| async move {
        let contracts: Vec<uuid::Uuid> = entity::contract::Entity::find()
            .all(db)
            .await
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        for w in windows {
            for c in std::iter::once(None).chain(contracts.iter().copied().map(Some)) {
                let rolled = delivery(db, tz, c, w).await.unwrap();
                let raw = delivery_raw(db, c, w).await.unwrap();
                let nonzero =
                    |m: &std::collections::HashMap<_, huigui::domain::kpi::DeliveryCounts>| {
                        m.iter()
                            .filter(|(_, v)| **v != Default::default())
                            .map(|(k, v)| (*k, v.clone()))
                            .collect::<std::collections::BTreeMap<_, _>>()
                    };
                assert_eq!(nonzero(&rolled), nonzero(&raw), "{label}: {w:?} {c:?}");
            }
        }
        let hours = hours_by_category(db, None, None).await.unwrap();
        let sql = "SELECT category, CAST(SUM(hours_x100) AS BIGINT) AS n FROM hours_entries \
                   WHERE source <> 'manual' OR id IN (SELECT entry_id FROM hours_approvals) GROUP BY category";
        for row in db
            .query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                sql,
            ))
            .await
            .unwrap()
        {
            let cat: String = row.try_get("", "category").unwrap();
            assert_eq!(
                hours.get(&cat).copied(),
                Some(row.try_get::<i64>("", "n").unwrap()),
                "{label}: {cat}"
            );
        }
        let by_month = |sql: &'static str| async move {
            db.query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                sql,
            ))
            .await
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r.try_get::<String>("", "month").unwrap(),
                    r.try_get::<uuid::Uuid>("", "participant_id").unwrap(),
                    r.try_get::<String>("", "category").unwrap(),
                    r.try_get::<i64>("", "n").unwrap(),
                )
            })
            .collect::<Vec<_>>()
        };
        let raw = by_month(
            "SELECT month, participant_id, category, CAST(SUM(hours_x100) AS BIGINT) AS n FROM hours_entries \
             WHERE source <> 'manual' OR id IN (SELECT entry_id FROM hours_approvals) \
             GROUP BY month, participant_id, category ORDER BY 1, 2, 3",
        )
        .await;
        assert!(!raw.is_empty());
        let rolled = by_month(
            "SELECT month, participant_id, category, hours_x100 AS n FROM hours_months ORDER BY 1, 2, 3",
        )
        .await;
        assert_eq!(rolled, raw, "{label}: hours by month, person and category");
    };
    check("kept by the demo's writes").await;
    huigui::scale::generate(&app.state, 2, false).await.unwrap();
    check("rebuilt after the generator").await;
}

/// SQLite's plan for looking up attendance events by client id.
async fn plan(c: &sea_orm::DatabaseConnection) -> String {
    c.query_all_raw(sea_orm::Statement::from_string(
        c.get_database_backend(),
        "EXPLAIN QUERY PLAN SELECT * FROM attendance_events WHERE client_event_id IN ('c2', 'c4')",
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| r.try_get::<String>("", "detail").unwrap())
    .collect::<Vec<_>>()
    .join("; ")
}

/// Stale SQLite statistics (a table analysed while nearly empty) make the
/// planner scan the table for client event ids; the `optimize` job brings
/// them up to date so the unique index is used again.
#[tokio::test]
async fn the_optimize_job_refreshes_stale_planner_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let settings = test_settings(dir.path()).await;
    let app = TestApp::with_settings(settings.clone(), tempfile::tempdir().unwrap()).await;
    cli::demo(settings.clone()).await.unwrap();
    let db = &app.state.db.write;
    let backend = app.state.db.backend();
    let run =
        |sql: &str| db.query_all_raw(sea_orm::Statement::from_string(backend, sql.to_string()));
    if backend == sea_orm::DbBackend::Sqlite {
        run("ANALYZE").await.unwrap();
        run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) \
             INSERT INTO attendance_events (id, session_id, participant_id, client_event_id, kind, at, source, recorded_at, recorded_by) \
             SELECT 'e' || i, e.session_id, e.participant_id, CASE WHEN i % 2 = 0 THEN 'c' || i END, 'check_in', \
               '2026-01-01 00:00:00+00:00', 'staff', '2026-01-01 00:00:00+00:00', e.participant_id \
             FROM n, (SELECT session_id, participant_id FROM enrollments LIMIT 1) e")
            .await
            .unwrap();
        let before = plan(db).await;
        assert!(before.starts_with("SCAN"), "stale statistics: {before}");
        assert_eq!(
            huigui::jobs::run(&app.state, "optimize").await.unwrap(),
            Some(0)
        );
        let after = plan(db).await;
        assert!(
            after.contains("sqlite_autoindex_attendance_events"),
            "after optimize: {after}"
        );
        let reader = plan(&app.state.db.read).await;
        assert!(
            reader.contains("sqlite_autoindex_attendance_events"),
            "reader after optimize: {reader}"
        );
    } else {
        assert_eq!(
            huigui::jobs::run(&app.state, "optimize").await.unwrap(),
            Some(0)
        );
    }
}
