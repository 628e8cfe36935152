//! Organisations: creation rules, visibility per role, pagination, If-Match.

use serde_json::json;

use crate::helpers::{TestApp, World, uscc};

#[tokio::test]
async fn admin_creates_a_judicial_office_under_its_bureau() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let bureau = app.get("/api/v1/me", &admin).await.body["organization_id"].clone();
    let r = app
        .post(
            "/api/v1/organizations",
            Some(&admin),
            json!({"kind": "judicial_office", "name": "开栅镇司法所", "uscc": uscc(7), "township": "开栅镇"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        r.header("location"),
        Some(format!("/api/v1/organizations/{}", r.id()).as_str())
    );
    assert_eq!(r.body["parent_id"], bureau);
    assert_eq!(r.body["township"], "开栅镇");
    assert_eq!(r.body["version"], 1);
    let missing = app
        .post(
            "/api/v1/organizations",
            Some(&admin),
            json!({"kind": "judicial_office", "name": "No township", "uscc": uscc(8)}),
        )
        .await;
    assert_eq!(missing.status, 422);
    assert_eq!(missing.body["errors"][0]["field"], "township");
}

#[tokio::test]
async fn duplicate_credit_code_is_409() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let body = json!({"kind": "ngo", "name": "A", "uscc": uscc(3)});
    assert_eq!(
        app.post("/api/v1/organizations", Some(&admin), body.clone())
            .await
            .status,
        201
    );
    let r = app.post("/api/v1/organizations", Some(&admin), body).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "conflict");
}

async fn visible_ids(w: &World, key: &str) -> Vec<String> {
    let r = w
        .app
        .get("/api/v1/organizations?limit=200", w.token(key))
        .await;
    assert_eq!(r.status, 200, "{key}: {}", r.body);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn organisation_visibility_follows_the_matrix() {
    let w = World::new().await;
    let all = [
        &w.bureau,
        &w.office,
        &w.ngo_a,
        &w.ngo_b,
        &w.agency,
        &w.procuratorate,
    ];
    for key in ["admin", "officer", "auditor", "office_staff"] {
        let ids = visible_ids(&w, key).await;
        assert_eq!(ids.len(), 6, "{key}");
    }
    let ngo = visible_ids(&w, "ngo_staff").await;
    let mut expected = vec![w.bureau.clone(), w.office.clone(), w.ngo_a.clone()];
    expected.sort();
    let mut got = ngo.clone();
    got.sort();
    assert_eq!(got, expected);
    assert_eq!(
        visible_ids(&w, "agency_staff").await,
        vec![w.agency.clone()]
    );
    // Someone else's organisation is a 404, not a 403.
    for (key, other) in [
        ("ngo_admin", &w.ngo_b),
        ("ngo_staff", &w.agency),
        ("ngo_b_admin", &w.ngo_a),
        ("agency_staff", &w.bureau),
    ] {
        let r = w
            .app
            .get(&format!("/api/v1/organizations/{other}"), w.token(key))
            .await;
        assert_eq!(r.status, 404, "{key} reading {other}");
        assert_eq!(r.problem_code(), "not_found");
        assert!(r.body.get("name").is_none());
    }
    for id in all {
        let r = w
            .app
            .get(&format!("/api/v1/organizations/{id}"), w.token("auditor"))
            .await;
        assert_eq!(r.status, 200);
    }
}

#[tokio::test]
async fn pages_walk_every_row_exactly_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    for n in 0..7 {
        let r = app
            .post(
                "/api/v1/organizations",
                Some(&admin),
                json!({"kind": "ngo", "name": format!("NGO {n}"), "uscc": uscc(100 + n)}),
            )
            .await;
        assert_eq!(r.status, 201);
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/organizations?limit=3&cursor={c}"),
            None => "/api/v1/organizations?limit=3".to_string(),
        };
        let r = app.get(&path, &admin).await;
        assert_eq!(r.status, 200);
        let items = r.body["items"].as_array().unwrap();
        assert!(items.len() <= 3);
        seen.extend(items.iter().map(|o| o["id"].as_str().unwrap().to_string()));
        match r.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 8, "7 NGOs + the bureau");
    let unique: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), 8);
    let capped = app.get("/api/v1/organizations?limit=100000", &admin).await;
    assert_eq!(capped.status, 200);
    assert_eq!(capped.body["items"].as_array().unwrap().len(), 8);
    assert!(capped.body["next_cursor"].is_null());
}

#[tokio::test]
async fn patch_honours_if_match_and_bumps_the_version() {
    let w = World::new().await;
    let path = format!("/api/v1/organizations/{}", w.ngo_a);
    let admin = w.token("admin");
    let r = w.app.get(&path, admin).await;
    assert_eq!(r.header("etag"), Some("\"1\""));
    let r = w
        .app
        .patch(
            &path,
            admin,
            json!({"name": "Renamed", "contact_email": "ngo@example.cn"}),
            Some("\"1\""),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["version"], 2);
    assert_eq!(r.body["name"], "Renamed");
    assert_eq!(r.header("etag"), Some("\"2\""));
    let stale = w
        .app
        .patch(&path, admin, json!({"name": "Again"}), Some("\"1\""))
        .await;
    assert_eq!(stale.status, 412);
    assert_eq!(stale.problem_code(), "precondition_failed");
    let cleared = w
        .app
        .patch(&path, admin, json!({"contact_email": null}), None)
        .await;
    assert_eq!(cleared.status, 200);
    assert!(cleared.body["contact_email"].is_null());
    assert_eq!(w.app.get(&path, admin).await.body["name"], "Renamed");
    let status = w
        .app
        .patch(&path, admin, json!({"uscc": uscc(999)}), None)
        .await;
    assert_eq!(
        status.status, 400,
        "privileged or unknown fields are rejected"
    );
}
