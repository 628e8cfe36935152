//! Every write leaves a hash-chained audit event; tampering is detected.

use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{TestApp, World, uscc};

#[tokio::test]
async fn writes_are_audited_with_actor_and_request_id() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let r = app
        .send(
            poem::http::Method::POST,
            "/api/v1/organizations",
            Some(&admin),
            Some(
                json!({"kind": "ngo", "name": "A", "uscc": uscc(1)})
                    .to_string()
                    .into_bytes(),
            ),
            &[("x-request-id", "req-audit-1")],
        )
        .await;
    assert_eq!(r.status, 201);
    let id = r.id();
    let events = app
        .get(&format!("/api/v1/audit-events?object_id={id}"), &admin)
        .await;
    let items = events.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let e = &items[0];
    assert_eq!(e["action"], "organization.create");
    assert_eq!(e["object_type"], "organization");
    assert_eq!(e["request_id"], "req-audit-1");
    assert_eq!(e["actor_type"], "user");
    assert!(e["actor_id"].is_string() && e["organization_id"].is_string());
    assert_eq!(e["hash"].as_str().unwrap().len(), 64);
}

#[tokio::test]
async fn chain_verifies_and_tampering_is_located() {
    let w = World::new().await;
    let app = &w.app;
    let v = app
        .get("/api/v1/audit-events/verify", w.token("auditor"))
        .await;
    assert_eq!(v.status, 200);
    assert_eq!(v.body["ok"], true);
    let total = app.count("audit_events").await;
    assert_eq!(v.body["checked"], total);
    assert!(v.body["first_bad_id"].is_null());
    let list = app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await;
    let items = list.body["items"].as_array().unwrap();
    let victim = &items[5];
    let seq = victim["seq"].as_i64().unwrap();
    app.state
        .db
        .write
        .execute_unprepared(&format!(
            "UPDATE audit_events SET summary = '{{\"tampered\":true}}' WHERE seq = {seq}"
        ))
        .await
        .unwrap();
    let v = app
        .get("/api/v1/audit-events/verify", w.token("admin"))
        .await;
    assert_eq!(v.body["ok"], false);
    assert_eq!(v.body["first_bad_id"], victim["id"]);
    assert_eq!(v.body["checked"], seq - 1);
}

#[tokio::test]
async fn a_removed_event_is_detected() {
    let w = World::new().await;
    let app = &w.app;
    let list = app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await;
    let items = list.body["items"].as_array().unwrap();
    let (gone, next) = (&items[3], &items[4]);
    app.state
        .db
        .write
        .execute_unprepared(&format!(
            "DELETE FROM audit_events WHERE seq = {}",
            gone["seq"]
        ))
        .await
        .unwrap();
    let v = app
        .get("/api/v1/audit-events/verify", w.token("auditor"))
        .await;
    assert_eq!(v.body["ok"], false);
    assert_eq!(v.body["first_bad_id"], next["id"]);
}

#[tokio::test]
async fn audit_pages_follow_the_chain_order() {
    let w = World::new().await;
    let first = w
        .app
        .get("/api/v1/audit-events?limit=3", w.token("admin"))
        .await;
    let items = first.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["seq"], 1);
    let cursor = first.body["next_cursor"].as_str().unwrap();
    let second = w
        .app
        .get(
            &format!("/api/v1/audit-events?limit=3&cursor={cursor}"),
            w.token("admin"),
        )
        .await;
    assert_eq!(second.body["items"][0]["seq"], 4);
    assert_eq!(second.body["items"][0]["prev_hash"], items[2]["hash"]);
}
