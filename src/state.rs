//! `AppState`: what every layer shares in one running server — settings,
//! the database, clock, keys, mailer, the login throttle, metrics and the
//! check-in writer — and [`build_state`], which connects, migrates, loads or
//! creates the keys and bootstraps an empty database.
//!
//! Used by `api`, `app`, `jobs`, `mail`, `cli` and the tests; depends on
//! `config`, `store`, `auth` and `app::bootstrap` only (never on `api` or
//! `startup`).

use std::{
    sync::{Arc, OnceLock},
    time::Duration,
};

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::{
    auth::{jwt::JwtKeys, throttle::LoginThrottle},
    config::{Environment, Settings},
    store::{self, Db},
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
    crate::app::bootstrap::first_admin(&settings, &db).await?;
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
