//! Use cases, one module per capability: the transaction, the rules, the
//! audit event and the outbox mail of one piece of work, called alike by
//! HTTP handlers, background jobs and the CLI. No HTTP here.
//!
//! (Capabilities move here from `api` as they are reworked; new ones start here.)

/// Signed audit checkpoints: taking, mailing and verifying against them.
pub mod audit;
/// A person's month judged against their requirement, for many people at once.
pub mod hours;
/// Listing participants by what only a use case can judge (their month's status).
pub mod participants;
