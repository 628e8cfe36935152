//! Pure domain rules: no poem, no sea-orm. Most unit tests live here.

/// Attendance outcomes and credited hours.
pub mod attendance;
/// The hash chain of the audit trail.
pub mod audit_chain;
/// Alerts, referrals and the discipline rules.
pub mod care;
/// Agency types and the procuratorate's supervision findings.
pub mod collaboration;
/// Contract statuses, terms, amendment cap, payment rules.
pub mod contract;
/// How much of a person's identity a caller may see (full, masked, code only).
pub mod disclosure;
/// Distances for geofences.
pub mod geo;
/// The hours ledger: categories, months, reversals, policies, month status.
pub mod hours;
/// Citizen ID numbers: checksum, birth date, gender, masking.
pub mod id_number;
/// KPI metrics and live progress.
pub mod kpi;
/// Chinese names of stored codes (export, roster import).
pub mod labels;
/// Individual correction plans: the version in effect, goals, who sees what.
pub mod plan;
/// Procurement and bid statuses, weights, scores.
pub mod procurement;
/// Contract report statuses.
pub mod report;
/// Organisation kinds, roles and client scopes.
pub mod roles;
/// Sessions, enrolment outcomes and registrations as state machines.
pub mod session;
/// The status-transition macro and its error.
pub mod transition;
/// Unified social credit codes (GB 32100) with the embedded GB 11714 check.
pub mod uscc;
