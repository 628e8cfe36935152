//! `TestApp`: the production state and router on a fresh database, plus a
//! seeded `World` with one user per role.

use std::{collections::HashMap, sync::Arc};

use huigui::{
    config::{Secret, Settings},
    domain::uscc::Uscc,
    startup::router,
    state::{AppState, build_state},
};
use poem::{endpoint::BoxEndpoint, http::Method, test::TestClient};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

pub const ADMIN_EMAIL: &str = "admin@test.huigui.cn";
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
pub const PASSWORD: &str = "user-password-for-tests";

/// A response, fully read.
pub struct Resp {
    pub status: u16,
    pub headers: poem::http::HeaderMap,
    pub body: Value,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts the RFC 9457 shape and returns the `code`.
    pub fn problem_code(&self) -> String {
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "not problem+json: {} {}",
            self.status,
            self.body
        );
        assert_eq!(self.body["status"], self.status, "{}", self.body);
        for key in ["type", "title", "detail", "code", "errors"] {
            assert!(
                self.body.get(key).is_some(),
                "problem lacks {key}: {}",
                self.body
            );
        }
        self.body["code"].as_str().unwrap_or_default().to_string()
    }

    pub fn id(&self) -> String {
        self.body["id"]
            .as_str()
            .expect("response has an id")
            .to_string()
    }
}

pub struct TestApp {
    pub state: Arc<AppState>,
    client: TestClient<BoxEndpoint<'static>>,
    _dir: tempfile::TempDir,
}

/// A database URL for one test: a new PostgreSQL database, or a SQLite file in `dir`.
pub async fn database_url(dir: &std::path::Path) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => {
            let name = format!("huigui_test_{}", uuid::Uuid::now_v7().simple());
            let admin = Database::connect(&server)
                .await
                .expect("connect TEST_DATABASE_URL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let (base, _) = server.rsplit_once('/').expect("URL has a database path");
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
    }
}

/// Test settings: a fresh data dir and database, known bootstrap admin.
pub async fn test_settings(dir: &std::path::Path) -> Settings {
    Settings {
        data_dir: dir.to_path_buf(),
        database_url: Some(Secret(database_url(dir).await)),
        bootstrap_admin_email: Some(ADMIN_EMAIL.into()),
        bootstrap_admin_password: Some(Secret(ADMIN_PASSWORD.into())),
        ..Settings::default()
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = test_settings(dir.path()).await;
        Self::with_settings(settings, dir).await
    }

    pub async fn with_settings(settings: Settings, dir: tempfile::TempDir) -> Self {
        let state = build_state(settings).await.expect("build state");
        let client = TestClient::new(router(state.clone()));
        Self {
            state,
            client,
            _dir: dir,
        }
    }

    /// Sends a request with optional bearer token, JSON body and extra headers.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut req = self.client.request(method, path.to_string());
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        if let Some(b) = body {
            req = req
                .header("content-type", "application/json")
                .header("content-length", b.len().to_string())
                .body(b);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let resp = req.send().await.0;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.into_body().into_string().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Resp {
            status,
            headers,
            body,
        }
    }

    /// A GET whose body is kept as bytes (CSV in GB18030, files).
    pub async fn get_bytes(&self, path: &str, token: &str) -> (u16, Vec<u8>) {
        let resp = self
            .client
            .get(path.to_string())
            .header("authorization", format!("Bearer {token}"))
            .send()
            .await
            .0;
        let status = resp.status().as_u16();
        (
            status,
            resp.into_body().into_vec().await.unwrap_or_default(),
        )
    }

    /// POST of a non-JSON body.
    pub async fn post_raw(
        &self,
        path: &str,
        token: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Resp {
        let resp = self
            .client
            .post(path.to_string())
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", content_type)
            .header("content-length", body.len().to_string())
            .body(body)
            .send()
            .await
            .0;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.into_body().into_string().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Resp {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.send(Method::GET, path, Some(token), None, &[]).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.send(
            Method::POST,
            path,
            token,
            Some(body.to_string().into_bytes()),
            &[],
        )
        .await
    }

    pub async fn patch(
        &self,
        path: &str,
        token: &str,
        body: Value,
        if_match: Option<&str>,
    ) -> Resp {
        let headers: Vec<(&str, &str)> = if_match.map(|v| ("if-match", v)).into_iter().collect();
        self.send(
            Method::PATCH,
            path,
            Some(token),
            Some(body.to_string().into_bytes()),
            &headers,
        )
        .await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value, if_match: Option<&str>) -> Resp {
        let headers: Vec<(&str, &str)> = if_match.map(|v| ("if-match", v)).into_iter().collect();
        self.send(
            Method::PUT,
            path,
            Some(token),
            Some(body.to_string().into_bytes()),
            &headers,
        )
        .await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Resp {
        self.send(Method::DELETE, path, Some(token), None, &[])
            .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Resp {
        self.post(
            "/api/v1/auth/token",
            None,
            json!({"email": email, "password": password}),
        )
        .await
    }

    /// Logs in and returns the access token (asserting 200).
    pub async fn token(&self, email: &str, password: &str) -> String {
        let r = self.login(email, password).await;
        assert_eq!(r.status, 200, "login {email}: {}", r.body);
        r.body["access_token"].as_str().unwrap().to_string()
    }

    pub async fn admin_token(&self) -> String {
        self.token(ADMIN_EMAIL, ADMIN_PASSWORD).await
    }

    /// Number of rows in a table, read directly.
    pub async fn count(&self, table: &str) -> i64 {
        let row = self
            .state
            .db
            .read
            .query_one_raw(sea_orm::Statement::from_string(
                self.state.db.backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

/// A valid credit code, different for each `n`.
pub fn uscc(n: u32) -> String {
    Uscc::complete(&format!("52141121MJ{n:06}"))
        .unwrap()
        .to_string()
}

/// Roles seeded in a [`World`], by key.
pub const SEEDED: [&str; 8] = [
    "admin",
    "officer",
    "office_staff",
    "ngo_admin",
    "ngo_staff",
    "ngo_b_admin",
    "agency_staff",
    "auditor",
];

/// An app with organisations of every kind and one user per role.
pub struct World {
    pub app: TestApp,
    pub bureau: String,
    pub office: String,
    pub ngo_a: String,
    pub ngo_b: String,
    pub agency: String,
    pub procuratorate: String,
    pub tokens: HashMap<&'static str, String>,
    pub users: HashMap<&'static str, String>,
}

impl World {
    pub async fn new() -> Self {
        Self::with_app(TestApp::spawn().await).await
    }

    /// A world whose settings are adjusted first (e.g. an SMTP URL).
    pub async fn with_settings(adjust: impl FnOnce(&mut Settings)) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut settings = test_settings(dir.path()).await;
        adjust(&mut settings);
        Self::with_app(TestApp::with_settings(settings, dir).await).await
    }

    async fn with_app(app: TestApp) -> Self {
        let admin = app.admin_token().await;
        let me = app.get("/api/v1/me", &admin).await;
        let bureau = me.body["organization_id"].as_str().unwrap().to_string();
        let org = |kind: &str, n: u32, township: Option<&str>| {
            let mut body = json!({"kind": kind, "name": format!("{kind} {n}"), "uscc": uscc(n)});
            if let Some(t) = township {
                body["township"] = json!(t);
            }
            if kind == "agency" {
                body["agency_type"] = json!("police");
            }
            body
        };
        let mut ids = Vec::new();
        for (i, (kind, township)) in [
            ("judicial_office", Some("凤城镇")),
            ("ngo", None),
            ("ngo", None),
            ("agency", None),
            ("procuratorate", None),
        ]
        .into_iter()
        .enumerate()
        {
            let r = app
                .post(
                    "/api/v1/organizations",
                    Some(&admin),
                    org(kind, i as u32 + 1, township),
                )
                .await;
            assert_eq!(r.status, 201, "{}", r.body);
            ids.push(r.id());
        }
        let [office, ngo_a, ngo_b, agency, procuratorate]: [String; 5] = ids.try_into().unwrap();
        let mut users = HashMap::new();
        let mut tokens = HashMap::new();
        users.insert("admin", me.body["user_id"].as_str().unwrap().to_string());
        tokens.insert("admin", admin.clone());
        for (key, role, org_id) in [
            ("officer", "officer", &bureau),
            ("office_staff", "office_staff", &office),
            ("ngo_admin", "ngo_admin", &ngo_a),
            ("ngo_staff", "ngo_staff", &ngo_a),
            ("ngo_b_admin", "ngo_admin", &ngo_b),
            ("agency_staff", "agency_staff", &agency),
            ("auditor", "auditor", &procuratorate),
        ] {
            let email = format!("{key}@test.huigui.cn");
            let r = app
                .post(
                    "/api/v1/users",
                    Some(&admin),
                    json!({"email": email, "display_name": key, "role": role,
                           "organization_id": org_id, "password": PASSWORD}),
                )
                .await;
            assert_eq!(r.status, 201, "{}", r.body);
            users.insert(key, r.id());
            tokens.insert(key, app.token(&email, PASSWORD).await);
        }
        Self {
            app,
            bureau,
            office,
            ngo_a,
            ngo_b,
            agency,
            procuratorate,
            tokens,
            users,
        }
    }

    pub fn token(&self, key: &str) -> &str {
        &self.tokens[key]
    }
}
