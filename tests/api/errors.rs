//! Bad input of every kind: problem+json with the right status, nothing written.

use crate::helpers::{TestApp, uscc};
use poem::http::Method;
use serde_json::json;

#[tokio::test]
async fn bad_bodies_are_problems_and_write_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let orgs = app.count("organizations").await;
    let events = app.count("audit_events").await;
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        (
            "unknown field",
            json!({"kind": "ngo", "name": "N", "uscc": uscc(1), "status": "x"})
                .to_string()
                .into_bytes(),
            400,
        ),
        ("malformed JSON", b"{\"kind\": \"ngo\",".to_vec(), 400),
        (
            "wrong type (number for string)",
            json!({"kind": "ngo", "name": 5, "uscc": uscc(1)})
                .to_string()
                .into_bytes(),
            400,
        ),
        (
            "wrong enum",
            json!({"kind": "church", "name": "N", "uscc": uscc(1)})
                .to_string()
                .into_bytes(),
            400,
        ),
        (
            "missing field",
            json!({"kind": "ngo", "uscc": uscc(1)})
                .to_string()
                .into_bytes(),
            400,
        ),
        (
            "invalid credit code",
            json!({"kind": "ngo", "name": "N", "uscc": "91350100M000100Y44"})
                .to_string()
                .into_bytes(),
            422,
        ),
    ];
    for (what, body, status) in cases {
        let r = app
            .send(
                Method::POST,
                "/api/v1/organizations",
                Some(&admin),
                Some(body),
                &[],
            )
            .await;
        assert_eq!(r.status, status, "{what}: {}", r.body);
        r.problem_code();
    }
    assert_eq!(app.count("organizations").await, orgs);
    assert_eq!(app.count("audit_events").await, events);
}

#[tokio::test]
async fn invalid_credit_code_names_the_field() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let r = app
        .post(
            "/api/v1/organizations",
            Some(&admin),
            json!({"kind": "ngo", "name": "N", "uscc": "91350100M000100Y44"}),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.problem_code(), "validation_failed");
    assert_eq!(r.body["errors"][0]["field"], "uscc");
}

#[tokio::test]
async fn unknown_route_wrong_method_and_wrong_content_type_are_problems() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let r = app.get("/api/v1/nothing-here", &admin).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");
    let r = app
        .send(
            Method::PUT,
            "/api/v1/organizations",
            Some(&admin),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.problem_code(), "method_not_allowed");
    assert_eq!(r.header("allow"), Some("GET, POST"));
    let r = app
        .send(
            Method::DELETE,
            &format!("/api/v1/users/{}", uuid::Uuid::now_v7()),
            Some(&admin),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, PATCH"));
    let r = app
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(&admin),
            None,
            &[("content-type", "text/plain")],
        )
        .await;
    assert!(matches!(r.status, 400 | 415), "{}", r.status);
    r.problem_code();
}

#[tokio::test]
async fn oversized_body_is_413() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let big = vec![b' '; app.state.settings.max_body_bytes + 1];
    let r = app
        .send(
            Method::POST,
            "/api/v1/organizations",
            Some(&admin),
            Some(big),
            &[],
        )
        .await;
    assert_eq!(r.status, 413);
    assert_eq!(r.problem_code(), "payload_too_large");
}

#[tokio::test]
async fn bad_path_id_and_bad_cursor_are_problems() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    // A path id that is not a UUID names no resource: 404 like any unknown id.
    let r = app.get("/api/v1/organizations/not-a-uuid", &admin).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");
    let r = app.get("/api/v1/organizations?cursor=%21%21", &admin).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["errors"][0]["field"], "cursor");
    // `limit` has `minimum: 1` in the spec, so 0 is a parse error.
    let r = app.get("/api/v1/organizations?limit=0", &admin).await;
    assert_eq!(r.status, 400);
    r.problem_code();
}

#[tokio::test]
async fn problem_types_point_at_a_served_page_that_explains_each_code() {
    let app = TestApp::spawn().await;
    let page = app
        .send(poem::http::Method::GET, "/problems", None, None, &[])
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.body.as_str().unwrap().to_string();
    for (code, _) in huigui::error::PROBLEM_CODES {
        assert!(html.contains(&format!("id=\"{code}\"")), "{code}");
    }
    let admin = app.admin_token().await;
    for (r, code) in [
        (app.get("/api/v1/me", "bad").await, "unauthorized"),
        (
            app.get(
                &format!("/api/v1/organizations/{}", uuid::Uuid::now_v7()),
                &admin,
            )
            .await,
            "not_found",
        ),
        (
            app.post("/api/v1/organizations", Some(&admin), serde_json::json!({}))
                .await,
            "bad_request",
        ),
    ] {
        assert_eq!(r.problem_code(), code, "{}", r.body);
        let t = r.body["type"].as_str().unwrap();
        assert_eq!(t, format!("/problems#{code}"));
        assert!(html.contains(&format!("id=\"{code}\"")));
    }
}
