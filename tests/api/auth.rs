//! Login, tokens, refresh rotation, throttling.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use huigui::auth::jwt::{Claims, JwtKeys, Subject};
use serde_json::json;

use crate::helpers::{ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD, TestApp, World};

fn claims_for(app: &TestApp, sub: &str, org: &str) -> Claims {
    let now = chrono::Utc::now().timestamp();
    let (iss, aud) = app.state.jwt.issuer();
    Claims {
        iss: iss.into(),
        aud: aud.into(),
        sub: sub.into(),
        iat: now,
        nbf: now,
        exp: now + 600,
        jti: "t".into(),
        typ: Subject::User,
        org: org.parse().unwrap(),
        okind: "bureau".into(),
        role: Some("admin".into()),
        scope: None,
    }
}

#[tokio::test]
async fn bootstrap_admin_logs_in_and_sees_me() {
    let app = TestApp::spawn().await;
    let r = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["token_type"], "Bearer");
    assert_eq!(r.body["expires_in"], 900);
    assert!(r.body["refresh_token"].as_str().is_some());
    let token = r.body["access_token"].as_str().unwrap();
    let me = app.get("/api/v1/me", token).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["email"], ADMIN_EMAIL);
    assert_eq!(me.body["role"], "admin");
    assert_eq!(me.body["organization_kind"], "bureau");
}

#[tokio::test]
async fn access_token_carries_no_personal_data() {
    let app = TestApp::spawn().await;
    let token = app.admin_token().await;
    let payload = String::from_utf8(B64.decode(token.split('.').nth(1).unwrap()).unwrap()).unwrap();
    assert!(!payload.contains("@"), "{payload}");
    assert!(!payload.contains("Administrator"), "{payload}");
    let header = String::from_utf8(B64.decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    assert!(header.contains("\"kid\""), "{header}");
}

#[tokio::test]
async fn unknown_user_and_wrong_password_get_the_same_401() {
    let app = TestApp::spawn().await;
    let a = app
        .login("nobody@test.huigui.cn", "whatever-password")
        .await;
    let b = app.login(ADMIN_EMAIL, "wrong-password-here").await;
    assert_eq!(a.status, 401);
    assert_eq!(b.status, 401);
    assert_eq!(a.problem_code(), "unauthorized");
    assert_eq!(a.body["detail"], b.body["detail"]);
}

#[tokio::test]
async fn bad_access_tokens_are_401_problems() {
    let app = TestApp::spawn().await;
    let me = app.get("/api/v1/me", &app.admin_token().await).await;
    let (sub, org) = (
        me.body["user_id"].as_str().unwrap().to_string(),
        me.body["organization_id"].as_str().unwrap().to_string(),
    );
    let good = claims_for(&app, &sub, &org);
    assert_eq!(
        app.get("/api/v1/me", &app.state.jwt.sign(&good).unwrap())
            .await
            .status,
        200,
        "control: a well-formed token works"
    );
    let mut expired = good.clone();
    expired.exp -= 3600;
    expired.iat -= 3600;
    expired.nbf -= 3600;
    let mut future = good.clone();
    future.nbf += 3600;
    let mut wrong_iss = good.clone();
    wrong_iss.iss = "someone-else".into();
    let mut wrong_aud = good.clone();
    wrong_aud.aud = "other-api".into();
    let other_key = JwtKeys::from_secrets(
        vec![(
            // Same kid shape as ours does not matter: the signature is checked.
            "other".into(),
            vec![7u8; 32],
        )],
        &good.iss,
        &good.aud,
    )
    .unwrap();
    let alg_none = format!(
        "{}.{}.",
        B64.encode(br#"{"alg":"none","typ":"JWT"}"#),
        B64.encode(serde_json::to_vec(&good).unwrap())
    );
    let refresh = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let cases = [
        ("expired", app.state.jwt.sign(&expired).unwrap()),
        ("future nbf", app.state.jwt.sign(&future).unwrap()),
        ("wrong iss", app.state.jwt.sign(&wrong_iss).unwrap()),
        ("wrong aud", app.state.jwt.sign(&wrong_aud).unwrap()),
        ("other key", other_key.sign(&good).unwrap()),
        ("alg none", alg_none),
        ("refresh token as access token", refresh),
        ("garbage", "not.a.token".into()),
    ];
    for (what, token) in cases {
        let r = app.get("/api/v1/me", &token).await;
        assert_eq!(r.status, 401, "{what}: {}", r.body);
        assert_eq!(r.problem_code(), "unauthorized", "{what}");
    }
    let none = app
        .send(poem::http::Method::GET, "/api/v1/me", None, None, &[])
        .await;
    assert_eq!(none.status, 401);
    none.problem_code();
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::spawn().await;
    let first = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": first}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let second = r.body["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(first, second);
    assert_eq!(
        app.get("/api/v1/me", r.body["access_token"].as_str().unwrap())
            .await
            .status,
        200
    );
    // Reusing the rotated token: 401, and the family (including `second`) is revoked.
    let reuse = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": first}),
        )
        .await;
    assert_eq!(reuse.status, 401);
    let after = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": second}),
        )
        .await;
    assert_eq!(after.status, 401, "family must be revoked after reuse");
    // Another login's family is unaffected.
    let other = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let ok = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": other}),
        )
        .await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = TestApp::spawn().await;
    let rt = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .post("/api/v1/auth/logout", None, json!({"refresh_token": rt}))
        .await;
    assert_eq!(r.status, 204);
    let r = app
        .post("/api/v1/auth/refresh", None, json!({"refresh_token": rt}))
        .await;
    assert_eq!(r.status, 401);
    let again = app
        .post("/api/v1/auth/logout", None, json!({"refresh_token": rt}))
        .await;
    assert_eq!(again.status, 204, "logout is idempotent");
}

#[tokio::test]
async fn repeated_wrong_passwords_are_throttled_with_retry_after() {
    let app = TestApp::spawn().await;
    let max = app.state.settings.login_max_failures;
    for _ in 0..max {
        assert_eq!(app.login(ADMIN_EMAIL, "wrong-password-x").await.status, 401);
    }
    let r = app.login(ADMIN_EMAIL, "wrong-password-x").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.problem_code(), "rate_limited");
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!(retry >= 1);
    // Even the right password waits until the window passes.
    assert_eq!(app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.status, 429);
}

#[tokio::test]
async fn disabled_user_cannot_log_in_or_refresh() {
    let w = World::new().await;
    let app = &w.app;
    let email = "ngo_staff@test.huigui.cn";
    let rt = app.login(email, PASSWORD).await.body["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/api/v1/users/{}", w.users["ngo_staff"]);
    let r = app
        .patch(&path, w.token("admin"), json!({"disabled": true}), None)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["disabled"], true);
    assert_eq!(app.login(email, PASSWORD).await.status, 401);
    let r = app
        .post("/api/v1/auth/refresh", None, json!({"refresh_token": rt}))
        .await;
    assert_eq!(r.status, 401);
    let r = app
        .patch(&path, w.token("admin"), json!({"disabled": false}), None)
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(app.login(email, PASSWORD).await.status, 200);
}

#[tokio::test]
async fn a_401_names_the_bearer_scheme_and_says_when_the_token_was_bad() {
    let app = TestApp::spawn().await;
    let none = app
        .send(poem::http::Method::GET, "/api/v1/me", None, None, &[])
        .await;
    assert_eq!(none.status, 401);
    assert_eq!(
        none.header("www-authenticate"),
        Some("Bearer realm=\"huigui\"")
    );
    let bad = app.get("/api/v1/me", "not-a-jwt").await;
    assert_eq!(bad.status, 401);
    assert_eq!(
        bad.header("www-authenticate"),
        Some("Bearer realm=\"huigui\", error=\"invalid_token\"")
    );
    assert_eq!(bad.problem_code(), "unauthorized");
}
