//! The `admin create-user` and `demo` commands, through the library functions
//! `main.rs` calls.

use huigui::{
    cli::{self, CreateUserArgs, DEMO_PASSWORD},
    config::Environment,
};

use crate::helpers::{ADMIN_EMAIL, ADMIN_PASSWORD, TestApp, test_settings};

#[tokio::test]
async fn demo_loads_once_and_its_users_log_in() {
    let dir = tempfile::tempdir().unwrap();
    let settings = test_settings(dir.path()).await;
    let app = TestApp::with_settings(settings.clone(), tempfile::tempdir().unwrap()).await;
    cli::demo(settings.clone()).await.unwrap();
    cli::demo(settings.clone()).await.unwrap();
    for email in [
        "officer",
        "office",
        "ngo-admin",
        "ngo-staff",
        "agency",
        "committee",
        "auditor",
    ] {
        app.token(&format!("{email}@demo.huigui.cn"), DEMO_PASSWORD)
            .await;
    }
    let admin = app.token(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let offices = app
        .get(
            "/api/v1/organizations?kind=judicial_office&limit=200",
            &admin,
        )
        .await;
    assert_eq!(offices.body["items"].as_array().unwrap().len(), 12);
    // The first office escalates to the demo's police station by default.
    let agencies = app.get("/api/v1/organizations?kind=agency", &admin).await;
    let police = agencies.body["items"][0]["id"].clone();
    assert!(
        offices.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["police_station_id"] == police),
        "{}",
        offices.body
    );
    let officer = app.token("officer@demo.huigui.cn", DEMO_PASSWORD).await;
    demo_collaboration(&app, &officer).await;
    let procurements = app
        .get("/api/v1/procurements?status=published", &officer)
        .await;
    assert_eq!(procurements.body["items"].as_array().unwrap().len(), 1);
    let pid = procurements.body["items"][0]["id"].as_str().unwrap();
    let bids = app
        .get(&format!("/api/v1/procurements/{pid}/bids"), &officer)
        .await;
    assert_eq!(bids.body["items"].as_array().unwrap().len(), 2);
    // A closed one waits for scoring: its bids can be scored at once.
    let closed = app
        .get("/api/v1/procurements?status=closed", &officer)
        .await;
    assert_eq!(closed.body["items"].as_array().unwrap().len(), 1);
    let cid = closed.body["items"][0]["id"].as_str().unwrap();
    let bids = app
        .get(&format!("/api/v1/procurements/{cid}/bids"), &officer)
        .await;
    let bid = bids.body["items"][0]["id"].as_str().unwrap();
    let scored = app
        .put(
            &format!("/api/v1/bids/{bid}/scores"),
            &officer,
            serde_json::json!({"scores": [{"criterion": "服务方案", "score": 80}, {"criterion": "团队资质", "score": 70}, {"criterion": "报价", "score": 90}]}),
            None,
        )
        .await;
    assert_eq!(scored.status, 200, "{}", scored.body);
    let contracts = app.get("/api/v1/contracts?status=active", &officer).await;
    let cid = contracts.body["items"][0]["id"].as_str().unwrap();
    let ms = app
        .get(&format!("/api/v1/contracts/{cid}/milestones"), &officer)
        .await;
    let total: i64 = ms.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["amount_fen"].as_i64().unwrap())
        .sum();
    assert_eq!(
        total,
        contracts.body["items"][0]["amount_fen"].as_i64().unwrap()
    );
    // Delivery: held sessions with outcomes feed the KPIs and people's hours.
    let ngo = app.token("ngo-staff@demo.huigui.cn", DEMO_PASSWORD).await;
    let held = app.get("/api/v1/sessions?status=closed", &ngo).await;
    assert_eq!(held.body["items"].as_array().unwrap().len(), 3);
    let scheduled = app.get("/api/v1/sessions?status=scheduled", &ngo).await;
    let scheduled = scheduled.body["items"].as_array().unwrap();
    assert_eq!(scheduled.len(), 2, "one happening now, one upcoming");
    // The one under way takes a check-in now, inside its geofence.
    let now = chrono::Utc::now();
    let live = scheduled
        .iter()
        .find(|s| {
            let at =
                |k: &str| chrono::DateTime::parse_from_rfc3339(s[k].as_str().unwrap()).unwrap();
            at("starts_at") <= now && now < at("ends_at")
        })
        .expect("a session happening now");
    assert!(live["radius_m"].as_i64().is_some());
    let enrolled = app
        .get(
            &format!(
                "/api/v1/sessions/{}/enrollments",
                live["id"].as_str().unwrap()
            ),
            &ngo,
        )
        .await;
    let person = enrolled.body["items"][0]["participant_id"]
        .as_str()
        .unwrap()
        .to_string();
    let checkin = app
        .post(
            &format!("/api/v1/sessions/{}/attendance", live["id"].as_str().unwrap()),
            Some(&ngo),
            serde_json::json!({"participant_id": person, "kind": "check_in", "at": now.to_rfc3339(), "source": "staff"}),
        )
        .await;
    assert_eq!(checkin.status, 201, "{}", checkin.body);
    let kpis = app
        .get(&format!("/api/v1/contracts/{cid}/kpis"), &officer)
        .await;
    let cases = kpis
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["metric"] == "counseling_cases")
        .unwrap()["actual"]
        .as_f64()
        .unwrap();
    assert!(cases > 0.0, "{}", kpis.body);
    let office = app.token("office@demo.huigui.cn", DEMO_PASSWORD).await;
    let people = app.get("/api/v1/participants?limit=200", &office).await;
    assert_eq!(people.body["items"].as_array().unwrap().len(), 8);
    let sid = held.body["items"][0]["id"].as_str().unwrap();
    let att = app
        .get(&format!("/api/v1/sessions/{sid}/attendance"), &office)
        .await;
    let outcomes: std::collections::HashSet<&str> = att.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["outcome"].as_str())
        .collect();
    assert!(
        outcomes.contains("present") && outcomes.contains("no_show"),
        "{outcomes:?}"
    );
    let attended = att.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["outcome"] == "present")
        .unwrap();
    let month = held.body["items"][0]["starts_at"].as_str().unwrap()[..7].to_string();
    let hours = app
        .get(
            &format!(
                "/api/v1/participants/{}/hours?month={month}",
                attended["participant_id"].as_str().unwrap()
            ),
            &office,
        )
        .await;
    assert!(
        hours.body["balance"].as_f64().unwrap() >= 2.0,
        "{}",
        hours.body
    );
    let v = app.get("/api/v1/audit-events/verify", &admin).await;
    assert_eq!(v.body["ok"], true);
    let mut prod = settings;
    prod.env = Environment::Production;
    assert!(cli::demo(prod).await.is_err(), "demo refuses production");
}

#[tokio::test]
async fn admin_create_user_checks_the_role_and_creates_a_working_login() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let bureau: uuid::Uuid = app.get("/api/v1/me", &admin).await.body["organization_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let args = |role: &str| CreateUserArgs {
        email: format!("{role}@cli.huigui.cn"),
        role: role.into(),
        organization_id: bureau,
        display_name: None,
        password: Some("cli-password-123".into()),
    };
    assert!(
        cli::create_user(app.state.settings.clone(), args("auditor"))
            .await
            .is_err()
    );
    cli::create_user(app.state.settings.clone(), args("officer"))
        .await
        .unwrap();
    app.token("officer@cli.huigui.cn", "cli-password-123").await;
}

/// The demo's collaboration: a closed county meeting with two decisions and
/// three tasks (one overdue, one done), a township meeting, two findings
/// (one answered, one overdue).
async fn demo_collaboration(app: &TestApp, officer: &str) {
    let items = |v: &serde_json::Value| v["items"].as_array().unwrap().clone();
    let meetings = items(&app.get("/api/v1/meetings", officer).await.body);
    assert_eq!(meetings.len(), 2);
    let county = meetings.iter().find(|m| m["level"] == "county").unwrap();
    assert_eq!(county["status"], "closed");
    assert!(meetings.iter().any(|m| m["level"] == "township"));
    let id = county["id"].as_str().unwrap();
    let decisions = items(
        &app.get(&format!("/api/v1/meetings/{id}/items"), officer)
            .await
            .body,
    );
    assert_eq!(decisions.len(), 2);
    let tasks = items(
        &app.get(&format!("/api/v1/meetings/{id}/tasks"), officer)
            .await
            .body,
    );
    assert_eq!(tasks.len(), 3);
    assert_eq!(tasks.iter().filter(|t| t["overdue"] == true).count(), 1);
    assert_eq!(tasks.iter().filter(|t| t["status"] == "done").count(), 1);
    let findings = items(&app.get("/api/v1/findings", officer).await.body);
    assert_eq!(findings.len(), 2);
    assert!(findings.iter().any(|f| f["status"] == "responded"));
    assert!(findings.iter().any(|f| f["overdue"] == true));
    let notices = items(&app.get("/api/v1/assistance-notices", officer).await.body);
    assert_eq!(notices.len(), 2);
    assert_eq!(
        notices
            .iter()
            .filter(|n| n["status"] == "acknowledged")
            .count(),
        1
    );
    // A correction team for the woman among them, with a woman on it.
    let mut teams = Vec::new();
    for n in &notices {
        let p = n["participant_id"].as_str().unwrap();
        teams.push(
            app.get(&format!("/api/v1/participants/{p}/team"), officer)
                .await
                .body,
        );
    }
    let team = teams
        .iter()
        .find(|t| t["version"] == 1)
        .expect("a demo team");
    let members = team["members"].as_array().unwrap();
    assert_eq!(members.len(), 4);
    assert!(members.iter().any(|m| m["gender"] == "female"));
    // And her plan in two versions, the second in effect.
    let p = team["participant_id"].as_str().unwrap();
    let plans = items(
        &app.get(&format!("/api/v1/participants/{p}/plans"), officer)
            .await
            .body,
    );
    let flags: Vec<(i64, bool)> = plans
        .iter()
        .map(|v| (v["version"].as_i64().unwrap(), v["in_effect"] == true))
        .collect();
    assert_eq!(flags, [(1, false), (2, true)]);
}
