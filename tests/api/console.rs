//! The web console served by the binary: `index.html` at `/` and for client
//! routes a browser navigates to, hashed assets with long-cache headers, the
//! security headers, and the API and operational paths left as they were.

use poem::http::Method;

use crate::helpers::{TestApp, World};

const HTML: (&str, &str) = ("accept", "text/html,application/xhtml+xml");

#[tokio::test]
async fn the_console_is_served_at_the_root_with_strict_security_headers() {
    let app = TestApp::spawn().await;
    let r = app.send(Method::GET, "/", None, None, &[HTML]).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let page = r.body.as_str().unwrap().to_string();
    assert!(page.contains(r#"<div id="app">"#), "{page}");
    let csp = r.header("content-security-policy").unwrap();
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ] {
        assert!(csp.contains(directive), "{csp}");
    }
    assert!(!csp.contains("unsafe"), "{csp}");
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    // No inline script: every <script> names a file of the build.
    for tag in page.split("<script").skip(1) {
        assert!(
            tag.contains("src=\"/assets/"),
            "inline script in index.html: {tag}"
        );
    }
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_revalidate_by_etag() {
    let app = TestApp::spawn().await;
    let page = app.send(Method::GET, "/", None, None, &[HTML]).await;
    let html = page.body.as_str().unwrap();
    let start = html.find("/assets/").expect("an asset");
    let end = start + html[start..].find('"').unwrap();
    let asset = &html[start..end];
    let r = app.send(Method::GET, asset, None, None, &[]).await;
    assert_eq!(r.status, 200, "{asset}");
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert!(r.header("content-type").unwrap().contains("javascript"));
    assert!(r.header("content-security-policy").is_some());
    let etag = r.header("etag").unwrap().to_string();
    let again = app
        .send(Method::GET, asset, None, None, &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status, 304);
}

#[tokio::test]
async fn client_routes_fall_back_to_the_console_but_api_paths_stay_problems() {
    let app = TestApp::spawn().await;
    for route in [
        "/dashboard",
        "/contracts/0190a1b2-0000-7000-8000-000000000000",
        "/admin/users",
    ] {
        let r = app.send(Method::GET, route, None, None, &[HTML]).await;
        assert_eq!(r.status, 200, "{route}");
        assert!(
            r.body.as_str().unwrap().contains(r#"<div id="app">"#),
            "{route}"
        );
    }
    // Not a navigation (no text/html), or under /api: the API's own 404.
    let r = app.send(Method::GET, "/nope", None, None, &[]).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
    let r = app
        .send(Method::GET, "/api/v1/nope", None, None, &[HTML])
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
    let r = app
        .send(Method::GET, "/assets/missing-0000.js", None, None, &[])
        .await;
    assert_eq!(r.status, 404);
    // The operational endpoints are unchanged.
    let r = app.send(Method::GET, "/health", None, None, &[HTML]).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-security-policy").is_none());
    let r = app
        .send(Method::GET, "/openapi.json", None, None, &[HTML])
        .await;
    assert_eq!(r.header("content-type"), Some("application/json"));
    let r = app.send(Method::GET, "/docs", None, None, &[HTML]).await;
    assert_eq!(r.status, 200);
    assert!(r.body.as_str().unwrap().contains("swagger"));
    // Writes never reach the console.
    let r = app
        .send(
            Method::POST,
            "/dashboard",
            None,
            Some(b"{}".to_vec()),
            &[HTML],
        )
        .await;
    assert_ne!(r.status, 200);
}

#[tokio::test]
async fn me_lists_the_roles_permissions_and_the_bureaus_time_zone() {
    let w = World::new().await;
    let officer = w.app.get("/api/v1/me", w.token("officer")).await;
    let perms: Vec<&str> = officer.body["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for p in ["read_overview", "manage_procurements", "decide_reports"] {
        assert!(perms.contains(&p), "officer lacks {p}: {perms:?}");
    }
    assert!(!perms.contains(&"read_audit_events"));
    assert_eq!(officer.body["time_zone"], "Asia/Shanghai");
    let auditor = w.app.get("/api/v1/me", w.token("auditor")).await;
    let perms: Vec<&str> = auditor.body["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(perms.contains(&"read_audit_events"));
    assert!(!perms.contains(&"manage_contracts"), "{perms:?}");
}
