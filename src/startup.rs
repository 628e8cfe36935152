//! Wiring only: the state (`state::build_state`) → the routes around the
//! API with the edge middleware → a bound listener; and the spec the routes
//! serve. `serve` and the tests use the same [`Application::build`].
//!
//! Nothing but `main` and the tests imports this module.

use std::{sync::Arc, time::Duration};

use poem::{
    Endpoint, EndpointExt, IntoResponse, Route, Server,
    endpoint::BoxEndpoint,
    listener::{Acceptor, Listener, TcpListener},
    middleware::Cors,
};
use poem_openapi::{LicenseObject, OpenApiService, ServerObject};

use crate::{
    api,
    config::Settings,
    state::{AppState, build_state},
};

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
    crate::store::outbox::mark_once(&state.db.write, &uuid::Uuid::now_v7().to_string(), now)
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
