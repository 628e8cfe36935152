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
