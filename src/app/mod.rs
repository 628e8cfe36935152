//! Use cases, one module per capability: the transaction, the rules, the
//! audit event and the outbox mail of one piece of work, called alike by
//! HTTP handlers, background jobs and the CLI. No HTTP here.
//!
//! (Capabilities move here from `api` as they are reworked; new ones start here.)

/// Alerts: raising (deduped, mailed, audited), after a session closes, and the scheduled checks.
pub mod alerts;
/// Partner-app clients: creating (secret shown once) and revoking.
pub mod api_clients;
/// Check events (single, group-committed; offline batches), excuses and ratings.
pub mod attendance;
/// Signed audit checkpoints: taking, mailing and verifying against them.
pub mod audit;
/// The first start: the bureau and its first admin on an empty database.
pub mod bootstrap;
/// Contracts: drafting, editing, transitions, amendments, milestones, evaluations.
pub mod contracts;
/// Discipline records and the revocation the rules suggest.
pub mod discipline;
/// Procuratorate findings: record, respond, accept or reopen, overdue reminders.
pub mod findings;
/// A person's month judged against their requirement, for many people at once.
pub mod hours;
/// Login, refresh rotation, logout and the client-credentials grant.
pub mod login;
/// Joint meetings: convening, minutes (items), follow-up tasks, task reminders.
pub mod meetings;
/// Assistance notices to village committees: issue, acknowledge, the one reminder.
pub mod notices;
/// Registering organisations.
pub mod organizations;
/// Recording an outcome (by hand, on release or revocation).
pub mod outcomes;
/// Listing participants by what only a use case can judge (their month's status).
pub mod participants;
/// Individual correction plans: versions, the one in effect, goals met or missed.
pub mod plans;
/// Bids on published procurements.
pub mod procurement;
/// Records back to the provincial platform: a month per person, as rows or CSV.
pub mod records;
/// Referral reminders to agencies.
pub mod referrals;
/// Report reminders to NGOs.
pub mod reports;
/// The roster import's plan and its application.
pub mod roster;
/// Closing a session (outcomes, hours, alerts), by hand or by the job.
pub mod sessions;
/// Compliance, the overview and the monthly summary mail.
pub mod stats;
/// Correction teams: set by the office, Art. 25 checked.
pub mod teams;
/// Changing users (roles, disabling).
pub mod users;
