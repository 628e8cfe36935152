//! Huigui (回归): the backend a county justice bureau and its contracted NGOs
//! use to run government-purchased community-corrections services.
//!
//! Layers point one way: `api` → `domain`, `store` → `entity`.

/// HTTP API: one module per resource group, request/response objects.
pub mod api;
/// Use cases shared by handlers, jobs and the CLI (transaction, rules, audit, outbox).
pub mod app;
/// Authentication (JWT, passwords, security scheme) and authorization (permission matrix).
pub mod auth;
/// Command-line helpers behind `huigui admin` and `huigui demo`.
pub mod cli;
/// "Now" for business rules, advanceable in tests.
pub mod clock;
/// One typed configuration, defaults < `huigui.toml` < environment.
pub mod config;
/// Connection hygiene: header-read and idle timeouts on every connection.
pub mod conn;
/// The web console (`web/dist/`, embedded): static files, client-route fallback, security headers.
pub mod console;
/// The one CSV writer (BOM, header, formula-safe cells).
pub mod csvfile;
/// Pure rules: checksums, roles, audit hashing. No framework imports.
pub mod domain;
/// `ApiError` and its problem+json form.
pub mod error;
/// `Idempotency-Key` replay for POSTs that create something.
pub mod idempotency;
/// Background jobs with database leases.
pub mod jobs;
/// The mail outbox, its delivery and the mail templates.
pub mod mail;
/// Request-edge middleware: request ids, metrics, problem+json for framework errors.
pub mod middleware;
/// County-scale generated data (`huigui demo --scale N`).
pub mod scale;
/// Building and running the application; shared by `serve` and the tests. Only wiring.
pub mod startup;
/// `AppState`, shared by every layer, and how it is built.
pub mod state;
/// Database access, scoped by caller, usable inside a caller's transaction.
pub mod store;
