//! Use cases, one module per capability: the transaction, the rules, the
//! audit event and the outbox mail of one piece of work, called alike by
//! HTTP handlers, background jobs and the CLI. No HTTP here.
//!
//! (Capabilities move here from `api` as they are reworked; new ones start here.)

/// Signed audit checkpoints: taking, mailing and verifying against them.
pub mod audit;
