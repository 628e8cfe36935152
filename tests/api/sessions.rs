//! Sessions, enrolment, staff check events, closing, and KPI actuals.

use chrono::{Duration, DurationRound, Utc};
use huigui::domain::id_number::IdNumber;
use serde_json::{Value, json};

use crate::helpers::{Resp, World};

pub fn person(birth: &str, serial: u32) -> Value {
    json!({
        "kind": "correction_subject", "name": format!("对象{serial}"),
        "id_number": IdNumber::complete(&format!("142327{birth}{serial:03}")).unwrap().as_str(),
        "correction_type": "probation", "supervision_level": "ordinary",
        "correction_start": "2026-01-01", "correction_end": "2027-12-31"
    })
}

/// A signed contract of NGO A for this calendar year (of the test clock).
pub async fn active_contract(w: &World) -> String {
    let year = chrono::Datelike::year(&w.app.state.clock.today(w.app.state.settings.tz()));
    let c = w
        .app
        .post(
            "/api/v1/contracts",
            Some(w.token("officer")),
            json!({"title": "教育服务", "ngo_id": w.ngo_a, "categories": ["education", "individual_counseling"],
                   "amount_fen": 1_000_000, "start_date": format!("{year}-01-01"), "end_date": format!("{year}-12-31"), "multi_year": false,
                   "kpis": [{"metric": "sessions_education", "target": 10.0, "weight": 30},
                            {"metric": "attendance_rate", "target": 0.9, "weight": 30},
                            {"metric": "participant_hours", "target": 100.0, "weight": 20},
                            {"metric": "people_served", "target": 20.0, "weight": 20}]}),
        )
        .await;
    assert_eq!(c.status, 201, "{}", c.body);
    let id = c.id();
    let s = w
        .app
        .post(
            &format!("/api/v1/contracts/{id}/sign"),
            Some(w.token("officer")),
            json!({}),
        )
        .await;
    assert_eq!(s.status, 200);
    id
}

pub async fn session(
    w: &World,
    contract: &str,
    kind: &str,
    start: chrono::DateTime<Utc>,
    capacity: i64,
) -> Resp {
    w.app
        .post(
            "/api/v1/sessions",
            Some(w.token("ngo_staff")),
            json!({"contract_id": contract, "type": kind, "title": "法治教育", "location": "凤城镇村委会",
                   "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
                   "capacity": capacity, "facilitator": "张老师", "credit_hours": 1.5}),
        )
        .await
}

#[tokio::test]
async fn a_session_runs_from_enrolment_to_outcomes_hours_and_kpis() {
    let w = World::new().await;
    let contract = active_contract(&w).await;
    let start = (Utc::now() + Duration::hours(1))
        .duration_trunc(Duration::minutes(1))
        .unwrap();
    let s = session(&w, &contract, "education", start, 10).await;
    assert_eq!(s.status, 201, "{}", s.body);
    let sid = s.id();
    let mut people = Vec::new();
    for (birth, serial) in [("19800101", 11), ("19810202", 21), ("20120303", 31)] {
        let p = w
            .app
            .post(
                "/api/v1/participants",
                Some(w.token("office_staff")),
                person(birth, serial),
            )
            .await;
        assert_eq!(p.status, 201, "{}", p.body);
        people.push(p.id());
    }
    let pp = format!("/api/v1/participants/{}", people[0]);
    assert_eq!(
        w.app.get(&pp, w.token("ngo_staff")).await.status,
        404,
        "not visible before enrolment"
    );
    for p in &people {
        let r = w
            .app
            .post(
                &format!("/api/v1/sessions/{sid}/enrollments"),
                Some(w.token("office_staff")),
                json!({"participant_id": p}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let seen = w.app.get(&pp, w.token("ngo_staff")).await;
    assert_eq!(seen.status, 200, "visible once enrolled");
    assert!(seen.body["id_number"].is_null());
    assert!(
        seen.body["id_number_masked"]
            .as_str()
            .unwrap()
            .contains("********")
    );
    let minor = w
        .app
        .get(
            &format!("/api/v1/participants/{}", people[2]),
            w.token("ngo_staff"),
        )
        .await;
    assert_eq!(minor.body["minor"], true);
    assert!(minor.body["name"].is_null(), "minors by code only");
    assert!(minor.body["id_number_masked"].is_null());
    assert_eq!(w.app.get(&pp, w.token("ngo_b_admin")).await.status, 404);
    assert_eq!(
        w.app
            .get(&format!("/api/v1/sessions/{sid}"), w.token("ngo_b_admin"))
            .await
            .status,
        404
    );

    w.app.state.clock.advance(Duration::hours(4));
    let check = |p: &str, kind: &str, at: chrono::DateTime<Utc>| json!({"participant_id": p, "kind": kind, "at": at.to_rfc3339(), "source": "staff"});
    let path = format!("/api/v1/sessions/{sid}/attendance");
    for body in [
        check(&people[0], "check_in", start - Duration::minutes(5)),
        check(&people[0], "check_out", start + Duration::hours(2)),
        check(&people[1], "check_in", start + Duration::minutes(30)),
    ] {
        let r = w.app.post(&path, Some(w.token("ngo_staff")), body).await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let qr = w.app.post(&path, Some(w.token("ngo_staff")), json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": "qr"})).await;
    assert_eq!(qr.status, 422);
    let closed = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    assert_eq!(closed.body["status"], "closed");
    let att = w.app.get(&path, w.token("officer")).await;
    let by = |p: &str| {
        att.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["participant_id"] == p)
            .unwrap()
            .clone()
    };
    let a = by(&people[0]);
    assert_eq!(
        (a["outcome"].as_str(), a["hours_credited"].as_f64()),
        (Some("present"), Some(1.5))
    );
    let b = by(&people[1]);
    assert_eq!(b["outcome"], "late");
    assert_eq!(b["auto_checkout"], true);
    assert_eq!(
        b["hours_credited"], 1.5,
        "90 minutes of overlap, capped at the credit"
    );
    assert_eq!(by(&people[2])["outcome"], "no_show");
    let office_view = w.app.get(&path, w.token("office_staff")).await;
    assert_eq!(office_view.body["items"].as_array().unwrap().len(), 3);

    let kpis = w
        .app
        .get(
            &format!("/api/v1/contracts/{contract}/kpis"),
            w.token("officer"),
        )
        .await;
    let k = |m: &str| {
        kpis.body
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["metric"] == m)
            .unwrap()["actual"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(k("sessions_education"), 1.0);
    assert!((k("attendance_rate") - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(k("participant_hours"), 3.0);
    assert_eq!(k("people_served"), 2.0);
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/sessions/{sid}/close"),
                Some(w.token("ngo_staff")),
                json!({})
            )
            .await
            .status,
        409
    );
}

#[tokio::test]
async fn session_and_enrolment_guards() {
    let w = World::new().await;
    let contract = active_contract(&w).await;
    let start = Utc::now() + Duration::days(1);
    assert_eq!(
        session(&w, &contract, "public_welfare", start, 5)
            .await
            .status,
        422,
        "type not covered"
    );
    let other = w.app.post("/api/v1/sessions", Some(w.token("ngo_b_admin")), json!({"contract_id": contract, "type": "education", "title": "t", "location": "l",
        "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(1)).to_rfc3339(), "capacity": 1, "facilitator": "f", "credit_hours": 1.0})).await;
    assert_eq!(other.status, 422, "not NGO B's contract");
    let s1 = session(&w, &contract, "education", start, 1).await.id();
    let s2 = session(
        &w,
        &contract,
        "individual_counseling",
        start + Duration::minutes(30),
        5,
    )
    .await
    .id();
    let a = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 41),
        )
        .await
        .id();
    let b = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 51),
        )
        .await
        .id();
    assert_eq!(enroll(&w, &s1, &a).await.status, 201);
    assert_eq!(enroll(&w, &s1, &b).await.status, 409, "capacity");
    assert_eq!(enroll(&w, &s2, &a).await.status, 409, "overlapping session");
    w.app
        .post(
            &format!("/api/v1/participants/{b}/release"),
            Some(w.token("office_staff")),
            json!({}),
        )
        .await;
    assert_eq!(
        enroll(&w, &s2, &b).await.status,
        409,
        "released people are not enrolled"
    );
    let del = w
        .app
        .delete(
            &format!("/api/v1/sessions/{s1}/enrollments/{a}"),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(del.status, 204);
    assert_eq!(
        enroll(&w, &s2, &a).await.status,
        201,
        "no overlap once removed"
    );
    for key in ["officer", "auditor", "agency_staff", "office_staff"] {
        let r = w
            .app
            .post(
                &format!("/api/v1/sessions/{s2}/close"),
                Some(w.token(key)),
                json!({}),
            )
            .await;
        assert_eq!(r.status, 403, "{key} may not close sessions");
    }
    assert_eq!(
        w.app
            .get("/api/v1/sessions", w.token("agency_staff"))
            .await
            .status,
        403
    );
    let cancel = w
        .app
        .post(
            &format!("/api/v1/sessions/{s1}/cancel"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(cancel.body["status"], "cancelled");
}

pub async fn enroll(w: &World, session: &str, participant: &str) -> Resp {
    let path = format!("/api/v1/sessions/{session}/enrollments");
    w.app
        .post(
            &path,
            Some(w.token("office_staff")),
            json!({"participant_id": participant}),
        )
        .await
}

/// A scheduled session under way (clock advanced into it) with `n` enrolled people.
pub async fn running_session(
    w: &World,
    geofence: bool,
    n: u32,
) -> (String, Vec<String>, chrono::DateTime<Utc>) {
    let contract = active_contract(w).await;
    let start = (Utc::now() + Duration::hours(1))
        .duration_trunc(Duration::minutes(1))
        .unwrap();
    let mut body = json!({"contract_id": contract, "type": "education", "title": "t", "location": "村委会",
        "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
        "capacity": 100, "facilitator": "f", "credit_hours": 2.0});
    if geofence {
        body["latitude"] = json!(37.4300);
        body["longitude"] = json!(112.0300);
        body["radius_m"] = json!(200);
    }
    let s = w
        .app
        .post("/api/v1/sessions", Some(w.token("ngo_staff")), body)
        .await;
    assert_eq!(s.status, 201, "{}", s.body);
    let sid = s.id();
    let mut people = Vec::new();
    for i in 0..n {
        let p = w
            .app
            .post(
                "/api/v1/participants",
                Some(w.token("office_staff")),
                person("19800101", 100 + i),
            )
            .await
            .id();
        assert_eq!(enroll(w, &sid, &p).await.status, 201);
        people.push(p);
    }
    w.app
        .state
        .clock
        .advance(Duration::hours(1) + Duration::minutes(5));
    (sid, people, start)
}

#[tokio::test]
async fn qr_codes_rotate_and_forged_or_expired_codes_are_rejected() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 1).await;
    let code = w
        .app
        .get(
            &format!("/api/v1/sessions/{sid}/checkin-code"),
            w.token("ngo_staff"),
        )
        .await;
    assert_eq!(code.status, 200);
    let token = code.body["token"].as_str().unwrap().to_string();
    let ev = |t: &str| json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": "qr", "qr_token": t});
    let path = format!("/api/v1/sessions/{sid}/attendance");
    let forged = format!("{}.{}", token.split('.').next().unwrap(), "0".repeat(32));
    assert_eq!(
        w.app
            .post(&path, Some(w.token("ngo_staff")), ev(&forged))
            .await
            .status,
        422
    );
    assert_eq!(
        w.app
            .post(&path, Some(w.token("ngo_staff")), ev(&token))
            .await
            .status,
        201
    );
    w.app.state.clock.advance(Duration::minutes(3));
    let expired = w
        .app
        .post(&path, Some(w.token("ngo_staff")), ev(&token))
        .await;
    assert_eq!(expired.status, 422);
    assert_eq!(expired.body["errors"][0]["field"], "qr_token");
}

#[tokio::test]
async fn partner_apps_check_in_inside_the_radius_only() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, true, 1).await;
    let client = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "kiosk", "scopes": ["attendance:write"]}),
        )
        .await;
    let token = w.app.post("/api/v1/auth/client-token", None, json!({"client_id": client.body["client_id"], "client_secret": client.body["client_secret"]})).await.body["access_token"].as_str().unwrap().to_string();
    let ev = |lat: f64, source: &str| json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": source, "latitude": lat, "longitude": 112.0300});
    let path = format!("/api/v1/sessions/{sid}/attendance");
    let outside = w.app.post(&path, Some(&token), ev(37.4400, "app")).await;
    assert_eq!(outside.status, 422, "≈1.1 km away");
    assert_eq!(outside.body["errors"][0]["field"], "latitude");
    assert_eq!(
        w.app
            .post(&path, Some(&token), ev(37.4301, "staff"))
            .await
            .status,
        422,
        "apps are not staff"
    );
    assert_eq!(
        w.app
            .post(&path, Some(&token), ev(37.4301, "app"))
            .await
            .status,
        201,
        "≈11 m away"
    );
    let reader = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "reader", "scopes": ["sessions:read"]}),
        )
        .await;
    let rt = w.app.post("/api/v1/auth/client-token", None, json!({"client_id": reader.body["client_id"], "client_secret": reader.body["client_secret"]})).await.body["access_token"].as_str().unwrap().to_string();
    assert_eq!(
        w.app
            .post(&path, Some(&rt), ev(37.4301, "app"))
            .await
            .status,
        403,
        "needs attendance:write"
    );
    let b_client = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_b_admin")),
            json!({"name": "b", "scopes": ["attendance:write"]}),
        )
        .await;
    let bt = w.app.post("/api/v1/auth/client-token", None, json!({"client_id": b_client.body["client_id"], "client_secret": b_client.body["client_secret"]})).await.body["access_token"].as_str().unwrap().to_string();
    assert_eq!(
        w.app
            .post(&path, Some(&bt), ev(37.4301, "app"))
            .await
            .status,
        404,
        "another NGO's session"
    );
}

#[tokio::test]
async fn offline_batches_replay_harmlessly_and_report_conflicts() {
    use rand::seq::SliceRandom;
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 5).await;
    let events: Vec<Value> = (0..500)
        .map(|i| {
            json!({"client_event_id": uuid::Uuid::now_v7(), "session_id": sid, "participant_id": people[i % 5],
                   "kind": if i % 2 == 0 { "check_in" } else { "check_out" },
                   "at": (start + Duration::seconds(i as i64)).to_rfc3339(), "source": "staff"})
        })
        .collect();
    let sync = |batch: Vec<Value>| {
        w.app.post(
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            json!({"events": batch}),
        )
    };
    let first = sync(events.clone()).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(
        first.body["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "created")
    );
    let before = w.app.count("attendance_events").await;
    assert_eq!(before, 500);
    let mut rng = rand::rng();
    for _ in 0..3 {
        let mut shuffled = events.clone();
        shuffled.shuffle(&mut rng);
        let r = sync(shuffled).await;
        assert!(
            r.body["results"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["status"] == "duplicate"),
            "{}",
            r.body
        );
    }
    assert_eq!(w.app.count("attendance_events").await, 500);
    let mut changed = events[7].clone();
    changed["kind"] = json!("check_in");
    changed["at"] = json!((start + Duration::minutes(30)).to_rfc3339());
    let stranger = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 999),
        )
        .await
        .id();
    let bad = json!({"client_event_id": uuid::Uuid::now_v7(), "session_id": sid, "participant_id": stranger,
                     "kind": "check_in", "at": start.to_rfc3339(), "source": "staff"});
    let good = json!({"client_event_id": uuid::Uuid::now_v7(), "session_id": sid, "participant_id": people[0],
                      "kind": "check_out", "at": (start + Duration::minutes(2)).to_rfc3339(), "source": "staff"});
    let r = sync(vec![changed, bad, good]).await;
    let statuses: Vec<_> = r.body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["conflict", "rejected", "created"]);
    assert_eq!(
        w.app.count("attendance_events").await,
        501,
        "only the valid new event was added"
    );
    let too_many: Vec<Value> = (0..5001).map(|_| events[0].clone()).collect();
    assert_eq!(sync(too_many).await.status, 422);
}

/// Concurrent check-ins share group commits: each lands once with its own
/// audit event, the chain stays intact, and two requests with one
/// `client_event_id` (even in the same batch) give one 201 and one 409.
#[tokio::test]
async fn concurrent_check_ins_land_once_each_with_an_intact_audit_chain() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 20).await;
    let audit_before = w.app.count("audit_events").await;
    let path = format!("/api/v1/sessions/{sid}/attendance");
    let mut bodies = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let cid = uuid::Uuid::now_v7();
        let at = (start + Duration::minutes(1)).to_rfc3339();
        let ev = json!({"client_event_id": cid, "participant_id": p, "kind": "check_in",
                        "at": at, "source": "staff"});
        bodies.push(ev.clone());
        if i % 4 == 0 {
            bodies.push(ev); // the same event twice
        } else if i % 4 == 1 {
            let mut other = ev;
            other["kind"] = json!("check_out"); // the same id, another event
            bodies.push(other);
        }
    }
    let answers = futures::future::join_all(
        bodies
            .iter()
            .map(|b| w.app.post(&path, Some(w.token("ngo_staff")), b.clone())),
    )
    .await;
    let created = answers.iter().filter(|r| r.status == 201).count();
    let conflicts: Vec<_> = answers.iter().filter(|r| r.status == 409).collect();
    assert_eq!(created, 20, "one per client_event_id");
    assert_eq!(conflicts.len(), 10);
    assert!(conflicts.iter().all(|r| r.problem_code() == "conflict"));
    assert_eq!(w.app.count("attendance_events").await, 20);
    assert_eq!(w.app.count("audit_events").await, audit_before + 20);
    let v = w
        .app
        .get("/api/v1/audit-events/verify", w.token("auditor"))
        .await;
    assert_eq!(v.body["ok"], true, "{}", v.body);
    let listed = w
        .app
        .get(&format!("{path}?limit=50"), w.token("ngo_staff"))
        .await;
    assert_eq!(listed.status, 200);
    // A replay after the fact is still a 409, and writes nothing.
    let again = w
        .app
        .post(&path, Some(w.token("ngo_staff")), bodies[0].clone())
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(w.app.count("attendance_events").await, 20);
}

#[tokio::test]
async fn offices_excuse_absences_before_and_after_close() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 3).await;
    let list = w
        .app
        .get(
            &format!("/api/v1/sessions/{sid}/attendance"),
            w.token("office_staff"),
        )
        .await;
    let id_of = |p: &str| {
        list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["participant_id"] == p)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let excuse = |id: &str| format!("/api/v1/attendance/{id}/excuse");
    let reason = json!({"reason": "住院治疗"});
    // Person 0 is excused before the session closes; person 1 is a no-show excused after; person 2 attended.
    let e0 = w
        .app
        .post(
            &excuse(&id_of(&people[0])),
            Some(w.token("office_staff")),
            reason.clone(),
        )
        .await;
    assert_eq!(e0.status, 200, "{}", e0.body);
    assert_eq!(e0.body["excuse_reason"], "住院治疗");
    assert_eq!(
        w.app
            .post(
                &excuse(&id_of(&people[1])),
                Some(w.token("ngo_staff")),
                reason.clone()
            )
            .await
            .status,
        403
    );
    assert_eq!(
        w.app
            .post(
                &excuse(&id_of(&people[1])),
                Some(w.token("office_staff")),
                json!({"reason": " "})
            )
            .await
            .status,
        422
    );
    let r = w
        .app
        .post(&format!("/api/v1/sessions/{sid}/attendance"), Some(w.token("ngo_staff")), json!({"participant_id": people[2], "kind": "check_in", "at": start.to_rfc3339(), "source": "staff"}))
        .await;
    assert_eq!(r.status, 201);
    w.app.state.clock.advance(Duration::hours(2));
    let c = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(c.status, 200);
    let outcome = |body: &Value, p: &str| {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["participant_id"] == p)
            .unwrap()["outcome"]
            .clone()
    };
    let after = w
        .app
        .get(
            &format!("/api/v1/sessions/{sid}/attendance"),
            w.token("officer"),
        )
        .await;
    assert_eq!(outcome(&after.body, &people[0]), "excused");
    assert_eq!(outcome(&after.body, &people[1]), "no_show");
    let e1 = w
        .app
        .post(
            &excuse(&id_of(&people[1])),
            Some(w.token("office_staff")),
            reason.clone(),
        )
        .await;
    assert_eq!(
        (e1.status, e1.body["outcome"].as_str()),
        (200, Some("excused"))
    );
    let e2 = w
        .app
        .post(
            &excuse(&id_of(&people[2])),
            Some(w.token("office_staff")),
            reason.clone(),
        )
        .await;
    assert_eq!(e2.status, 409, "someone who attended is not excused");
    assert_eq!(
        w.app
            .post(
                &excuse(&uuid::Uuid::now_v7().to_string()),
                Some(w.token("office_staff")),
                reason
            )
            .await
            .status,
        404
    );
    // Excused enrolments leave the attendance-rate denominator: 1 attended of 1.
    let sess = w
        .app
        .get(&format!("/api/v1/sessions/{sid}"), w.token("officer"))
        .await;
    let kpis = w
        .app
        .get(
            &format!(
                "/api/v1/contracts/{}/kpis",
                sess.body["contract_id"].as_str().unwrap()
            ),
            w.token("officer"),
        )
        .await;
    let rate = kpis
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["metric"] == "attendance_rate")
        .unwrap()["actual"]
        .as_f64();
    assert_eq!(rate, Some(1.0));
}

#[tokio::test]
async fn scheduled_sessions_can_be_edited_within_the_rules() {
    let w = World::new().await;
    let contract = active_contract(&w).await;
    let start = (Utc::now() + Duration::days(2))
        .duration_trunc(Duration::minutes(1))
        .unwrap();
    let a = session(&w, &contract, "education", start, 2).await.id();
    let b = session(&w, &contract, "education", start + Duration::hours(3), 5)
        .await
        .id();
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 901),
        )
        .await
        .id();
    let q = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 902),
        )
        .await
        .id();
    for s in [&a, &b] {
        assert_eq!(enroll(&w, s, &p).await.status, 201);
    }
    assert_eq!(enroll(&w, &a, &q).await.status, 201);
    let path = format!("/api/v1/sessions/{a}");
    let etag = w
        .app
        .get(&path, w.token("ngo_staff"))
        .await
        .header("etag")
        .unwrap()
        .to_string();
    let ok = w
        .app
        .patch(&path, w.token("ngo_staff"), json!({"title": "法治教育（第二讲）", "latitude": 37.43, "longitude": 112.03, "radius_m": 150}), Some(&etag))
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(
        (ok.body["title"].as_str(), ok.body["radius_m"].as_i64()),
        (Some("法治教育（第二讲）"), Some(150))
    );
    assert_eq!(
        w.app
            .patch(
                &path,
                w.token("ngo_staff"),
                json!({"title": "x"}),
                Some(&etag)
            )
            .await
            .status,
        412
    );
    for (body, field) in [
        (json!({"capacity": 1}), "capacity"),
        (json!({"credit_hours": 3.0}), "credit_hours"),
        (
            json!({"ends_at": (start - Duration::hours(1)).to_rfc3339()}),
            "ends_at",
        ),
        (json!({"radius_m": null}), "latitude"),
    ] {
        let r = w.app.patch(&path, w.token("ngo_staff"), body, None).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.body["errors"][0]["field"], field, "{}", r.body);
    }
    let overlap = w
        .app
        .patch(
            &path,
            w.token("ngo_staff"),
            json!({"ends_at": (start + Duration::hours(4)).to_rfc3339()}),
            None,
        )
        .await;
    assert_eq!(
        overlap.status, 409,
        "p is enrolled in b at that time: {}",
        overlap.body
    );
    let cleared = w
        .app
        .patch(&path, w.token("ngo_staff"), json!({"latitude": null, "longitude": null, "radius_m": null, "ends_at": (start + Duration::hours(1)).to_rfc3339(), "credit_hours": 1.0}), None)
        .await;
    assert_eq!(cleared.status, 200, "{}", cleared.body);
    assert!(cleared.body["radius_m"].is_null());
    assert_eq!(
        w.app
            .patch(&path, w.token("ngo_b_admin"), json!({"title": "x"}), None)
            .await
            .status,
        404
    );
    assert_eq!(
        w.app
            .patch(&path, w.token("office_staff"), json!({"title": "x"}), None)
            .await
            .status,
        403
    );
    let unknown = w
        .app
        .patch(
            &path,
            w.token("ngo_staff"),
            json!({"status": "closed"}),
            None,
        )
        .await;
    assert!(matches!(unknown.status, 400 | 422));
    assert_eq!(
        w.app.get(&path, w.token("ngo_staff")).await.body["status"],
        "scheduled"
    );
}

pub async fn client_token(w: &World, admin: &str, scopes: Value) -> String {
    let c = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token(admin)),
            json!({"name": "app", "scopes": scopes}),
        )
        .await;
    assert_eq!(c.status, 201, "{}", c.body);
    w.app
        .post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": c.body["client_id"], "client_secret": c.body["client_secret"]}),
        )
        .await
        .body["access_token"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn partner_apps_read_what_their_scopes_allow_as_their_ngo_does() {
    let w = World::new().await;
    let (sid, people, _) = running_session(&w, false, 1).await;
    let sessions = client_token(&w, "ngo_admin", json!(["sessions:read"])).await;
    let participants = client_token(&w, "ngo_admin", json!(["participants:read"])).await;
    let other = client_token(
        &w,
        "ngo_b_admin",
        json!(["sessions:read", "participants:read"]),
    )
    .await;
    let s = format!("/api/v1/sessions/{sid}");
    let p = format!("/api/v1/participants/{}", people[0]);
    assert_eq!(w.app.get(&s, &sessions).await.status, 200);
    assert_eq!(
        w.app.get("/api/v1/sessions", &sessions).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        w.app
            .get(&format!("{s}/attendance"), &sessions)
            .await
            .status,
        200
    );
    assert_eq!(
        w.app.get(&p, &sessions).await.status,
        403,
        "needs participants:read"
    );
    let seen = w.app.get(&p, &participants).await;
    assert_eq!(seen.status, 200, "{}", seen.body);
    assert!(seen.body["id_number"].is_null(), "masked as for NGO staff");
    assert!(
        seen.body["id_number_masked"]
            .as_str()
            .unwrap()
            .contains("********")
    );
    assert_eq!(
        w.app.get(&format!("{p}/hours"), &participants).await.status,
        200
    );
    assert_eq!(
        w.app.get(&s, &participants).await.status,
        403,
        "needs sessions:read"
    );
    assert_eq!(
        w.app.get(&s, &other).await.status,
        404,
        "another NGO's session"
    );
    assert_eq!(
        w.app.get(&p, &other).await.status,
        404,
        "not enrolled with that NGO"
    );
    assert_eq!(
        w.app.get("/api/v1/contracts", &sessions).await.status,
        403,
        "no scope for contracts"
    );
}

/// One malformed item (a bad UUID, a time without a zone, an unknown field)
/// is rejected on its own with its index and id; the rest of the batch lands.
#[tokio::test]
async fn malformed_items_never_sink_an_offline_batch() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 2).await;
    let at = (start + Duration::minutes(1)).to_rfc3339();
    let good = |p: &str| {
        json!({"client_event_id": uuid::Uuid::now_v7(), "session_id": sid, "participant_id": p,
               "kind": "check_in", "at": at, "source": "staff"})
    };
    let mut bad_uuid = good(&people[1]);
    bad_uuid["participant_id"] = json!("not-a-uuid");
    let mut no_zone = good(&people[1]);
    no_zone["at"] = json!("2026-12-03T10:00:00");
    let mut unknown = good(&people[1]);
    unknown["extra"] = json!(1);
    let no_id = json!({"session_id": sid});
    let events = vec![
        good(&people[0]),
        bad_uuid,
        no_zone,
        unknown,
        no_id,
        good(&people[1]),
    ];
    let r = w
        .app
        .post(
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            json!({"events": events}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let results = r.body["results"].as_array().unwrap();
    let statuses: Vec<&str> = results
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "created", "rejected", "rejected", "rejected", "rejected", "created"
        ]
    );
    for (i, res) in results.iter().enumerate() {
        assert_eq!(res["index"], i as i64);
    }
    assert_eq!(results[1]["client_event_id"], events[1]["client_event_id"]);
    assert!(
        results[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("events[1]")
    );
    assert!(results[4]["client_event_id"].is_null());
    assert_eq!(w.app.count("attendance_events").await, 2);
    // A body that is not a batch at all is still a 400 problem.
    let r = w
        .app
        .post(
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            json!({"events": "nope"}),
        )
        .await;
    assert_eq!(r.status, 400);
}

/// A kiosk (partner client with `checkin:read`) shows the rotating QR code of
/// its NGO's sessions only; a client token lists its scopes as an array too.
#[tokio::test]
async fn kiosks_read_the_qr_code_of_their_ngos_sessions_with_checkin_read() {
    let w = World::new().await;
    let (sid, _, _) = running_session(&w, false, 0).await;
    let path = format!("/api/v1/sessions/{sid}/checkin-code");
    let c = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "kiosk", "scopes": ["checkin:read"]}),
        )
        .await;
    assert_eq!(c.status, 201, "{}", c.body);
    let t = w
        .app
        .post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": c.body["client_id"], "client_secret": c.body["client_secret"]}),
        )
        .await;
    assert_eq!(t.body["scope"], "checkin:read");
    assert_eq!(t.body["scopes"], json!(["checkin:read"]));
    let kiosk = t.body["access_token"].as_str().unwrap();
    let code = w.app.get(&path, kiosk).await;
    assert_eq!(code.status, 200, "{}", code.body);
    assert!(code.body["token"].as_str().is_some());
    let reader = client_token(&w, "ngo_admin", json!(["sessions:read"])).await;
    let denied = w.app.get(&path, &reader).await;
    assert_eq!(denied.status, 403);
    assert!(
        denied.body["detail"].as_str().unwrap().contains("scopes"),
        "{}",
        denied.body
    );
    let other = client_token(&w, "ngo_b_admin", json!(["checkin:read"])).await;
    assert_eq!(w.app.get(&path, &other).await.status, 404);
}

/// `sync_attendance` honours `Idempotency-Key` like every other POST.
#[tokio::test]
async fn a_keyed_sync_replays_its_first_answer() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 1).await;
    let body = json!({"events": [{"client_event_id": uuid::Uuid::now_v7(), "session_id": sid,
        "participant_id": people[0], "kind": "check_in",
        "at": (start + Duration::minutes(1)).to_rfc3339(), "source": "staff"}]})
    .to_string()
    .into_bytes();
    let send = || {
        w.app.send(
            poem::http::Method::POST,
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            Some(body.clone()),
            &[("idempotency-key", "batch-1")],
        )
    };
    let first = send().await;
    assert_eq!(first.body["results"][0]["status"], "created");
    let again = send().await;
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.body, first.body, "the first answer, not `duplicate`");
}

#[tokio::test]
async fn a_running_sessions_attendance_shows_the_checks_so_far() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 2).await;
    let path = format!("/api/v1/sessions/{sid}/attendance");
    let before = w.app.get(&path, w.token("ngo_staff")).await;
    assert!(
        before.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["check_in_at"].is_null()),
        "{}",
        before.body
    );
    let at = start + Duration::minutes(5);
    let sent = w
        .app
        .post(
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            json!({"events": [
                {"client_event_id": uuid::Uuid::now_v7(), "session_id": sid, "participant_id": people[0],
                 "kind": "check_in", "at": at.to_rfc3339(), "source": "staff"}]}),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let now = w.app.get(&path, w.token("ngo_staff")).await;
    let rows = now.body["items"].as_array().unwrap();
    let row = |p: &str| rows.iter().find(|r| r["participant_id"] == p).unwrap();
    let checked: chrono::DateTime<Utc> = row(&people[0])["check_in_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(checked, at);
    assert_eq!(row(&people[0])["source"], "staff");
    assert!(row(&people[0])["check_out_at"].is_null());
    assert!(
        row(&people[0]).get("outcome").is_none_or(Value::is_null),
        "no outcome before close"
    );
    assert!(row(&people[1])["check_in_at"].is_null());
}

#[tokio::test]
async fn a_persons_enrolments_come_with_their_sessions_for_those_who_see_the_person() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 2).await;
    let r = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/attendance"),
            Some(w.token("ngo_staff")),
            json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": "staff"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let close = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(close.status, 200, "{}", close.body);
    let path = format!("/api/v1/participants/{}/enrollments", people[0]);
    for who in ["office_staff", "officer", "auditor", "ngo_staff"] {
        let r = w.app.get(&path, w.token(who)).await;
        assert_eq!(r.status, 200, "{who}: {}", r.body);
        let items = r.body["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{who}: {}", r.body);
        assert_eq!(items[0]["session_id"], sid.as_str());
        assert_eq!(items[0]["participant_id"], people[0].as_str());
        assert_eq!(items[0]["session"]["id"], sid.as_str());
        assert_eq!(items[0]["session"]["status"], "closed");
        assert_eq!(items[0]["outcome"], "present", "{}", r.body);
        assert_eq!(items[0]["hours_credited"].as_f64(), Some(2.0));
    }
    let absent = w
        .app
        .get(
            &format!("/api/v1/participants/{}/enrollments", people[1]),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(
        absent.body["items"][0]["outcome"], "no_show",
        "{}",
        absent.body
    );
    // Whoever does not see the person gets 404: another NGO, an agency, an unknown id.
    assert_eq!(w.app.get(&path, w.token("ngo_b_admin")).await.status, 404);
    assert_eq!(w.app.get(&path, w.token("agency_staff")).await.status, 404);
    let unknown = format!("/api/v1/participants/{}/enrollments", uuid::Uuid::now_v7());
    assert_eq!(
        w.app.get(&unknown, w.token("office_staff")).await.status,
        404
    );
    // A person with no enrolment has an empty list, not an error.
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 777),
        )
        .await;
    let r = w
        .app
        .get(
            &format!("/api/v1/participants/{}/enrollments", p.id()),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(
        (r.status, r.body["items"].as_array().map(Vec::len)),
        (200, Some(0))
    );
}

/// Issue 21: single check-ins are judged inside the writer's transaction, a
/// whole batch at once. Sent together so that they share batches, good and
/// bad events each get their own answer; what is refused is neither stored
/// nor audited; a cancelled session or a removed enrolment is refused at once.
#[tokio::test]
async fn the_group_committed_path_refuses_each_bad_check_in_on_its_own_and_at_once() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, true, 5).await;
    let path = format!("/api/v1/sessions/{sid}/attendance");
    let at = start.to_rfc3339();
    let staff = |p: &str, source: &str| {
        json!({"client_event_id": uuid::Uuid::now_v7(), "participant_id": p,
        "kind": "check_in", "at": at, "source": source})
    };
    // people[3] is released by the office; a sixth person is never enrolled.
    let released = w
        .app
        .post(
            &format!("/api/v1/participants/{}/release", people[3]),
            Some(w.token("office_staff")),
            json!({"reason": "期满解矫"}),
        )
        .await;
    assert_eq!(released.status, 200, "{}", released.body);
    let stranger = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 190),
        )
        .await
        .id();
    let kiosk = client_token(&w, "ngo_admin", json!(["attendance:write"])).await;
    let far = json!({"client_event_id": uuid::Uuid::now_v7(), "participant_id": people[4], "kind": "check_in",
        "at": at, "source": "app", "latitude": 37.4400, "longitude": 112.0300});
    let mut bad_qr = staff(&people[1], "qr");
    bad_qr["qr_token"] = json!("12345.deadbeefdeadbeefdeadbeefdeadbeef");
    let sends: Vec<(&str, String, Value)> = vec![
        (
            w.token("ngo_staff"),
            path.clone(),
            staff(&people[0], "staff"),
        ),
        (
            w.token("ngo_b_admin"),
            path.clone(),
            staff(&people[2], "staff"),
        ),
        (
            w.token("ngo_staff"),
            path.clone(),
            staff(&stranger, "staff"),
        ),
        (
            w.token("ngo_staff"),
            path.clone(),
            staff(&people[3], "staff"),
        ),
        (w.token("ngo_staff"), path.clone(), bad_qr),
        (&kiosk, path.clone(), far),
        (
            w.token("ngo_staff"),
            path.clone(),
            staff(&people[2], "staff"),
        ),
    ];
    let events_before = w.app.count("attendance_events").await;
    let audit_before = w.app.count("audit_events").await;
    let answers = futures::future::join_all(
        sends
            .iter()
            .map(|(token, path, body)| w.app.post(path, Some(token), body.clone())),
    )
    .await;
    let got: Vec<(u16, String)> = answers
        .iter()
        .map(|r| {
            (
                r.status,
                r.body["errors"][0]["field"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    let want: Vec<(u16, String)> = [
        (201, ""),
        (404, ""),               // another NGO's session
        (422, "participant_id"), // not enrolled
        (422, "participant_id"), // no longer active
        (422, "qr_token"),       // not this session's code
        (422, "latitude"),       // outside the radius
        (201, ""),
    ]
    .iter()
    .map(|(s, f)| (*s, f.to_string()))
    .collect();
    assert_eq!(
        got,
        want,
        "{:?}",
        answers.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    assert!(
        answers[3].body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no longer active")
    );
    assert_eq!(w.app.count("attendance_events").await, events_before + 2);
    assert_eq!(
        w.app.count("audit_events").await,
        audit_before + 2,
        "refusals write nothing"
    );

    // A removed enrolment, then a cancelled session: refused at the next check-in.
    let removed = w
        .app
        .delete(
            &format!("/api/v1/sessions/{sid}/enrollments/{}", people[1]),
            w.token("office_staff"),
        )
        .await;
    assert!(removed.status < 300, "{}", removed.body);
    let r = w
        .app
        .post(
            &path,
            Some(w.token("ngo_staff")),
            staff(&people[1], "staff"),
        )
        .await;
    assert_eq!(
        (r.status, r.body["errors"][0]["field"].as_str()),
        (422, Some("participant_id")),
        "{}",
        r.body
    );
    let cancelled = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/cancel"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    let r = w
        .app
        .post(
            &path,
            Some(w.token("ngo_staff")),
            staff(&people[0], "staff"),
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(w.app.count("attendance_events").await, events_before + 2);
}
