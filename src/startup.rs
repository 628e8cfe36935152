//! Building the application: configuration → database → migrations →
//! bootstrap → routes. `serve` and the tests use the same [`Application::build`].

use std::{
    sync::{Arc, OnceLock},
    time::Duration,
};

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use poem::{
    Endpoint, EndpointExt, IntoResponse, Route, Server,
    endpoint::BoxEndpoint,
    listener::{Acceptor, Listener, TcpListener},
    middleware::Cors,
};
use poem_openapi::{LicenseObject, OpenApiService, ServerObject};
use serde_json::json;

use crate::{
    api,
    auth::{jwt::JwtKeys, password, throttle::LoginThrottle},
    config::{Environment, Settings},
    domain::{roles::OrgKind, roles::Role, uscc::Uscc},
    store::{self, Db, audit},
};

/// Shared state of one running server.
pub struct AppState {
    pub settings: Settings,
    pub db: Db,
    pub jwt: JwtKeys,
    pub throttle: LoginThrottle,
    pub metrics: PrometheusHandle,
    pub clock: crate::clock::Clock,
    pub vault: crate::auth::vault::Vault,
    /// Signs audit checkpoints.
    pub audit_signer: crate::auth::audit_key::AuditSigner,
    pub mailer: crate::mail::Mailer,
    /// Identifies this process as a job-lease holder.
    pub instance_id: String,
    /// Group commit of single check-ins.
    pub checkins: store::group_commit::CheckinWriter,
}

/// The OpenAPI service: the single source of the spec.
pub fn openapi_service() -> OpenApiService<api::Apis, ()> {
    OpenApiService::new(api::apis(), "Huigui API", env!("CARGO_PKG_VERSION"))
        .description(
            "Government-purchased community-corrections services: procurement and contracts, \
             sessions and attendance, hours, alerts, referrals and outcome reports. \
             Errors are RFC 9457 problem+json.",
        )
        .license(LicenseObject::new("MIT").url("https://opensource.org/licenses/MIT"))
        .server(ServerObject::new("/").description("This server"))
}

/// The spec as pretty JSON, exactly as committed in `openapi/openapi.json`.
pub fn spec_json() -> String {
    let mut spec: serde_json::Value =
        serde_json::from_str(&openapi_service().spec()).unwrap_or_default();
    close_request_schemas(&mut spec);
    standard_formats(&mut spec);
    api::spec::document_errors(&mut spec);
    let mut s = serde_json::to_string_pretty(&spec).unwrap_or_default();
    s.push('\n');
    s
}

/// poem-openapi documents `NaiveDate` as `format: naive-date`; OpenAPI's
/// standard name (which generators and validators know) is `date`.
fn standard_formats(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            if o.get("format").and_then(|f| f.as_str()) == Some("naive-date") {
                o.insert("format".into(), "date".into());
            }
            o.values_mut().for_each(standard_formats);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(standard_formats),
        _ => {}
    }
}

/// Every request object is declared with `deny_unknown_fields`, which
/// poem-openapi does not express in the schema: mark each schema reachable
/// from a request body `additionalProperties: false`, so that clients and
/// contract tests know unknown fields are rejected.
fn close_request_schemas(spec: &mut serde_json::Value) {
    fn refs(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(r) = o.get("$ref").and_then(|r| r.as_str()) {
                    out.push(r.trim_start_matches("#/components/schemas/").to_string());
                }
                o.values().for_each(|x| refs(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut todo = Vec::new();
    if let Some(paths) = spec["paths"].as_object() {
        for op in paths
            .values()
            .filter_map(|p| p.as_object())
            .flat_map(|p| p.values())
        {
            refs(&op["requestBody"], &mut todo);
        }
    }
    let mut seen = std::collections::HashSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let schema = &mut spec["components"]["schemas"][&name];
        if schema["type"] == "object" {
            schema["additionalProperties"] = serde_json::Value::Bool(false);
        }
        let mut nested = Vec::new();
        refs(schema, &mut nested);
        todo.extend(nested);
    }
}

/// The process-wide Prometheus recorder (installed once, shared by every app in a process).
fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new();
            let builder = builder
                .set_buckets(&[
                    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                ])
                .unwrap_or_else(|_| PrometheusBuilder::new());
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

/// The routes around the API, with the edge middleware.
pub fn router(state: Arc<AppState>) -> BoxEndpoint<'static> {
    let service = openapi_service();
    let spec = spec_json();
    let docs = service.swagger_ui();
    let max_body = state.settings.max_body_bytes;
    let allow = Arc::new(crate::middleware::AllowTable::from_spec(
        &serde_json::from_str(&spec).unwrap_or_default(),
    ));
    let origins = state.settings.cors_origins();
    let cors = Cors::new()
        .allow_origins(origins.clone())
        .allow_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allow_headers([
            "authorization",
            "content-type",
            "if-match",
            "idempotency-key",
        ])
        .expose_headers(["etag", "location", "x-request-id", "retry-after"]);
    let routes = Route::new()
        .at(
            "/openapi.json",
            poem::endpoint::make_sync(move |_| {
                poem::Response::builder()
                    .content_type("application/json")
                    .body(spec.clone())
            }),
        )
        .nest("/docs", docs)
        .at(
            "/problems",
            poem::endpoint::make_sync(|_| poem::web::Html(crate::error::problems_page())),
        );
    #[cfg(feature = "bench")]
    let routes = routes.at("/bench/baseline", poem::post(bench_baseline));
    routes
        .nest("/", service)
        // The web console answers what is not the API's (see `crate::console`).
        .around(|ep, req| async move {
            match crate::console::respond(&req) {
                Some(resp) => Ok(resp),
                None => ep.call(req).await.map(IntoResponse::into_response),
            }
        })
        .data(state.clone())
        .around(move |ep, req| crate::idempotency::idempotency(ep, req, state.clone()))
        .with_if(!origins.is_empty(), cors)
        .around(move |ep, req| crate::middleware::edge(ep, req, max_body, allow.clone()))
        .boxed()
}

/// The benchmark's baseline: insert one row, with no validation, auth or audit.
#[cfg(feature = "bench")]
#[poem::handler]
async fn bench_baseline(
    state: poem::web::Data<&Arc<AppState>>,
) -> poem::Result<poem::http::StatusCode> {
    let now = state.clock.now();
    store::outbox::mark_once(&state.db.write, &uuid::Uuid::now_v7().to_string(), now)
        .await
        .map_err(|e| {
            poem::Error::from_string(e.to_string(), poem::http::StatusCode::INTERNAL_SERVER_ERROR)
        })?;
    Ok(poem::http::StatusCode::CREATED)
}

/// A built application: state plus a bound listener.
pub struct Application {
    pub state: Arc<AppState>,
    acceptor: crate::conn::TimeoutAcceptor<poem::listener::TcpAcceptor>,
}

impl Application {
    /// Connects, migrates, bootstraps, and binds the listener.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let state = build_state(settings).await?;
        let tcp = TcpListener::bind(state.settings.bind.clone())
            .into_acceptor()
            .await?;
        let timeouts = crate::conn::Timeouts {
            header_read: Duration::from_secs(state.settings.header_read_timeout_secs),
            idle: Duration::from_secs(state.settings.idle_timeout_secs),
        };
        let acceptor = crate::conn::TimeoutAcceptor::new(tcp, timeouts);
        Ok(Self { state, acceptor })
    }

    /// The bound address (useful with port 0).
    pub fn local_addr(&self) -> Option<std::net::SocketAddr> {
        self.acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().copied())
    }

    /// Serves until SIGINT or SIGTERM, then drains connections.
    pub async fn run(self) -> anyhow::Result<()> {
        let app = router(self.state.clone());
        let jobs = crate::jobs::spawn(self.state.clone());
        Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(app, shutdown_signal(), Some(Duration::from_secs(10)))
            .await?;
        jobs.abort();
        self.state.db.clone().close().await;
        Ok(())
    }
}

/// Everything but the listener: what in-process tests need.
pub async fn build_state(settings: Settings) -> anyhow::Result<Arc<AppState>> {
    let db = Db::connect(&settings).await?;
    db.migrate().await?;
    store::rollups::ensure(&db, settings.tz()).await?;
    let jwt = JwtKeys::load_or_generate(
        &settings.jwt_key_path(),
        settings.env != Environment::Production,
        &settings.jwt_issuer,
        &settings.jwt_audience,
    )?;
    let vault = crate::auth::vault::Vault::load_or_generate(
        &settings.id_key_path(),
        settings.env != Environment::Production,
    )?;
    let audit_signer = crate::auth::audit_key::AuditSigner::load_or_generate(
        &settings.audit_key_path(),
        settings.env != Environment::Production,
    )?;
    bootstrap(&settings, &db).await?;
    let throttle = LoginThrottle::new(
        settings.login_max_failures,
        Duration::from_secs(settings.login_window_secs),
    );
    let mailer = crate::mail::Mailer::from_settings(&settings)?;
    let checkins = store::group_commit::CheckinWriter::start(db.clone());
    Ok(Arc::new(AppState {
        settings,
        db,
        jwt,
        throttle,
        metrics: metrics_handle(),
        clock: crate::clock::Clock::default(),
        vault,
        audit_signer,
        mailer,
        instance_id: uuid::Uuid::now_v7().to_string(),
        checkins,
    }))
}

/// On an empty database: the bureau and its first admin.
async fn bootstrap(settings: &Settings, db: &Db) -> anyhow::Result<()> {
    if !store::users::none_exist(&db.read).await? {
        return Ok(());
    }
    let email = settings
        .bootstrap_admin_email
        .clone()
        .unwrap_or_else(|| "admin@huigui.local".into());
    let (password, generated) = match &settings.bootstrap_admin_password {
        Some(p) if p.0.chars().count() >= password::MIN_PASSWORD_LEN => (p.0.clone(), false),
        Some(_) => anyhow::bail!(
            "HUIGUI_BOOTSTRAP_ADMIN_PASSWORD must be at least {} characters",
            password::MIN_PASSWORD_LEN
        ),
        None if settings.env == Environment::Production => {
            anyhow::bail!("production needs HUIGUI_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD on first start")
        }
        None => (crate::auth::random_secret(12), true),
    };
    let hash = password::hash(password.clone()).await?;
    let txn = db.begin().await?;
    let bureau = store::organizations::insert(
        &txn,
        store::organizations::NewOrganization {
            kind: OrgKind::Bureau,
            name: "文水县司法局 Wenshui County Justice Bureau".into(),
            uscc: Uscc::complete("1114112100000001")?.to_string(),
            parent_id: None,
            township: None,
            contact_email: None,
        },
    )
    .await?;
    let admin = store::users::insert(
        &txn,
        store::users::NewUser {
            organization_id: bureau.id,
            email: email.clone(),
            display_name: "Administrator".into(),
            role: Role::Admin,
            password_hash: hash,
        },
    )
    .await?;
    let actor = audit::Actor::system("bootstrap");
    audit::record(
        &txn,
        &actor,
        "organization.create",
        "organization",
        Some(bureau.id.to_string()),
        json!({"kind": "bureau", "bootstrap": true}),
    )
    .await?;
    audit::record(
        &txn,
        &actor,
        "user.create",
        "user",
        Some(admin.id.to_string()),
        json!({"role": "admin", "bootstrap": true}),
    )
    .await?;
    txn.commit().await?;
    if generated {
        let path = settings.data_dir.join("initial-admin.txt");
        let text = format!("email: {email}\npassword: {password}\n");
        let _ = std::fs::remove_file(&path);
        crate::auth::jwt::write_private(&path, text.as_bytes())?;
        // Printed once, on purpose: this is how the operator logs in the first time.
        println!(
            "Created the first admin.\n  email:    {email}\n  password: {password}\n  (also in {})",
            path.display()
        );
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
