//! Pure domain rules: no poem, no sea-orm. Most unit tests live here.

/// The hash chain of the audit trail.
pub mod audit_chain;
/// Organisation kinds, roles and client scopes.
pub mod roles;
/// Unified social credit codes (GB 32100) with the embedded GB 11714 check.
pub mod uscc;
