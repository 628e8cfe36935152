//! Participants: registration rules, ID validation, encryption at rest,
//! masking per role, reveal auditing, transitions and transfers.

use huigui::domain::id_number::IdNumber;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::World;

fn id_for(birth: &str, serial: u32) -> String {
    IdNumber::complete(&format!("142327{birth}{serial:03}"))
        .unwrap()
        .as_str()
        .to_string()
}

fn subject(id_number: &str) -> Value {
    json!({
        "kind": "correction_subject", "name": "王某", "id_number": id_number, "phone": "13800000000",
        "correction_type": "probation", "supervision_level": "ordinary",
        "correction_start": "2026-03-01", "correction_end": "2027-02-28",
        "skills": ["电工", "烹饪"], "able_to_work": true, "medical_needs": false
    })
}

async fn register(w: &World, body: Value) -> crate::helpers::Resp {
    w.app
        .post("/api/v1/participants", Some(w.token("office_staff")), body)
        .await
}

#[tokio::test]
async fn office_registers_a_person_with_derived_fields_and_full_id() {
    let w = World::new().await;
    let id = id_for("19850615", 123);
    let r = register(&w, subject(&id)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["id_number"], id.as_str());
    assert_eq!(
        r.body["id_number_masked"],
        format!("142327********{}", &id[14..])
    );
    assert_eq!(r.body["birth_date"], "1985-06-15");
    assert_eq!(r.body["gender"], "male", "17th digit 3 is odd");
    assert_eq!(r.body["minor"], false);
    assert_eq!(r.body["judicial_office_id"], w.office.as_str());
    assert!(r.body["code"].as_str().unwrap().starts_with("HG-"));
    let dup = register(&w, subject(&id)).await;
    assert_eq!(dup.status, 409, "duplicate active registration");
    let mut bad = subject(&id);
    bad["id_number"] = json!(
        format!("{}0", &id[..17]).replace(&id[17..], if &id[17..] == "0" { "1" } else { "0" })
    );
    let r = register(&w, bad).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["errors"][0]["field"], "id_number");
    let mut missing = subject(&id_for("19900101", 222));
    missing["supervision_level"] = Value::Null;
    let r = register(&w, missing).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["errors"][0]["field"], "supervision_level");
}

#[tokio::test]
async fn id_numbers_are_encrypted_at_rest() {
    let w = World::new().await;
    let id = id_for("19850615", 124);
    assert_eq!(register(&w, subject(&id)).await.status, 201);
    let rows = w
        .app
        .state
        .db
        .read
        .query_all_raw(sea_orm::Statement::from_string(
            w.app.state.db.backend(),
            "SELECT * FROM participants".to_string(),
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let dump = format!("{rows:?}");
    assert!(
        !dump.contains(&id[6..14]),
        "the birth-date digits of the number must not be stored in clear"
    );
    let audit = w
        .app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await;
    assert!(
        !audit.body.to_string().contains(&id),
        "no ID number in the audit trail"
    );
}

#[tokio::test]
async fn who_sees_what() {
    let w = World::new().await;
    let id = id_for("19850615", 125);
    let pid = register(&w, subject(&id)).await.id();
    let path = format!("/api/v1/participants/{pid}");
    for key in ["admin", "officer", "office_staff"] {
        let r = w.app.get(&path, w.token(key)).await;
        assert_eq!(r.status, 200, "{key}");
        assert_eq!(
            r.body["id_number"],
            id.as_str(),
            "{key} sees the full number"
        );
    }
    let r = w.app.get(&path, w.token("auditor")).await;
    assert_eq!(r.status, 200);
    assert!(r.body["id_number"].is_null());
    assert!(!r.body.to_string().contains(&id));
    assert_eq!(r.body["name"], "王某");
    // NGOs see persons under correction only once enrolled in their sessions; agencies only via referrals.
    for key in ["ngo_admin", "ngo_staff", "agency_staff"] {
        assert_eq!(w.app.get(&path, w.token(key)).await.status, 404, "{key}");
        let list = w.app.get("/api/v1/participants", w.token(key)).await;
        assert!(!list.body.to_string().contains(&id[14..]), "{key}");
    }
    let reveals = w
        .app
        .get(
            &format!("/api/v1/audit-events?action=participant.reveal_id&object_id={pid}"),
            w.token("admin"),
        )
        .await;
    assert!(
        reveals.body["items"].as_array().unwrap().len() >= 3,
        "every full-ID reveal is audited"
    );
}

#[tokio::test]
async fn another_office_gets_404_and_transfer_moves_the_person() {
    let w = World::new().await;
    let office2 = w
        .app
        .post(
            "/api/v1/organizations",
            Some(w.token("admin")),
            json!({"kind": "judicial_office", "name": "开栅镇司法所", "uscc": crate::helpers::uscc(77), "township": "开栅镇"}),
        )
        .await
        .id();
    w.app
        .post(
            "/api/v1/users",
            Some(w.token("admin")),
            json!({"email": "office2@test.huigui.cn", "display_name": "o2", "role": "office_staff",
                   "organization_id": office2, "password": crate::helpers::PASSWORD}),
        )
        .await;
    let t2 = w
        .app
        .token("office2@test.huigui.cn", crate::helpers::PASSWORD)
        .await;
    let pid = register(&w, subject(&id_for("19850615", 126))).await.id();
    let path = format!("/api/v1/participants/{pid}");
    assert_eq!(w.app.get(&path, &t2).await.status, 404);
    assert_eq!(
        w.app
            .post(&format!("{path}/release"), Some(&t2), json!({}))
            .await
            .status,
        404
    );
    let r = w
        .app
        .post(
            &format!("{path}/transfer"),
            Some(w.token("office_staff")),
            json!({"to_office_id": office2, "reason": "居住地变更"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["judicial_office_id"], office2.as_str());
    assert_eq!(r.body["transfers"].as_array().unwrap().len(), 1);
    assert_eq!(
        w.app.get(&path, w.token("office_staff")).await.status,
        404,
        "no longer the old office's"
    );
    let now_theirs = w.app.get(&path, &t2).await;
    assert_eq!(now_theirs.status, 200);
    assert!(
        now_theirs.body["id_number"].is_string(),
        "the new office sees the full number"
    );
    let rel = w
        .app
        .post(
            &format!("{path}/release"),
            Some(&t2),
            json!({"date": "2027-02-28", "reason": "期满"}),
        )
        .await;
    assert_eq!(rel.body["status"], "released");
    let again = w
        .app
        .post(&format!("{path}/revoke"), Some(&t2), json!({}))
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(again.problem_code(), "invalid_transition");
    // After release the same number may be registered again.
    assert_eq!(
        register(&w, subject(&id_for("19850615", 126))).await.status,
        201
    );
}

#[tokio::test]
async fn minors_are_flagged_and_volunteers_belong_to_ngos() {
    let w = World::new().await;
    let minor = register(&w, subject(&id_for("20120101", 200))).await;
    assert_eq!(minor.status, 201);
    assert_eq!(minor.body["minor"], true);
    assert_eq!(minor.body["gender"], "female", "17th digit 0 is even");
    let vol = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            json!({"kind": "volunteer", "name": "李志愿", "phone": "13900000000"}),
        )
        .await;
    assert_eq!(vol.status, 201, "{}", vol.body);
    assert_eq!(vol.body["ngo_id"], w.ngo_a.as_str());
    assert!(vol.body["id_number"].is_null());
    let list = w
        .app
        .get("/api/v1/participants", w.token("ngo_admin"))
        .await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        w.app
            .get(
                &format!("/api/v1/participants/{}", vol.id()),
                w.token("ngo_b_admin")
            )
            .await
            .status,
        404
    );
    let wrong = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            subject(&id_for("19800101", 301)),
        )
        .await;
    assert_eq!(
        wrong.status, 422,
        "NGOs do not register persons under correction"
    );
    let wrong = register(&w, json!({"kind": "volunteer", "name": "x"})).await;
    assert_eq!(wrong.status, 422, "offices do not register volunteers");
    for key in ["officer", "auditor", "agency_staff", "admin"] {
        let r = w
            .app
            .post(
                "/api/v1/participants",
                Some(w.token(key)),
                subject(&id_for("19800101", 302)),
            )
            .await;
        assert_eq!(r.status, 403, "{key}");
    }
    let r = w
        .app
        .post(
            &format!("/api/v1/participants/{}/release", minor.id()),
            Some(w.token("ngo_admin")),
            json!({}),
        )
        .await;
    assert_eq!(r.status, 403);
}

fn ids(r: &crate::helpers::Resp) -> Vec<String> {
    assert_eq!(r.status, 200, "{}", r.body);
    let mut v: Vec<String> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn the_list_filters_by_level_text_and_this_months_hours_status() {
    use crate::sessions::running_session;
    let w = World::new().await;
    let app = &w.app;
    let list = |query: &str, who: &'static str| {
        let path = format!("/api/v1/participants?{query}");
        let token = w.token(who).to_string();
        async move { app.get(&path, &token).await }
    };
    // Two hours of education a month for ordinary people, judged from day 1.
    let policy = json!({"strict": {"education": 10, "public_welfare": 0}, "ordinary": {"education": 2, "public_welfare": 0},
                        "lenient": {"education": 1, "public_welfare": 0}, "at_risk_day": 1});
    let r = w
        .app
        .put(
            "/api/v1/policies/requirements",
            w.token("admin"),
            policy,
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let (sid, people, start) = running_session(&w, false, 3).await;
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
    let tz = w.app.state.settings.tz();
    let m = start.with_timezone(&tz).format("%Y-%m").to_string();
    let ongoing = w.app.state.clock.today(tz).format("%Y-%m").to_string() == m;

    // Month status: the one who attended met the month; the others are behind.
    let met = list(&format!("month={m}&month_status=met"), "office_staff").await;
    assert_eq!(ids(&met), vec![people[0].clone()]);
    let mut behind = people[1..].to_vec();
    behind.sort();
    let want = if ongoing { "at_risk" } else { "not_met" };
    let r = list(&format!("month={m}&month_status={want}"), "office_staff").await;
    assert_eq!(ids(&r), behind);
    let other = if ongoing { "not_met" } else { "at_risk" };
    assert!(
        ids(&list(&format!("month={m}&month_status={other}"), "office_staff").await).is_empty()
    );
    // Paged one at a time, the filtered pages still chain with cursors.
    let first = list(
        &format!("month={m}&month_status={want}&limit=1"),
        "office_staff",
    )
    .await;
    assert_eq!(ids(&first), vec![behind[0].clone()]);
    let cursor = first.body["next_cursor"]
        .as_str()
        .expect("a second page")
        .to_string();
    let second = list(
        &format!("month={m}&month_status={want}&limit=1&cursor={cursor}"),
        "office_staff",
    )
    .await;
    assert_eq!(ids(&second), vec![behind[1].clone()]);
    assert!(second.body["next_cursor"].is_null(), "{}", second.body);
    // Volunteers have no requirement: never in a month-status list.
    let vol = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            json!({"kind": "volunteer", "name": "李志愿"}),
        )
        .await;
    assert_eq!(vol.status, 201);
    for s in ["on_track", "at_risk", "met", "not_met"] {
        let r = list(&format!("month_status={s}"), "ngo_admin").await;
        assert!(!ids(&r).contains(&vol.id()), "{s}");
    }
    assert_eq!(
        list("month=2026-13&month_status=met", "office_staff")
            .await
            .status,
        422
    );
    assert_eq!(
        list("month=null", "office_staff").await.status,
        422,
        "a bad month is refused even without month_status"
    );
    assert_eq!(list("month_status=late", "office_staff").await.status, 400);

    // Supervision level.
    let mut strict = subject(&id_for("19750101", 401));
    strict["supervision_level"] = json!("strict");
    strict["name"] = json!("张三丰");
    let strict = register(&w, strict).await;
    assert_eq!(strict.status, 201, "{}", strict.body);
    assert_eq!(
        ids(&list("supervision_level=strict", "office_staff").await),
        vec![strict.id()]
    );

    // Text: part of the name, or of the code (case-blind); `%` is literal.
    assert_eq!(
        ids(&list("q=%E4%B8%89%E4%B8%B0", "office_staff").await),
        vec![strict.id()]
    );
    let code = strict.body["code"].as_str().unwrap().to_lowercase();
    assert_eq!(
        ids(&list(&format!("q={}", &code[3..]), "office_staff").await),
        vec![strict.id()]
    );
    assert!(ids(&list("q=%25", "office_staff").await).is_empty());
    assert_eq!(list("q=%20", "office_staff").await.status, 422, "blank");

    // A minor's name is not searchable by anyone who sees the minor by code only.
    let minor = register(&w, subject(&id_for("20120101", 402))).await;
    let mut named = subject(&id_for("20120101", 403));
    named["name"] = json!("少年甲");
    let minor_named = register(&w, named).await;
    assert_eq!((minor.status, minor_named.status), (201, 201));
    let contract = crate::sessions::active_contract(&w).await;
    let later = w.app.state.clock.now() + chrono::Duration::days(2);
    let s = crate::sessions::session(&w, &contract, "education", later, 10).await;
    assert_eq!(s.status, 201, "{}", s.body);
    let r = crate::sessions::enroll(&w, &s.id(), &minor_named.id()).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let by_name = "q=%E5%B0%91%E5%B9%B4%E7%94%B2";
    assert_eq!(
        ids(&list(by_name, "office_staff").await),
        vec![minor_named.id()]
    );
    assert_eq!(ids(&list(by_name, "officer").await), vec![minor_named.id()]);
    assert!(ids(&list(by_name, "auditor").await).is_empty());
    assert!(ids(&list(by_name, "ngo_staff").await).is_empty());
    let code = minor_named.body["code"].as_str().unwrap();
    assert_eq!(
        ids(&list(&format!("q={code}"), "ngo_staff").await),
        vec![minor_named.id()]
    );
}
