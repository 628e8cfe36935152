//! Idempotency-Key: replay, mismatch, concurrency, tenant scoping.

use poem::http::Method;
use serde_json::json;

use crate::helpers::{World, uscc};

async fn post_with_key(
    w: &World,
    token: &str,
    key: &str,
    body: &serde_json::Value,
) -> crate::helpers::Resp {
    w.app
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(token),
            Some(body.to_string().into_bytes()),
            &[("idempotency-key", key)],
        )
        .await
}

#[tokio::test]
async fn same_key_same_body_replays_and_different_body_is_422() {
    let w = World::new().await;
    let admin = w.token("admin");
    let body = json!({"kind": "ngo", "name": "Idem", "uscc": uscc(500)});
    let before = w.app.count("organizations").await;
    let first = post_with_key(&w, admin, "k-1", &body).await;
    assert_eq!(first.status, 201, "{}", first.body);
    let again = post_with_key(&w, admin, "k-1", &body).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(w.app.count("organizations").await, before + 1);
    let other = json!({"kind": "ngo", "name": "Other", "uscc": uscc(501)});
    let mismatch = post_with_key(&w, admin, "k-1", &other).await;
    assert_eq!(mismatch.status, 422);
    assert_eq!(mismatch.problem_code(), "validation_failed");
    assert_eq!(w.app.count("organizations").await, before + 1);
}

#[tokio::test]
async fn concurrent_identical_posts_create_one_row_and_answer_alike() {
    let w = World::new().await;
    let admin = w.token("admin").to_string();
    let body = json!({"kind": "ngo", "name": "Racy", "uscc": uscc(600)});
    let before = w.app.count("organizations").await;
    let futures = (0..10).map(|_| post_with_key(&w, &admin, "race-key", &body));
    let results = futures::future::join_all(futures).await;
    let first = &results[0];
    for r in &results {
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body, first.body);
    }
    assert_eq!(w.app.count("organizations").await, before + 1);
}

#[tokio::test]
async fn keys_are_scoped_to_the_caller() {
    let w = World::new().await;
    let body = json!({"kind": "ngo", "name": "Scoped", "uscc": uscc(700)});
    let refused = post_with_key(&w, w.token("ngo_admin"), "shared", &body).await;
    assert_eq!(refused.status, 403);
    // The same key and body from another caller is a new request, not a replay.
    let created = post_with_key(&w, w.token("admin"), "shared", &body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert!(created.header("idempotent-replayed").is_none());
}
