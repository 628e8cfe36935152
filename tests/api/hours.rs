//! The hours ledger: attendance postings, manual entries and approval,
//! reversals, month closing, requirement policies, and the balance invariant.

use chrono::Duration;
use serde_json::{Value, json};

use crate::{
    helpers::{Resp, World},
    sessions::running_session,
};

/// The month view, checked for the ledger invariant: the balance and every
/// category's earned hours equal the sums of the counted entries.
async fn month(w: &World, token: &str, person: &str, month: &str) -> Value {
    let r = w
        .app
        .get(
            &format!("/api/v1/participants/{person}/hours?month={month}"),
            w.token(token),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let entries = r.body["entries"].as_array().unwrap();
    let sum = |cat: Option<&str>| -> f64 {
        entries
            .iter()
            .filter(|e| e["counted"] == true && cat.is_none_or(|c| e["category"] == c))
            .map(|e| e["hours"].as_f64().unwrap())
            .sum()
    };
    assert!(
        (r.body["balance"].as_f64().unwrap() - sum(None)).abs() < 1e-9,
        "{}",
        r.body
    );
    for cat in ["education", "public_welfare", "volunteer"] {
        assert!(
            (r.body["earned"][cat].as_f64().unwrap() - sum(Some(cat))).abs() < 1e-9,
            "{cat}: {}",
            r.body
        );
    }
    r.body
}

async fn close_session(w: &World, sid: &str) -> Resp {
    w.app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await
}

fn this_month(w: &World) -> String {
    w.app
        .state
        .clock
        .today(w.app.state.settings.tz())
        .format("%Y-%m")
        .to_string()
}

#[tokio::test]
async fn attendance_manual_entries_reversals_and_closed_months() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 2).await;
    let m = start
        .with_timezone(&w.app.state.settings.tz())
        .format("%Y-%m")
        .to_string();
    let path = format!("/api/v1/sessions/{sid}/attendance");
    w.app.state.clock.advance(Duration::hours(2));
    for (kind, at) in [
        ("check_in", start - Duration::minutes(5)),
        ("check_out", start + Duration::hours(2)),
    ] {
        let r = w
            .app
            .post(&path, Some(w.token("ngo_staff")), json!({"participant_id": people[0], "kind": kind, "at": at.to_rfc3339(), "source": "staff"}))
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    assert_eq!(close_session(&w, &sid).await.status, 200);

    // The session's credit is posted once, as education hours, from attendance.
    let v = month(&w, "office_staff", &people[0], &m).await;
    assert_eq!(v["earned"]["education"], 2.0);
    assert_eq!(v["required"]["education"], 8.0, "ordinary level default");
    assert_eq!(v["required"]["public_welfare"], 8.0);
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0]["source"].as_str(), entries[0]["status"].as_str()),
        (Some("attendance"), Some("posted"))
    );
    let attendance_entry = entries[0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        month(&w, "office_staff", &people[1], &m).await["balance"],
        0.0,
        "no-show earns nothing"
    );
    // The NGO sees the entries from its own sessions; another NGO sees nothing; agencies may not read.
    assert_eq!(
        month(&w, "ngo_staff", &people[0], &m).await["entries"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let hours_path = format!("/api/v1/participants/{}/hours?month={m}", people[0]);
    assert_eq!(
        w.app.get(&hours_path, w.token("ngo_b_admin")).await.status,
        404
    );
    assert_eq!(
        w.app.get(&hours_path, w.token("agency_staff")).await.status,
        403
    );
    let bad = w
        .app
        .get(
            &format!("/api/v1/participants/{}/hours?month=2027-13", people[0]),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(
        (bad.status, bad.problem_code()),
        (422, "validation_failed".to_string())
    );

    // A manual public-welfare entry is pending (not counted) until the office approves it.
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let manual = |hours: f64, date: chrono::NaiveDate| json!({"category": "public_welfare", "hours": hours, "date": date.to_string(), "description": "敬老院公益劳动"});
    let post_hours = format!("/api/v1/participants/{}/hours", people[0]);
    let e = w
        .app
        .post(
            &post_hours,
            Some(w.token("office_staff")),
            manual(3.0, today),
        )
        .await;
    assert_eq!(e.status, 201, "{}", e.body);
    assert_eq!(
        (e.body["status"].as_str(), e.body["counted"].as_bool()),
        (Some("pending"), Some(false))
    );
    let manual_id = e.id();
    let now_m = this_month(&w);
    assert_eq!(
        month(&w, "office_staff", &people[0], &now_m).await["earned"]["public_welfare"],
        0.0
    );
    for (body, field) in [
        (manual(0.0, today), "hours"),
        (manual(1.234, today), "hours"),
        (manual(25.0, today), "hours"),
        (manual(1.0, today + Duration::days(3)), "date"),
        (
            json!({"category": "volunteer", "hours": 1.0, "date": today.to_string(), "description": "x"}),
            "category",
        ),
    ] {
        let r = w
            .app
            .post(&post_hours, Some(w.token("office_staff")), body)
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(
            r.body["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["field"] == field),
            "{}",
            r.body
        );
    }
    let approve = format!("/api/v1/hours/{manual_id}/approve");
    assert_eq!(
        w.app
            .post(&approve, Some(w.token("ngo_staff")), json!({}))
            .await
            .status,
        403
    );
    assert_eq!(
        w.app
            .post(&approve, Some(w.token("ngo_b_admin")), json!({}))
            .await
            .status,
        404
    );
    let a = w
        .app
        .post(&approve, Some(w.token("office_staff")), json!({}))
        .await;
    assert_eq!(
        (a.status, a.body["status"].as_str()),
        (200, Some("approved")),
        "{}",
        a.body
    );
    assert_eq!(
        w.app
            .post(&approve, Some(w.token("office_staff")), json!({}))
            .await
            .status,
        409
    );
    assert_eq!(
        month(&w, "office_staff", &people[0], &now_m).await["earned"]["public_welfare"],
        3.0
    );
    let attendance_approve = format!("/api/v1/hours/{attendance_entry}/approve");
    assert_eq!(
        w.app
            .post(
                &attendance_approve,
                Some(w.token("office_staff")),
                json!({})
            )
            .await
            .status,
        409
    );

    // A pending entry reversed is rejected and never counted.
    let p2 = w
        .app
        .post(
            &post_hours,
            Some(w.token("office_staff")),
            manual(1.5, today),
        )
        .await
        .id();
    let rej = w
        .app
        .post(
            &format!("/api/v1/hours/{p2}/reverse"),
            Some(w.token("office_staff")),
            json!({"reason": "地点未经批准"}),
        )
        .await;
    assert_eq!(
        (rej.status, rej.body["hours"].as_f64()),
        (201, Some(0.0)),
        "{}",
        rej.body
    );
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/hours/{p2}/approve"),
                Some(w.token("office_staff")),
                json!({})
            )
            .await
            .status,
        409
    );
    let after = month(&w, "office_staff", &people[0], &now_m).await;
    let p2_row = after["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == p2.as_str())
        .unwrap()
        .clone();
    assert_eq!(p2_row["status"], "rejected");
    assert_eq!(after["earned"]["public_welfare"], 3.0);

    // The month closes only after it ended, once; then it changes only through reversals.
    let close = |mm: &str| format!("/api/v1/hours/months/{mm}/close");
    assert_eq!(
        w.app
            .post(&close(&now_m), Some(w.token("office_staff")), json!({}))
            .await
            .status,
        409
    );
    w.app.state.clock.advance(Duration::days(40));
    assert_eq!(
        w.app
            .post(&close(&now_m), Some(w.token("ngo_staff")), json!({}))
            .await
            .status,
        403
    );
    let c = w
        .app
        .post(&close(&now_m), Some(w.token("office_staff")), json!({}))
        .await;
    assert_eq!(c.status, 200, "{}", c.body);
    assert_eq!(c.body["month"], now_m.as_str());
    assert_eq!(
        w.app
            .post(&close(&now_m), Some(w.token("office_staff")), json!({}))
            .await
            .status,
        409
    );
    let late = w
        .app
        .post(
            &post_hours,
            Some(w.token("office_staff")),
            manual(1.0, today),
        )
        .await;
    assert_eq!(
        late.status, 409,
        "no new entries in a closed month: {}",
        late.body
    );
    let open = w
        .app
        .post(
            &post_hours,
            Some(w.token("office_staff")),
            manual(1.0, w.app.state.clock.today(w.app.state.settings.tz())),
        )
        .await;
    assert_eq!(open.status, 201, "the next month is open: {}", open.body);
    let before = month(&w, "office_staff", &people[0], &now_m).await;
    assert_eq!(before["closed"], true);
    let rev = w
        .app
        .post(
            &format!("/api/v1/hours/{manual_id}/reverse"),
            Some(w.token("office_staff")),
            json!({"reason": "重复登记"}),
        )
        .await;
    assert_eq!(rev.status, 201, "{}", rev.body);
    assert_eq!(
        (rev.body["hours"].as_f64(), rev.body["month"].as_str()),
        (Some(-3.0), Some(now_m.as_str()))
    );
    assert_eq!(rev.body["reverses_id"], manual_id.as_str());
    let again = w
        .app
        .post(
            &format!("/api/v1/hours/{manual_id}/reverse"),
            Some(w.token("office_staff")),
            json!({"reason": "x"}),
        )
        .await;
    assert_eq!(again.status, 409);
    let rev_id = rev.id();
    assert_eq!(
        w.app
            .post(
                &format!("/api/v1/hours/{rev_id}/reverse"),
                Some(w.token("office_staff")),
                json!({"reason": "x"})
            )
            .await
            .status,
        409
    );
    let closed_after = month(&w, "office_staff", &people[0], &now_m).await;
    assert_eq!(closed_after["earned"]["public_welfare"], 0.0);
    assert_eq!(
        closed_after["entries"].as_array().unwrap().len(),
        before["entries"].as_array().unwrap().len() + 1,
        "exactly one reversing entry was added"
    );
    // Rows are only ever inserted: nothing was updated or deleted.
    assert_eq!(w.app.count("hours_entries").await, 6);
    assert_eq!(w.app.count("hours_approvals").await, 1);
    let audit = w
        .app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await;
    let actions: Vec<&str> = audit.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for a in [
        "hours.create",
        "hours.approve",
        "hours.reverse",
        "hours.close_month",
    ] {
        assert!(actions.contains(&a), "{a} audited");
    }
}

#[tokio::test]
async fn a_session_in_a_closed_month_posts_to_the_current_month() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 1).await;
    let tz = w.app.state.settings.tz();
    let m = start.with_timezone(&tz).format("%Y-%m").to_string();
    let r = w
        .app
        .post(&format!("/api/v1/sessions/{sid}/attendance"), Some(w.token("ngo_staff")), json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": "staff"}))
        .await;
    assert_eq!(r.status, 201);
    w.app.state.clock.advance(Duration::days(40));
    let c = w
        .app
        .post(
            &format!("/api/v1/hours/months/{m}/close"),
            Some(w.token("office_staff")),
            json!({}),
        )
        .await;
    assert_eq!(c.status, 200, "{}", c.body);
    assert_eq!(close_session(&w, &sid).await.status, 200);
    assert_eq!(
        month(&w, "office_staff", &people[0], &m).await["balance"],
        0.0,
        "closed month untouched"
    );
    let now_m = this_month(&w);
    let v = month(&w, "office_staff", &people[0], &now_m).await;
    assert_eq!(v["earned"]["education"], 2.0);
    assert_eq!(
        v["entries"][0]["date"],
        start.with_timezone(&tz).date_naive().to_string()
    );
}

#[tokio::test]
async fn requirement_policy_sets_what_a_month_requires_and_its_status() {
    let w = World::new().await;
    let d = w
        .app
        .get("/api/v1/policies/requirements", w.token("office_staff"))
        .await;
    assert_eq!(d.status, 200);
    assert_eq!(d.body["configured"], false);
    assert_eq!(
        (
            d.body["strict"]["education"].as_f64(),
            d.body["ordinary"]["public_welfare"].as_f64(),
            d.body["lenient"]["education"].as_f64()
        ),
        (Some(12.0), Some(8.0), Some(4.0))
    );
    let body = json!({"strict": {"education": 10, "public_welfare": 10}, "ordinary": {"education": 2, "public_welfare": 0},
                      "lenient": {"education": 1, "public_welfare": 0}, "at_risk_day": 10});
    let path = "/api/v1/policies/requirements";
    assert_eq!(
        w.app
            .put(path, w.token("office_staff"), body.clone(), None)
            .await
            .status,
        403
    );
    let mut bad = body.clone();
    bad["at_risk_day"] = json!(31);
    bad["strict"]["education"] = json!(-1);
    let b = w.app.put(path, w.token("admin"), bad, None).await;
    assert_eq!(b.status, 422);
    assert_eq!(b.body["errors"].as_array().unwrap().len(), 2, "{}", b.body);
    let mut extra = body.clone();
    extra["hours_credited"] = json!(1);
    assert!(matches!(
        w.app.put(path, w.token("admin"), extra, None).await.status,
        400 | 422
    ));
    let p = w.app.put(path, w.token("admin"), body.clone(), None).await;
    assert_eq!(p.status, 200, "{}", p.body);
    let etag = p.header("etag").unwrap().to_string();
    assert_eq!(
        w.app
            .put(path, w.token("admin"), body.clone(), Some("\"0\""))
            .await
            .status,
        412
    );
    assert_eq!(
        w.app
            .put(path, w.token("admin"), body.clone(), Some(&etag))
            .await
            .status,
        200
    );
    let g = w.app.get(path, w.token("ngo_staff")).await;
    assert_eq!(
        (
            g.body["configured"].as_bool(),
            g.body["ordinary"]["education"].as_f64()
        ),
        (Some(true), Some(2.0))
    );

    // With 2 h + 0 h required of ordinary-level people, one closed 2-hour session meets the month.
    let (sid, people, start) = running_session(&w, false, 2).await;
    let r = w
        .app
        .post(&format!("/api/v1/sessions/{sid}/attendance"), Some(w.token("ngo_staff")), json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": "staff"}))
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(close_session(&w, &sid).await.status, 200);
    let m = start
        .with_timezone(&w.app.state.settings.tz())
        .format("%Y-%m")
        .to_string();
    let met = month(&w, "office_staff", &people[0], &m).await;
    assert_eq!(
        (
            met["required"]["education"].as_f64(),
            met["status"].as_str()
        ),
        (Some(2.0), Some("met"))
    );
    let other = month(&w, "office_staff", &people[1], &m).await;
    assert_ne!(other["status"], "met");
    w.app.state.clock.advance(Duration::days(40));
    assert_eq!(
        month(&w, "office_staff", &people[1], &m).await["status"],
        "not_met",
        "an ended month below the requirement"
    );
}
