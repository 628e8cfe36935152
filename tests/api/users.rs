//! Users: every role logs in, tenant scoping, role rules, passwords.

use serde_json::json;

use crate::helpers::{PASSWORD, SEEDED, World};

#[tokio::test]
async fn every_seeded_role_logs_in_and_sees_its_role() {
    let w = World::new().await;
    for key in SEEDED {
        let me = w.app.get("/api/v1/me", w.token(key)).await;
        assert_eq!(me.status, 200, "{key}");
        let expected = if key == "ngo_b_admin" {
            "ngo_admin"
        } else {
            key
        };
        assert_eq!(me.body["role"], expected);
    }
}

#[tokio::test]
async fn ngo_user_sees_only_its_own_organisations_users() {
    let w = World::new().await;
    let r = w
        .app
        .get("/api/v1/users?limit=200", w.token("ngo_staff"))
        .await;
    assert_eq!(r.status, 200);
    let items = r.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "ngo_admin and ngo_staff of NGO A");
    assert!(
        items
            .iter()
            .all(|u| u["organization_id"] == w.ngo_a.as_str())
    );
    assert!(items.iter().all(|u| u.get("password_hash").is_none()));
    let other = format!("/api/v1/users/{}", w.users["ngo_b_admin"]);
    let r = w.app.get(&other, w.token("ngo_staff")).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.problem_code(), "not_found");
    let all = w
        .app
        .get("/api/v1/users?limit=200", w.token("auditor"))
        .await;
    assert_eq!(all.body["items"].as_array().unwrap().len(), 8);
}

#[tokio::test]
async fn role_must_fit_the_organisation_kind() {
    let w = World::new().await;
    let r = w
        .app
        .post(
            "/api/v1/users",
            Some(w.token("admin")),
            json!({"email": "x@test.huigui.cn", "display_name": "X", "role": "officer",
                   "organization_id": w.ngo_a, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["errors"][0]["field"], "role");
}

#[tokio::test]
async fn ngo_admin_manages_only_its_own_ngo_users() {
    let w = World::new().await;
    let token = w.token("ngo_admin");
    let ok = w
        .app
        .post(
            "/api/v1/users",
            Some(token),
            json!({"email": "new@test.huigui.cn", "display_name": "New", "role": "ngo_staff",
                   "organization_id": w.ngo_a, "password": PASSWORD}),
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    for (org, role) in [(&w.ngo_b, "ngo_staff"), (&w.ngo_a, "officer")] {
        let r = w
            .app
            .post(
                "/api/v1/users",
                Some(token),
                json!({"email": "no@test.huigui.cn", "display_name": "No", "role": role,
                       "organization_id": org, "password": PASSWORD}),
            )
            .await;
        assert_eq!(r.status, 422, "{org} {role}: {}", r.body);
    }
    let other = format!("/api/v1/users/{}", w.users["ngo_b_admin"]);
    let r = w
        .app
        .patch(&other, token, json!({"display_name": "hijack"}), None)
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn duplicate_email_is_409() {
    let w = World::new().await;
    let r = w
        .app
        .post(
            "/api/v1/users",
            Some(w.token("admin")),
            json!({"email": "OFFICER@test.huigui.cn", "display_name": "Dup", "role": "officer",
                   "organization_id": w.bureau, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 409);
}

#[tokio::test]
async fn password_change_needs_the_current_password_and_revokes_sessions() {
    let w = World::new().await;
    let app = &w.app;
    let email = "officer@test.huigui.cn";
    let rt = app.login(email, PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/api/v1/users/{}/password", w.users["officer"]);
    let wrong = app
        .post(
            &path,
            Some(w.token("officer")),
            json!({"current_password": "not-my-password", "new_password": "a-brand-new-password"}),
        )
        .await;
    assert_eq!(wrong.status, 422);
    let ok = app
        .post(
            &path,
            Some(w.token("officer")),
            json!({"current_password": PASSWORD, "new_password": "a-brand-new-password"}),
        )
        .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    assert_eq!(app.login(email, PASSWORD).await.status, 401);
    assert_eq!(app.login(email, "a-brand-new-password").await.status, 200);
    let r = app
        .post("/api/v1/auth/refresh", None, json!({"refresh_token": rt}))
        .await;
    assert_eq!(r.status, 401);
    // Admin resets without the current password; others may not.
    let reset = app
        .post(
            &path,
            Some(w.token("admin")),
            json!({"new_password": "reset-by-the-admin"}),
        )
        .await;
    assert_eq!(reset.status, 204);
    let other = format!("/api/v1/users/{}/password", w.users["admin"]);
    let r = app
        .post(
            &other,
            Some(w.token("officer")),
            json!({"new_password": "taking-over-admin"}),
        )
        .await;
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn role_change_is_audited_and_self_disable_is_refused() {
    let w = World::new().await;
    let path = format!("/api/v1/users/{}", w.users["officer"]);
    let r = w
        .app
        .patch(&path, w.token("admin"), json!({"role": "admin"}), None)
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["role"], "admin");
    let me = format!("/api/v1/users/{}", w.users["admin"]);
    let r = w
        .app
        .patch(&me, w.token("admin"), json!({"disabled": true}), None)
        .await;
    assert_eq!(r.status, 422);
    let events = w
        .app
        .get(
            &format!(
                "/api/v1/audit-events?object_id={}&action=user.update",
                w.users["officer"]
            ),
            w.token("auditor"),
        )
        .await;
    assert_eq!(events.body["items"].as_array().unwrap().len(), 1);
}
