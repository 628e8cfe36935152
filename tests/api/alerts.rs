//! Alerts (raised by close and by the scheduled checks, deduplicated, routed
//! with a mail), their handling and visibility; discipline with the rules'
//! suggestion; referrals reaching only their agency, with reminders.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::{
    helpers::{PASSWORD, World, uscc},
    sessions::{person, running_session},
};

async fn outbox(w: &World, kind: &str) -> i64 {
    let row = w
        .app
        .state
        .db
        .read
        .query_one_raw(sea_orm::Statement::from_string(
            w.app.state.db.backend(),
            format!("SELECT COUNT(*) AS n FROM outbox WHERE kind = '{kind}'"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn run(w: &World, job: &str) -> usize {
    huigui::jobs::run(&w.app.state, job)
        .await
        .unwrap()
        .expect("lease")
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().unwrap()
}

use sea_orm::ConnectionTrait;

/// A second agency with a user; returns (org id, token).
async fn other_agency(w: &World) -> (String, String) {
    let org = w
        .app
        .post(
            "/api/v1/organizations",
            Some(w.token("admin")),
            json!({"kind": "agency", "agency_type": "civil_affairs", "name": "民政局", "uscc": uscc(77)}),
        )
        .await
        .id();
    let email = "civil@test.huigui.cn";
    let u = w
        .app
        .post("/api/v1/users", Some(w.token("admin")), json!({"email": email, "display_name": "民政", "role": "agency_staff", "organization_id": org, "password": PASSWORD}))
        .await;
    assert_eq!(u.status, 201, "{}", u.body);
    (org, w.app.token(email, PASSWORD).await)
}

#[tokio::test]
async fn a_no_show_raises_one_alert_and_one_mail_which_the_office_handles() {
    let w = World::new().await;
    let (sid, people, _) = running_session(&w, false, 2).await;
    let before = outbox(&w, "alert").await;
    w.app.state.clock.advance(Duration::hours(2));
    // Nobody checked in: the closing job (12 h after the end) closes it and marks no-shows.
    assert_eq!(
        run(&w, "close_sessions").await,
        0,
        "not yet 12 h after the end"
    );
    w.app.state.clock.advance(Duration::hours(13));
    assert_eq!(run(&w, "close_sessions").await, 1);
    assert_eq!(
        w.app
            .get(&format!("/api/v1/sessions/{sid}"), w.token("ngo_staff"))
            .await
            .body["status"],
        "closed"
    );
    let list = w
        .app
        .get("/api/v1/alerts?kind=no_show", w.token("office_staff"))
        .await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(items(&list.body).len(), 2, "one per absent person");
    assert_eq!(
        outbox(&w, "alert").await - before,
        2,
        "one mail each to the office's one user"
    );
    assert_eq!(run(&w, "close_sessions").await, 0, "idempotent");
    assert_eq!(
        items(
            &w.app
                .get("/api/v1/alerts", w.token("office_staff"))
                .await
                .body
        )
        .len(),
        2
    );
    // The NGO sees none of them (it raised none); the agency neither.
    assert!(items(&w.app.get("/api/v1/alerts", w.token("ngo_staff")).await.body).is_empty());
    assert!(
        items(
            &w.app
                .get("/api/v1/alerts", w.token("agency_staff"))
                .await
                .body
        )
        .is_empty()
    );

    let alert = items(&list.body)
        .iter()
        .find(|a| a["participant_id"] == people[0].as_str())
        .unwrap()
        .clone();
    let id = alert["id"].as_str().unwrap();
    assert_eq!(alert["status"], "open");
    assert!(
        alert["participant_code"]
            .as_str()
            .unwrap()
            .starts_with("HG-")
    );
    let path = |a: &str| format!("/api/v1/alerts/{id}/{a}");
    assert_eq!(
        w.app
            .post(&path("acknowledge"), Some(w.token("ngo_staff")), json!({}))
            .await
            .status,
        403
    );
    let ack = w
        .app
        .post(
            &path("acknowledge"),
            Some(w.token("office_staff")),
            json!({"note": "已电话联系"}),
        )
        .await;
    assert_eq!(
        (ack.status, ack.body["status"].as_str()),
        (200, Some("acknowledged")),
        "{}",
        ack.body
    );
    assert_eq!(
        w.app
            .post(
                &path("acknowledge"),
                Some(w.token("office_staff")),
                json!({})
            )
            .await
            .status,
        409
    );
    // Escalation needs an agency: none given and no police station configured → 422.
    let no_station = w
        .app
        .post(
            &path("escalate"),
            Some(w.token("office_staff")),
            json!({"note": "多次联系不上"}),
        )
        .await;
    assert_eq!(no_station.status, 422, "{}", no_station.body);
    let set = w
        .app
        .patch(
            &format!("/api/v1/organizations/{}", w.office),
            w.token("admin"),
            json!({"police_station_id": w.agency}),
            None,
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.body["police_station_id"], w.agency.as_str());
    let esc = w
        .app
        .post(
            &path("escalate"),
            Some(w.token("office_staff")),
            json!({"note": "多次联系不上"}),
        )
        .await;
    assert_eq!(
        (esc.status, esc.body["agency_id"].as_str()),
        (200, Some(w.agency.as_str())),
        "{}",
        esc.body
    );
    let agency_view = w
        .app
        .get(&format!("/api/v1/alerts/{id}"), w.token("agency_staff"))
        .await;
    assert_eq!(agency_view.status, 200, "the escalated agency sees it");
    let (_, other) = other_agency(&w).await;
    assert_eq!(
        w.app
            .get(&format!("/api/v1/alerts/{id}"), &other)
            .await
            .status,
        404
    );
    // The agency it was escalated to may resolve it (saying what it did);
    // another agency cannot see it, and an agency handles nothing else.
    assert_eq!(
        w.app
            .post(&path("resolve"), Some(&other), json!({"note": "x"}))
            .await
            .status,
        404
    );
    for (action, body) in [
        ("acknowledge", json!({})),
        ("escalate", json!({"note": "x"})),
    ] {
        assert_eq!(
            w.app
                .post(&path(action), Some(w.token("agency_staff")), body)
                .await
                .status,
            403,
            "agency may not {action}"
        );
    }
    let res = w
        .app
        .post(
            &path("resolve"),
            Some(w.token("agency_staff")),
            json!({"note": "已恢复报到"}),
        )
        .await;
    assert_eq!(
        (
            res.status,
            res.body["status"].as_str(),
            res.body["note"].as_str()
        ),
        (200, Some("resolved"), Some("已恢复报到"))
    );
    assert_eq!(
        w.app
            .post(
                &path("resolve"),
                Some(w.token("office_staff")),
                json!({"note": "x"})
            )
            .await
            .status,
        409
    );
    let audit = w
        .app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await;
    let actions: Vec<&str> = items(&audit.body)
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for a in [
        "alert.raise",
        "alert.acknowledge",
        "alert.escalate",
        "alert.resolve",
        "session.close",
    ] {
        assert!(actions.contains(&a), "{a} audited");
    }

    // A second unexcused absence in the month raises repeated_absence once.
    let (sid2, _, _) = {
        let contract = crate::sessions::active_contract(&w).await;
        let now = w.app.state.clock.now();
        let start = now + Duration::minutes(10);
        let s = w
            .app
            .post("/api/v1/sessions", Some(w.token("ngo_staff")), json!({"contract_id": contract, "type": "education", "title": "第二次", "location": "村委会",
                "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(1)).to_rfc3339(), "capacity": 5, "facilitator": "f", "credit_hours": 1.0}))
            .await;
        assert_eq!(s.status, 201, "{}", s.body);
        (s.id(), (), ())
    };
    assert_eq!(
        crate::sessions::enroll(&w, &sid2, &people[0]).await.status,
        201
    );
    w.app.state.clock.advance(Duration::hours(2));
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/sessions/{sid2}/close"),
                Some(w.token("ngo_staff")),
                json!({})
            )
            .await
            .status,
        200
    );
    let repeated = w
        .app
        .get(
            &format!(
                "/api/v1/alerts?kind=repeated_absence&participant_id={}",
                people[0]
            ),
            w.token("office_staff"),
        )
        .await;
    let tz = w.app.state.settings.tz();
    let mut months = Vec::new();
    for id in [&sid, &sid2] {
        let s = w
            .app
            .get(&format!("/api/v1/sessions/{id}"), w.token("ngo_staff"))
            .await;
        months.push(
            s.body["starts_at"]
                .as_str()
                .unwrap()
                .parse::<chrono::DateTime<Utc>>()
                .unwrap()
                .with_timezone(&tz)
                .format("%Y-%m")
                .to_string(),
        );
    }
    let same_month = months[0] == months[1];
    assert_eq!(
        items(&repeated.body).len(),
        usize::from(same_month),
        "two no-shows in one month: {}",
        repeated.body
    );
}

#[tokio::test]
async fn ngos_report_concerns_but_never_see_discipline() {
    let w = World::new().await;
    let (_, people, _) = running_session(&w, false, 1).await;
    let stranger = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19700101", 555),
        )
        .await
        .id();
    let concern = |p: &str, kind: &str| json!({"participant_id": p, "kind": kind, "detail": "活动中与他人发生争执"});
    let ok = w
        .app
        .post(
            "/api/v1/alerts",
            Some(w.token("ngo_staff")),
            concern(&people[0], "behaviour_concern"),
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    assert_eq!(ok.body["raised_by_org"], w.ngo_a.as_str());
    assert_eq!(
        w.app
            .post(
                "/api/v1/alerts",
                Some(w.token("ngo_staff")),
                concern(&stranger, "behaviour_concern")
            )
            .await
            .status,
        422,
        "not enrolled with them"
    );
    assert_eq!(
        w.app
            .post(
                "/api/v1/alerts",
                Some(w.token("ngo_staff")),
                concern(&people[0], "no_show")
            )
            .await
            .status,
        422
    );
    assert_eq!(
        w.app
            .post(
                "/api/v1/alerts",
                Some(w.token("office_staff")),
                concern(&people[0], "behaviour_concern")
            )
            .await
            .status,
        403
    );
    assert_eq!(
        items(&w.app.get("/api/v1/alerts", w.token("ngo_staff")).await.body).len(),
        1,
        "those it raised"
    );
    assert_eq!(
        items(
            &w.app
                .get("/api/v1/alerts", w.token("office_staff"))
                .await
                .body
        )
        .len(),
        1,
        "routed to the office"
    );
    assert_eq!(
        items(
            &w.app
                .get("/api/v1/alerts", w.token("ngo_b_admin"))
                .await
                .body
        )
        .len(),
        0
    );

    let path = format!("/api/v1/participants/{}/discipline", people[0]);
    let today = w
        .app
        .state
        .clock
        .today(w.app.state.settings.tz())
        .to_string();
    let rec = |kind: &str| json!({"kind": kind, "reason": "未按规定报告", "date": today});
    assert_eq!(w.app.get(&path, w.token("ngo_staff")).await.status, 403);
    assert_eq!(
        w.app
            .post(&path, Some(w.token("ngo_admin")), rec("reprimand"))
            .await
            .status,
        403
    );
    assert_eq!(w.app.get(&path, w.token("agency_staff")).await.status, 403);
    for _ in 0..2 {
        assert_eq!(
            w.app
                .post(&path, Some(w.token("office_staff")), rec("reprimand"))
                .await
                .status,
            201
        );
    }
    let h = w.app.get(&path, w.token("office_staff")).await;
    assert_eq!(h.status, 200);
    assert_eq!(items(&h.body).len(), 2);
    assert_eq!(
        (
            h.body["suggested_next"].as_str(),
            h.body["flagged_for_bureau"].as_bool()
        ),
        (Some("warning"), Some(false))
    );
    for _ in 0..2 {
        assert_eq!(
            w.app
                .post(&path, Some(w.token("office_staff")), rec("warning"))
                .await
                .status,
            201
        );
    }
    let h = w.app.get(&path, w.token("auditor")).await;
    assert_eq!(
        (
            h.body["suggested_next"].as_str(),
            h.body["flagged_for_bureau"].as_bool()
        ),
        (Some("propose_revocation"), Some(true))
    );
    assert_eq!(
        outbox(&w, "revocation_suggested").await,
        2,
        "the bureau's two users are told"
    );
    let bad = w
        .app
        .post(
            &path,
            Some(w.token("office_staff")),
            json!({"kind": "warning", "reason": "", "date": "2099-01-01"}),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.body["errors"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn referrals_reach_only_their_agency_with_reminders() {
    let w = World::new().await;
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19700101", 556),
        )
        .await
        .id();
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let body = json!({"participant_id": p, "need": "subsistence", "agency_id": w.agency, "detail": "家庭困难，申请临时救助", "respond_by": (today + Duration::days(5)).to_string()});
    assert_eq!(
        w.app
            .post(
                "/api/v1/referrals",
                Some(w.token("ngo_admin")),
                body.clone()
            )
            .await
            .status,
        403
    );
    let mut to_office = body.clone();
    to_office["agency_id"] = json!(w.office);
    assert_eq!(
        w.app
            .post(
                "/api/v1/referrals",
                Some(w.token("office_staff")),
                to_office
            )
            .await
            .status,
        422,
        "agencies only"
    );
    let mut past = body.clone();
    past["respond_by"] = json!((today - Duration::days(1)).to_string());
    assert_eq!(
        w.app
            .post("/api/v1/referrals", Some(w.token("office_staff")), past)
            .await
            .status,
        422
    );
    let r = w
        .app
        .post("/api/v1/referrals", Some(w.token("office_staff")), body)
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.id();
    assert_eq!(outbox(&w, "referral").await, 1, "the agency is told");
    let (_, other) = other_agency(&w).await;
    let path = format!("/api/v1/referrals/{id}");
    let seen = w.app.get(&path, w.token("agency_staff")).await;
    assert_eq!(seen.status, 200);
    assert_eq!(seen.body["participant"]["name"], "对象556");
    assert!(
        seen.body["participant"]["id_number_masked"]
            .as_str()
            .unwrap()
            .contains("********")
    );
    assert!(seen.body["participant"].get("id_number").is_none());
    assert_eq!(
        w.app.get(&path, &other).await.status,
        404,
        "another agency's referral"
    );
    assert!(items(&w.app.get("/api/v1/referrals", &other).await.body).is_empty());
    assert_eq!(w.app.get(&path, w.token("ngo_admin")).await.status, 403);
    // One person's referrals: the filter keeps theirs, another person has none.
    let by_person = |pid: &str| format!("/api/v1/referrals?participant_id={pid}");
    let mine = w.app.get(&by_person(&p), w.token("office_staff")).await;
    assert_eq!(items(&mine.body).len(), 1, "{}", mine.body);
    assert_eq!(items(&mine.body)[0]["id"], id.as_str());
    let nobody = uuid::Uuid::now_v7().to_string();
    assert!(
        items(
            &w.app
                .get(&by_person(&nobody), w.token("office_staff"))
                .await
                .body
        )
        .is_empty()
    );

    // Reminder before respond_by (2 days before by default), once; then on the day.
    assert_eq!(run(&w, "referral_reminders").await, 0, "five days ahead");
    w.app.state.clock.advance(Duration::days(3));
    assert_eq!(run(&w, "referral_reminders").await, 1);
    assert_eq!(run(&w, "referral_reminders").await, 0, "once");
    assert_eq!(outbox(&w, "referral").await, 2);
    let accept = w
        .app
        .post(
            &format!("{path}/accept"),
            Some(w.token("agency_staff")),
            json!({}),
        )
        .await;
    assert_eq!(
        (accept.status, accept.body["status"].as_str()),
        (200, Some("accepted")),
        "{}",
        accept.body
    );
    assert_eq!(
        w.app
            .post(&format!("{path}/accept"), Some(&other), json!({}))
            .await
            .status,
        404
    );
    w.app.state.clock.advance(Duration::days(3));
    assert_eq!(
        run(&w, "referral_reminders").await,
        1,
        "overdue: the due-day reminder"
    );
    let overdue = w
        .app
        .get("/api/v1/referrals?overdue=true", w.token("officer"))
        .await;
    assert_eq!(
        items(&overdue.body).len(),
        1,
        "the bureau sees overdue referrals"
    );
    assert_eq!(items(&overdue.body)[0]["overdue"], true);
    assert_eq!(
        w.app
            .post(
                &format!("{path}/resolve"),
                Some(w.token("agency_staff")),
                json!({})
            )
            .await
            .status,
        400,
        "a response is required (the schema says so)"
    );
    let done = w
        .app
        .post(
            &format!("{path}/resolve"),
            Some(w.token("agency_staff")),
            json!({"response": "已发放临时救助金"}),
        )
        .await;
    assert_eq!(
        (done.body["status"].as_str(), done.body["overdue"].as_bool()),
        (Some("resolved"), Some(false))
    );
    assert_eq!(
        w.app
            .post(
                &format!("{path}/decline"),
                Some(w.token("agency_staff")),
                json!({"response": "x"})
            )
            .await
            .status,
        409
    );
}

#[tokio::test]
async fn scheduled_checks_raise_month_and_correction_alerts_once() {
    let w = World::new().await;
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let mut ending = person("19700101", 557);
    ending["correction_end"] = json!((today + Duration::days(20)).to_string());
    let e = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            ending,
        )
        .await
        .id();
    let lazy = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19700101", 558),
        )
        .await
        .id();
    assert_eq!(run(&w, "correction_ending").await, 1);
    assert_eq!(
        run(&w, "correction_ending").await,
        0,
        "no duplicate for the same end date"
    );
    let a = w
        .app
        .get(
            &format!("/api/v1/alerts?participant_id={e}&kind=correction_ending"),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(items(&a.body).len(), 1);
    // Two months on, on day 20: the previous month was not met and this one is at risk.
    w.app.state.clock.advance(Duration::days(62));
    let now = w.app.state.clock.today(w.app.state.settings.tz());
    use chrono::Datelike;
    w.app
        .state
        .clock
        .advance(Duration::days(i64::from(20 - now.day().min(20))));
    let raised = run(&w, "monthly_checks").await;
    assert!(raised >= 2, "{raised}");
    let kinds: Vec<String> = items(
        &w.app
            .get(
                &format!("/api/v1/alerts?participant_id={lazy}"),
                w.token("office_staff"),
            )
            .await
            .body,
    )
    .iter()
    .map(|a| a["kind"].as_str().unwrap().to_string())
    .collect();
    assert!(kinds.contains(&"month_not_met".to_string()), "{kinds:?}");
    assert!(kinds.contains(&"month_at_risk".to_string()), "{kinds:?}");
    assert_eq!(
        run(&w, "monthly_checks").await,
        0,
        "each cause and period once"
    );
}
