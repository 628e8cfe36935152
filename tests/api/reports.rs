//! Contract reports, dashboards, CSV, the monthly summary and volunteer
//! certificates: every figure is checked against an independent computation
//! over the same records (read back through the API).

use std::collections::HashMap;

use chrono::{Duration, DurationRound};
use serde_json::{Value, json};

use crate::{
    helpers::{Resp, World},
    sessions::{enroll, person},
};

fn items(v: &Value) -> Vec<Value> {
    v["items"].as_array().cloned().unwrap_or_default()
}

/// A signed contract of NGO A for this calendar year (of the test clock).
async fn contract(w: &World) -> String {
    let year = chrono::Datelike::year(&w.app.state.clock.today(w.app.state.settings.tz()));
    let c = w
        .app
        .post("/api/v1/contracts", Some(w.token("officer")), json!({"title": "综合服务", "ngo_id": w.ngo_a,
            "categories": ["education", "individual_counseling", "public_welfare"], "amount_fen": 2_000_000,
            "start_date": format!("{year}-01-01"), "end_date": format!("{year}-12-31"), "multi_year": false,
            "kpis": [{"metric": "participant_hours", "target": 10.0, "weight": 50}, {"metric": "people_served", "target": 4.0, "weight": 50}]}))
        .await;
    assert_eq!(c.status, 201, "{}", c.body);
    let id = c.id();
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/contracts/{id}/sign"),
                Some(w.token("officer")),
                json!({})
            )
            .await
            .status,
        200
    );
    id
}

/// A session that already started (so it can be closed), with check-ins as given: `(person, minutes late or None)`.
async fn held(
    w: &World,
    contract: &str,
    kind: &str,
    start_offset_min: i64,
    people: &[(String, Option<i64>)],
) -> String {
    let now = w
        .app
        .state
        .clock
        .now()
        .duration_trunc(Duration::minutes(1))
        .unwrap();
    let start = now + Duration::minutes(start_offset_min);
    let s = w
        .app
        .post("/api/v1/sessions", Some(w.token("ngo_staff")), json!({"contract_id": contract, "type": kind, "title": format!("{kind} 活动"),
            "location": "村委会", "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
            "capacity": 20, "facilitator": "f", "credit_hours": 2.0}))
        .await;
    assert_eq!(s.status, 201, "{}", s.body);
    let sid = s.id();
    for (p, _) in people {
        let r = if w
            .app
            .get(&format!("/api/v1/participants/{p}"), w.token("ngo_admin"))
            .await
            .body["kind"]
            == "volunteer"
        {
            w.app
                .post(
                    &format!("/api/v1/sessions/{sid}/enrollments"),
                    Some(w.token("ngo_staff")),
                    json!({"participant_id": p}),
                )
                .await
        } else {
            enroll(w, &sid, p).await
        };
        assert_eq!(r.status, 201, "{}", r.body);
    }
    w.app
        .state
        .clock
        .advance(Duration::minutes(-start_offset_min + 130));
    for (p, late) in people {
        if let Some(m) = late {
            let r = w
                .app
                .post(&format!("/api/v1/sessions/{sid}/attendance"), Some(w.token("ngo_staff")),
                    json!({"participant_id": p, "kind": "check_in", "at": (start + Duration::minutes(*m)).to_rfc3339(), "source": "staff"}))
                .await;
            assert_eq!(r.status, 201, "{}", r.body);
        }
    }
    let c = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(c.status, 200, "{}", c.body);
    sid
}

/// The KPI figures computed here, from the attendance lists and participant kinds.
async fn expected_metrics(w: &World, sessions: &[String]) -> HashMap<&'static str, f64> {
    let mut m: HashMap<&'static str, f64> = HashMap::new();
    let (mut denom, mut attended) = (0.0f64, 0.0f64);
    let mut served = std::collections::HashSet::new();
    let mut counseled = std::collections::HashSet::new();
    let mut volunteers = std::collections::HashSet::new();
    let mut ratings = Vec::new();
    for sid in sessions {
        let s = w
            .app
            .get(&format!("/api/v1/sessions/{sid}"), w.token("officer"))
            .await
            .body;
        let kind = s["type"].as_str().unwrap().to_string();
        *m.entry(match kind.as_str() {
            "education" => "sessions_education",
            "individual_counseling" => "sessions_individual_counseling",
            _ => "sessions_public_welfare",
        })
        .or_default() += 1.0;
        for a in items(
            &w.app
                .get(
                    &format!("/api/v1/sessions/{sid}/attendance"),
                    w.token("officer"),
                )
                .await
                .body,
        ) {
            let p = a["participant_id"].as_str().unwrap().to_string();
            let volunteer = w
                .app
                .get(&format!("/api/v1/participants/{p}"), w.token("officer"))
                .await
                .body["kind"]
                == "volunteer";
            let outcome = a["outcome"].as_str().unwrap();
            let went = matches!(outcome, "present" | "late" | "left_early");
            let h = a["hours_credited"].as_f64().unwrap_or(0.0);
            if let Some(r) = a["satisfaction"].as_f64() {
                ratings.push(r);
            }
            if volunteer {
                if went {
                    *m.entry("volunteer_hours").or_default() += h;
                    volunteers.insert(p);
                }
                continue;
            }
            if outcome != "excused" {
                denom += 1.0;
            }
            if went {
                attended += 1.0;
                *m.entry("participant_hours").or_default() += h;
                if kind == "public_welfare" {
                    *m.entry("public_welfare_hours").or_default() += h;
                }
                if kind == "individual_counseling" {
                    counseled.insert(p.clone());
                }
                served.insert(p);
            }
        }
    }
    m.insert(
        "attendance_rate",
        if denom > 0.0 {
            ((attended / denom) * 10_000.0).round() / 10_000.0
        } else {
            0.0
        },
    );
    m.insert("people_served", served.len() as f64);
    m.insert("counseling_cases", counseled.len() as f64);
    m.insert("volunteers_engaged", volunteers.len() as f64);
    if !ratings.is_empty() {
        m.insert(
            "satisfaction",
            ((ratings.iter().sum::<f64>() / ratings.len() as f64) * 100.0).round() / 100.0,
        );
    }
    m
}

fn assert_metrics(metrics: &Value, expected: &HashMap<&'static str, f64>) {
    for key in [
        "sessions_education",
        "sessions_individual_counseling",
        "sessions_public_welfare",
        "participant_hours",
        "attendance_rate",
        "counseling_cases",
        "public_welfare_hours",
        "people_served",
        "volunteer_hours",
        "volunteers_engaged",
    ] {
        let want = expected.get(key).copied().unwrap_or(0.0);
        let got = metrics[key].as_f64().unwrap();
        assert!(
            (got - want).abs() < 1e-9,
            "{key}: {got} != {want} in {metrics}"
        );
    }
    match expected.get("satisfaction") {
        Some(s) => assert!((metrics["satisfaction"].as_f64().unwrap() - s).abs() < 1e-9),
        None => assert!(metrics["satisfaction"].is_null()),
    }
}

fn parse_csv(body: &Resp) -> Vec<Vec<String>> {
    let text = body.body.as_str().expect("CSV text");
    assert!(text.starts_with('\u{feff}'), "UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[tokio::test]
async fn a_report_matches_the_records_and_stays_frozen_once_accepted() {
    let w = World::new().await;
    let c = contract(&w).await;
    let mut people = Vec::new();
    for i in 0..3 {
        people.push(
            w.app
                .post(
                    "/api/v1/participants",
                    Some(w.token("office_staff")),
                    person("19800101", 700 + i),
                )
                .await
                .id(),
        );
    }
    let vol = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            json!({"kind": "volunteer", "name": "志愿者小李"}),
        )
        .await
        .id();
    let s1 = held(
        &w,
        &c,
        "individual_counseling",
        5,
        &[
            (people[0].clone(), Some(0)),
            (people[1].clone(), Some(25)),
            (people[2].clone(), None),
            (vol.clone(), Some(0)),
        ],
    )
    .await;
    let s2 = held(
        &w,
        &c,
        "public_welfare",
        5,
        &[(people[0].clone(), Some(-5)), (people[1].clone(), None)],
    )
    .await;
    // Ratings and outcomes feed the report too.
    let att = items(
        &w.app
            .get(
                &format!("/api/v1/sessions/{s1}/attendance"),
                w.token("ngo_staff"),
            )
            .await
            .body,
    );
    let present = att
        .iter()
        .find(|a| a["participant_id"] == people[0].as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let absent = att
        .iter()
        .find(|a| a["participant_id"] == people[2].as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        w.app
            .put(
                &format!("/api/v1/attendance/{present}/satisfaction"),
                w.token("ngo_staff"),
                json!({"rating": 4}),
                None
            )
            .await
            .status,
        200
    );
    assert_eq!(
        w.app
            .put(
                &format!("/api/v1/attendance/{absent}/satisfaction"),
                w.token("ngo_staff"),
                json!({"rating": 5}),
                None
            )
            .await
            .status,
        409
    );
    assert_eq!(
        w.app
            .put(
                &format!("/api/v1/attendance/{present}/satisfaction"),
                w.token("ngo_staff"),
                json!({"rating": 6}),
                None
            )
            .await
            .status,
        422
    );
    assert_eq!(
        w.app
            .put(
                &format!("/api/v1/attendance/{present}/satisfaction"),
                w.token("ngo_b_admin"),
                json!({"rating": 3}),
                None
            )
            .await
            .status,
        404,
        "another NGO's attendance"
    );
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let outcome = |kind: &str| json!({"kind": kind, "date": today.to_string(), "detail": "结业", "score_before": null, "score_after": null});
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/participants/{}/outcomes", people[0]),
                Some(w.token("ngo_staff")),
                outcome("certificate")
            )
            .await
            .status,
        201
    );
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/participants/{}/outcomes", people[0]),
                Some(w.token("ngo_staff")),
                outcome("commendation")
            )
            .await
            .status,
        422,
        "offices commend"
    );
    let assess = json!({"kind": "assessment", "date": today.to_string(), "detail": "SCL-90", "score_before": 62, "score_after": 48});
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/participants/{}/outcomes", people[1]),
                Some(w.token("ngo_staff")),
                assess
            )
            .await
            .status,
        201
    );

    let period = json!({"period_start": (today - Duration::days(today.format("%d").to_string().parse::<i64>().unwrap() - 1)).to_string(), "period_end": (today + Duration::days(40)).to_string()});
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/contracts/{c}/reports"),
                Some(w.token("ngo_b_admin")),
                period.clone()
            )
            .await
            .status,
        404
    );
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/contracts/{c}/reports"),
                Some(w.token("office_staff")),
                period.clone()
            )
            .await
            .status,
        403
    );
    let r = w
        .app
        .post(
            &format!("/api/v1/contracts/{c}/reports"),
            Some(w.token("ngo_staff")),
            period.clone(),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let rid = r.id();
    let expected = expected_metrics(&w, &[s1.clone(), s2.clone()]).await;
    assert_metrics(&r.body["metrics"], &expected);
    assert_eq!(
        r.body["metrics"]["outcomes"],
        json!({"certificate": 1, "assessment": 1})
    );
    assert_eq!(r.body["status"], "draft");
    // CSV of the same report: the same numbers.
    let csv_resp = w
        .app
        .send(
            poem::http::Method::GET,
            &format!("/api/v1/reports/{rid}"),
            Some(w.token("officer")),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    assert_eq!(csv_resp.status, 200);
    let rows = parse_csv(&csv_resp);
    assert_eq!(rows[0], ["metric", "value"]);
    let hours_row = rows.iter().find(|r| r[0] == "participant_hours").unwrap();
    assert!((hours_row[1].parse::<f64>().unwrap() - expected["participant_hours"]).abs() < 1e-9);

    let path = format!("/api/v1/reports/{rid}");
    let edited = w
        .app
        .patch(
            &path,
            w.token("ngo_staff"),
            json!({"narrative": "本月开展个案辅导与公益活动。"}),
            None,
        )
        .await;
    assert_eq!(edited.status, 200, "{}", edited.body);
    assert_eq!(
        w.app
            .post(
                &format!("{path}/accept"),
                Some(w.token("officer")),
                json!({})
            )
            .await
            .status,
        409,
        "not submitted yet"
    );
    assert_eq!(
        w.app
            .post(
                &format!("{path}/submit"),
                Some(w.token("ngo_staff")),
                json!({})
            )
            .await
            .body["status"],
        "submitted"
    );
    assert_eq!(
        w.app
            .patch(
                &path,
                w.token("ngo_staff"),
                json!({"narrative": "改"}),
                None
            )
            .await
            .status,
        409
    );
    let ret = w
        .app
        .post(
            &format!("{path}/return"),
            Some(w.token("officer")),
            json!({"comments": "请补充满意度说明"}),
        )
        .await;
    assert_eq!(
        (ret.status, ret.body["status"].as_str()),
        (200, Some("returned"))
    );
    assert_eq!(
        w.app
            .post(
                &format!("{path}/submit"),
                Some(w.token("ngo_staff")),
                json!({})
            )
            .await
            .status,
        200
    );
    assert_eq!(
        w.app
            .post(
                &format!("{path}/accept"),
                Some(w.token("ngo_admin")),
                json!({})
            )
            .await
            .status,
        403
    );
    let acc = w
        .app
        .post(
            &format!("{path}/accept"),
            Some(w.token("officer")),
            json!({}),
        )
        .await;
    assert_eq!(
        (acc.status, acc.body["status"].as_str()),
        (200, Some("accepted")),
        "{}",
        acc.body
    );
    let frozen = acc.body["metrics"].clone();

    // More attendance in the period: the accepted report does not move; a new draft does.
    let s3 = held(&w, &c, "education", 5, &[(people[2].clone(), Some(0))]).await;
    let again = w.app.get(&path, w.token("officer")).await;
    assert_eq!(again.body["metrics"], frozen, "accepted reports are frozen");
    assert_eq!(
        w.app
            .post(
                &format!("{path}/submit"),
                Some(w.token("ngo_staff")),
                json!({})
            )
            .await
            .status,
        409
    );
    let fresh = w
        .app
        .post(
            &format!("/api/v1/contracts/{c}/reports"),
            Some(w.token("ngo_staff")),
            period,
        )
        .await;
    assert_metrics(
        &fresh.body["metrics"],
        &expected_metrics(&w, &[s1, s2, s3]).await,
    );
    // Visibility: the office never sees reports; another NGO gets 404; the auditor reads all.
    assert_eq!(w.app.get(&path, w.token("office_staff")).await.status, 403);
    assert_eq!(w.app.get(&path, w.token("ngo_b_admin")).await.status, 404);
    assert_eq!(
        w.app
            .get(
                &format!("/api/v1/contracts/{c}/reports"),
                w.token("auditor")
            )
            .await
            .body["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let audit = w
        .app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await;
    let actions: Vec<String> = items(&audit.body)
        .iter()
        .filter_map(|e| e["action"].as_str().map(str::to_string))
        .collect();
    for a in [
        "report.create",
        "report.submit",
        "report.return",
        "report.accept",
        "outcome.create",
        "attendance.rate",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
}

#[tokio::test]
async fn dashboards_equal_the_records_in_json_and_csv() {
    let w = World::new().await;
    let c = contract(&w).await;
    let mut people = Vec::new();
    for i in 0..4 {
        people.push(
            w.app
                .post(
                    "/api/v1/participants",
                    Some(w.token("office_staff")),
                    person("19800101", 720 + i),
                )
                .await
                .id(),
        );
    }
    let s1 = held(
        &w,
        &c,
        "education",
        5,
        &[
            (people[0].clone(), Some(0)),
            (people[1].clone(), None),
            (people[2].clone(), None),
        ],
    )
    .await;
    let _ = s1;
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let ref_body = json!({"participant_id": people[3], "need": "housing", "agency_id": w.agency, "detail": "租房困难", "respond_by": (today + Duration::days(9)).to_string()});
    assert_eq!(
        w.app
            .post("/api/v1/referrals", Some(w.token("office_staff")), ref_body)
            .await
            .status,
        201
    );
    let month = today.format("%Y-%m").to_string();

    // Independent computation, person by person, through the hours and alert endpoints.
    let mut statuses: HashMap<String, i64> = HashMap::new();
    for p in &people {
        let h = w
            .app
            .get(
                &format!("/api/v1/participants/{p}/hours?month={month}"),
                w.token("office_staff"),
            )
            .await;
        *statuses
            .entry(h.body["status"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let open_alerts = items(
        &w.app
            .get("/api/v1/alerts?limit=200", w.token("office_staff"))
            .await
            .body,
    )
    .iter()
    .filter(|a| a["status"] != "resolved")
    .count() as i64;
    let no_shows = items(
        &w.app
            .get(
                &format!("/api/v1/sessions/{s1}/attendance"),
                w.token("office_staff"),
            )
            .await
            .body,
    )
    .iter()
    .filter(|a| a["outcome"] == "no_show")
    .count() as i64;
    let comp = w
        .app
        .get(
            &format!("/api/v1/stats/compliance?month={month}"),
            w.token("officer"),
        )
        .await;
    assert_eq!(comp.status, 200, "{}", comp.body);
    let mine = items(&comp.body)
        .into_iter()
        .find(|i| i["office_id"] == w.office.as_str())
        .unwrap();
    assert_eq!(mine["on_register"], 4);
    for k in ["met", "at_risk", "not_met"] {
        assert_eq!(
            mine[k].as_i64().unwrap(),
            statuses.get(k).copied().unwrap_or(0),
            "{k}: {mine} vs {statuses:?}"
        );
    }
    assert_eq!(mine["no_shows"].as_i64().unwrap(), no_shows);
    assert_eq!(no_shows, 2);
    assert_eq!(mine["open_alerts"].as_i64().unwrap(), open_alerts);
    assert_eq!(mine["open_referrals"], 1);
    // CSV: the same numbers, Chinese names intact.
    let csv_resp = w
        .app
        .get(
            &format!("/api/v1/stats/compliance?month={month}&format=csv"),
            w.token("officer"),
        )
        .await;
    let rows = parse_csv(&csv_resp);
    assert_eq!(rows[0][..3], ["office_id", "office_name", "on_register"]);
    let row = rows.iter().find(|r| r[0] == w.office).unwrap();
    assert_eq!(row[2], "4");
    assert_eq!(row[6], no_shows.to_string());
    // Offices see only their own office; NGOs nothing.
    let own = w
        .app
        .get("/api/v1/stats/compliance", w.token("office_staff"))
        .await;
    assert_eq!(items(&own.body).len(), 1);
    let other = uuid::Uuid::now_v7();
    assert_eq!(
        w.app
            .get(
                &format!("/api/v1/stats/compliance?office_id={other}"),
                w.token("office_staff")
            )
            .await
            .status,
        404
    );
    assert_eq!(
        w.app
            .get("/api/v1/stats/compliance", w.token("ngo_admin"))
            .await
            .status,
        403
    );
    assert_eq!(
        w.app
            .get("/api/v1/stats/compliance?month=2026-13", w.token("officer"))
            .await
            .status,
        422
    );

    let ov = w
        .app
        .get("/api/v1/stats/overview", w.token("auditor"))
        .await;
    assert_eq!(ov.status, 200, "{}", ov.body);
    assert_eq!(ov.body["sessions_by_type"]["education"], 1);
    let mine = ov.body["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["contract_id"] == c.as_str())
        .unwrap()
        .clone();
    let kpi = |m: &str| {
        mine["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["metric"] == m)
            .unwrap()["actual"]
            .as_f64()
            .unwrap()
    };
    let hours: f64 = items(
        &w.app
            .get(
                &format!("/api/v1/sessions/{s1}/attendance"),
                w.token("officer"),
            )
            .await
            .body,
    )
    .iter()
    .filter_map(|a| a["hours_credited"].as_f64())
    .sum();
    assert!((kpi("participant_hours") - hours).abs() < 1e-9);
    assert_eq!(kpi("people_served"), 1.0);
    assert!((ov.body["hours_by_category"]["education"].as_f64().unwrap() - hours).abs() < 1e-9);
    assert_eq!(
        ov.body["amount_contracted_fen"].as_i64().unwrap(),
        2_000_000,
        "the one signed contract"
    );
    assert_eq!(
        w.app
            .get("/api/v1/stats/overview", w.token("office_staff"))
            .await
            .status,
        403
    );
    let ov_csv = parse_csv(
        &w.app
            .send(
                poem::http::Method::GET,
                "/api/v1/stats/overview",
                Some(w.token("officer")),
                None,
                &[("accept", "text/csv")],
            )
            .await,
    );
    assert_eq!(ov_csv[0], ["section", "key", "value"]);
    let edu = ov_csv
        .iter()
        .find(|r| r[0] == "sessions_by_type" && r[1] == "education")
        .unwrap();
    assert_eq!(edu[2], "1");
}

#[tokio::test]
async fn the_monthly_summary_goes_out_once_with_csv_attachments() {
    let w = World::new().await;
    huigui::jobs::run(&w.app.state, "monthly_summary")
        .await
        .unwrap();
    let first = w.app.count("outbox").await;
    assert_eq!(first, 2, "the bureau's two users");
    assert_eq!(
        huigui::jobs::run(&w.app.state, "monthly_summary")
            .await
            .unwrap(),
        Some(0),
        "once per month"
    );
    assert_eq!(w.app.count("outbox").await, first);
    huigui::jobs::run(&w.app.state, "outbox").await.unwrap();
    let dir = w.app.state.settings.data_dir.join("outbox");
    let eml: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(eml.len(), 2);
    for m in &eml {
        assert!(m.contains("multipart/mixed"), "{m}");
        assert!(
            m.contains("compliance-") && m.contains("overview-"),
            "both CSVs attached"
        );
    }
    // Next month, a new summary.
    w.app.state.clock.advance(Duration::days(32));
    assert_eq!(
        huigui::jobs::run(&w.app.state, "monthly_summary")
            .await
            .unwrap(),
        Some(2)
    );
}

#[tokio::test]
async fn volunteers_get_a_certificate_and_persons_under_correction_do_not() {
    let w = World::new().await;
    let c = contract(&w).await;
    let vol = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            json!({"kind": "volunteer", "name": "志愿者小王"}),
        )
        .await
        .id();
    let subject = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 740),
        )
        .await
        .id();
    held(
        &w,
        &c,
        "public_welfare",
        5,
        &[(vol.clone(), Some(0)), (subject.clone(), Some(0))],
    )
    .await;
    let cert = w
        .app
        .get(
            &format!("/api/v1/participants/{vol}/certificate"),
            w.token("ngo_admin"),
        )
        .await;
    assert_eq!(cert.status, 200, "{}", cert.body);
    assert_eq!(cert.body["participant_name"], "志愿者小王");
    assert_eq!(cert.body["total_hours"], 2.0);
    assert_eq!(cert.body["activities"].as_array().unwrap().len(), 1);
    assert!(cert.body["number"].as_str().unwrap().starts_with("VC-"));
    assert_eq!(cert.body["issuer"], "ngo 2");
    let html = w
        .app
        .send(
            poem::http::Method::GET,
            &format!("/api/v1/participants/{vol}/certificate"),
            Some(w.token("ngo_admin")),
            None,
            &[("accept", "text/html")],
        )
        .await;
    assert_eq!(html.status, 200);
    assert!(html.body.as_str().unwrap().contains("志愿服务证明"));
    assert_eq!(
        w.app
            .get(
                &format!("/api/v1/participants/{subject}/certificate"),
                w.token("office_staff")
            )
            .await
            .status,
        404
    );
    assert_eq!(
        w.app
            .get(
                &format!("/api/v1/participants/{vol}/certificate"),
                w.token("ngo_b_admin")
            )
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn overdue_monthly_reports_get_one_reminder() {
    use chrono::Datelike;
    let w = World::new().await;
    let late = contract(&w).await;
    let covered = contract(&w).await;
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let due = today.with_day(1).unwrap() + Duration::days(w.app.state.settings.report_due_days - 1);
    // Before the due day nothing is sent.
    if today < due {
        assert_eq!(
            huigui::jobs::run(&w.app.state, "report_reminders")
                .await
                .unwrap(),
            Some(0)
        );
        w.app.state.clock.advance(due - today + Duration::days(1));
    }
    // The second contract has a submitted report covering last month.
    let now = w.app.state.clock.today(w.app.state.settings.tz());
    let prev_last = now.with_day(1).unwrap() - Duration::days(1);
    let prev_first = prev_last.with_day(1).unwrap();
    let r = w
        .app
        .post(
            &format!("/api/v1/contracts/{covered}/reports"),
            Some(w.token("ngo_staff")),
            json!({"period_start": prev_first.to_string(), "period_end": prev_last.to_string()}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/reports/{}/submit", r.id()),
                Some(w.token("ngo_staff")),
                json!({})
            )
            .await
            .status,
        200
    );
    let sent = huigui::jobs::run(&w.app.state, "report_reminders")
        .await
        .unwrap();
    assert_eq!(
        sent,
        Some(1),
        "only the contract without a report for {prev_first}..{prev_last}: {late}"
    );
    let mails = {
        use sea_orm::ConnectionTrait;
        w.app
            .state
            .db
            .read
            .query_one_raw(sea_orm::Statement::from_string(
                w.app.state.db.backend(),
                "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'report_overdue'".to_string(),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap()
    };
    assert_eq!(mails, 2, "to the NGO's two users");
    assert_eq!(
        huigui::jobs::run(&w.app.state, "report_reminders")
            .await
            .unwrap(),
        Some(0),
        "once per contract and month"
    );
}

#[tokio::test]
async fn the_review_inbox_lists_submitted_reports_of_every_contract_and_ngos_see_their_own() {
    let w = World::new().await;
    let (first, second) = (contract(&w).await, contract(&w).await);
    let mut ids = Vec::new();
    for c in [&first, &second] {
        let r = w
            .app
            .post(
                &format!("/api/v1/contracts/{c}/reports"),
                Some(w.token("ngo_staff")),
                json!({"period_start": "2026-01-01", "period_end": "2026-01-31"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        ids.push(r.id());
    }
    let submitted = w
        .app
        .post(
            &format!("/api/v1/reports/{}/submit", ids[1]),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(submitted.status, 200, "{}", submitted.body);

    let inbox = w
        .app
        .get("/api/v1/reports?status=submitted", w.token("officer"))
        .await;
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    let listed: Vec<String> = items(&inbox.body)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, vec![ids[1].clone()], "only the submitted one");
    let all = w.app.get("/api/v1/reports", w.token("officer")).await;
    assert_eq!(items(&all.body).len(), 2);
    let one = w
        .app
        .get(
            &format!("/api/v1/reports?contract_id={first}"),
            w.token("auditor"),
        )
        .await;
    assert_eq!(items(&one.body).len(), 1);
    assert_eq!(one.body["items"][0]["id"], ids[0].as_str());
    // Another NGO sees none of them; a bad status is a 400.
    let other = w.app.get("/api/v1/reports", w.token("ngo_b_admin")).await;
    assert_eq!(other.status, 200);
    assert!(items(&other.body).is_empty());
    let bad = w
        .app
        .get("/api/v1/reports?status=lost", w.token("officer"))
        .await;
    assert_eq!(bad.status, 400);
    // Agencies may not read reports at all.
    let agency = w.app.get("/api/v1/reports", w.token("agency_staff")).await;
    assert_eq!(agency.status, 403);
}
