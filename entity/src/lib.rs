//! sea-orm entities, one module per table. Rows, not API types: the `api`
//! layer converts them explicitly so that no hash or secret ever leaks.

pub mod api_client;
pub mod audit_event;
pub mod idempotency_key;
pub mod organization;
pub mod refresh_token;
pub mod user;
