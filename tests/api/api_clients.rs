//! Partner-app clients: created by an NGO admin, secret shown once, revocable.

use serde_json::json;

use crate::helpers::World;

#[tokio::test]
async fn client_credentials_flow_and_revocation() {
    let w = World::new().await;
    let app = &w.app;
    let r = app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "村委会签到机", "scopes": ["attendance:write", "sessions:read", "sessions:read"]}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["organization_id"], w.ngo_a.as_str());
    assert_eq!(
        r.body["scopes"],
        json!(["attendance:write", "sessions:read"])
    );
    let id = r.id();
    let client_id = r.body["client_id"].as_str().unwrap().to_string();
    let secret = r.body["client_secret"].as_str().unwrap().to_string();
    let listed = app.get("/api/v1/api-clients", w.token("ngo_admin")).await;
    let items = listed.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert!(
        items[0].get("client_secret").is_none(),
        "secret is shown only once"
    );
    assert!(!listed.body.to_string().contains(&secret));
    let token = app
        .post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": client_id, "client_secret": secret}),
        )
        .await;
    assert_eq!(token.status, 200, "{}", token.body);
    assert_eq!(token.body["scope"], "attendance:write sessions:read");
    let wrong = app
        .post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": client_id, "client_secret": "nope"}),
        )
        .await;
    assert_eq!(wrong.status, 401);
    // Another NGO cannot see or revoke it.
    let other = app.get("/api/v1/api-clients", w.token("ngo_b_admin")).await;
    assert!(other.body["items"].as_array().unwrap().is_empty());
    let r = app
        .delete(&format!("/api/v1/api-clients/{id}"), w.token("ngo_b_admin"))
        .await;
    assert_eq!(r.status, 404);
    let r = app
        .delete(&format!("/api/v1/api-clients/{id}"), w.token("ngo_admin"))
        .await;
    assert_eq!(r.status, 204);
    let after = app
        .post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": client_id, "client_secret": secret}),
        )
        .await;
    assert_eq!(after.status, 401, "revoked clients get no tokens");
}

#[tokio::test]
async fn a_client_needs_a_name_and_a_scope() {
    let w = World::new().await;
    let r = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "x", "scopes": []}),
        )
        .await;
    assert_eq!(r.status, 422);
    let r = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "x", "scopes": ["everything"]}),
        )
        .await;
    assert_eq!(r.status, 400);
}
