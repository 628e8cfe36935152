//! Operational endpoints, the served spec and the committed spec.

use crate::helpers::TestApp;
use poem::http::Method;

#[tokio::test]
async fn health_and_ready_answer_200_without_auth() {
    let app = TestApp::spawn().await;
    let h = app.send(Method::GET, "/health", None, None, &[]).await;
    assert_eq!(h.status, 200);
    assert_eq!(h.body["status"], "ok");
    let r = app.send(Method::GET, "/ready", None, None, &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["status"], "ready");
}

#[tokio::test]
async fn served_spec_equals_the_committed_file() {
    let app = TestApp::spawn().await;
    let served = app
        .send(Method::GET, "/openapi.json", None, None, &[])
        .await;
    assert_eq!(served.status, 200);
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .expect("openapi/openapi.json is committed"),
    )
    .unwrap();
    assert_eq!(served.body, committed);
}

#[test]
fn committed_spec_matches_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .expect("openapi/openapi.json is committed");
    assert!(
        committed == huigui::startup::spec_json(),
        "openapi/openapi.json is stale: run `cargo run -- openapi --out openapi/openapi.json`"
    );
}

#[test]
fn every_operation_has_id_tag_summary_and_error_responses() {
    let spec: serde_json::Value = serde_json::from_str(&huigui::startup::spec_json()).unwrap();
    let mut ids = std::collections::HashSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path}: no id"));
            assert!(ids.insert(id.to_string()), "duplicate operation id {id}");
            assert!(
                op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{id}: no tag"
            );
            assert!(
                op["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{id}: no summary"
            );
            // Which errors each operation lists: tests/api/contract.rs.
            let responses = op["responses"].as_object().unwrap();
            let content = &responses["500"]["content"];
            assert!(
                content.get("application/problem+json").is_some(),
                "{id}: 500 not documented as problem+json"
            );
        }
    }
}

#[tokio::test]
async fn swagger_ui_is_served_at_docs() {
    let app = TestApp::spawn().await;
    let r = app.send(Method::GET, "/docs", None, None, &[]).await;
    assert_eq!(r.status, 200);
    assert!(r.body.as_str().unwrap_or_default().contains("swagger"));
}

#[tokio::test]
async fn metrics_count_requests_by_operation() {
    let app = TestApp::spawn().await;
    app.send(Method::GET, "/health", None, None, &[]).await;
    let m = app.send(Method::GET, "/metrics", None, None, &[]).await;
    assert_eq!(m.status, 200);
    let text = m.body.as_str().unwrap();
    assert!(
        text.contains("http_requests_total{operation=\"health\",status=\"200\"}"),
        "{text}"
    );
    assert!(text.contains("http_request_duration_seconds"));
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_reuses_a_plain_incoming_one() {
    let app = TestApp::spawn().await;
    for path in ["/health", "/nope", "/api/v1/me"] {
        let r = app.send(Method::GET, path, None, None, &[]).await;
        assert!(
            r.header("x-request-id").is_some_and(|v| !v.is_empty()),
            "{path}"
        );
    }
    let r = app
        .send(
            Method::GET,
            "/health",
            None,
            None,
            &[("x-request-id", "abc-123")],
        )
        .await;
    assert_eq!(r.header("x-request-id"), Some("abc-123"));
    let long = "x".repeat(100);
    let r = app
        .send(
            Method::GET,
            "/health",
            None,
            None,
            &[("x-request-id", &long)],
        )
        .await;
    assert_ne!(r.header("x-request-id"), Some(long.as_str()));
}

#[tokio::test]
async fn sqlite_database_is_in_wal_mode_with_foreign_keys() {
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|v| !v.is_empty()) {
        return; // PostgreSQL run: the pragmas do not apply.
    }
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    for (pragma, expected) in [("journal_mode", "wal"), ("foreign_keys", "1")] {
        let row = app
            .state
            .db
            .read
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Sqlite,
                format!("PRAGMA {pragma}"),
            ))
            .await
            .unwrap()
            .unwrap();
        let v: String = row
            .try_get_by_index::<String>(0)
            .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
            .unwrap();
        assert_eq!(v, expected, "PRAGMA {pragma}");
    }
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(dir.path()).await;
    settings.cors_origins = Some("https://app.example.cn".into());
    let app = TestApp::with_settings(settings, dir).await;
    let ok = app
        .send(
            Method::GET,
            "/health",
            None,
            None,
            &[("origin", "https://app.example.cn")],
        )
        .await;
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("https://app.example.cn")
    );
    let other = app
        .send(
            Method::GET,
            "/health",
            None,
            None,
            &[("origin", "https://evil.example")],
        )
        .await;
    assert!(other.header("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn fifty_concurrent_writers_all_succeed() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let posts = (0..50).map(|n| {
        app.post(
            "/api/v1/organizations",
            Some(&admin),
            serde_json::json!({"kind": "agency", "agency_type": "village_committee", "name": format!("村委会 {n}"), "uscc": crate::helpers::uscc(2000 + n)}),
        )
    });
    let results = futures::future::join_all(posts).await;
    for r in &results {
        assert_eq!(r.status, 201, "{}", r.body);
    }
    assert_eq!(app.count("organizations").await, 51);
    let v = app.get("/api/v1/audit-events/verify", &admin).await;
    assert_eq!(
        v.body["ok"], true,
        "concurrent writes keep the chain intact"
    );
}

#[test]
fn nullable_is_only_used_with_a_type_and_request_objects_are_closed() {
    fn walk(v: &serde_json::Value, path: &str) {
        match v {
            serde_json::Value::Object(o) => {
                if o.get("nullable") == Some(&serde_json::Value::Bool(true)) {
                    assert!(o.contains_key("type"), "nullable without type at {path}");
                }
                for (k, x) in o {
                    walk(x, &format!("{path}/{k}"));
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}/{i}"));
                }
            }
            _ => {}
        }
    }
    let spec: serde_json::Value = serde_json::from_str(&huigui::startup::spec_json()).unwrap();
    walk(&spec, "");
    let schemas = &spec["components"]["schemas"];
    for name in [
        "CreateOrganization",
        "UpdateUser",
        "TokenRequest",
        "CreateApiClient",
    ] {
        assert_eq!(schemas[name]["additionalProperties"], false, "{name}");
    }
}
