//! sea-orm entities, one module per table. Rows, not API types: the `api`
//! layer converts them explicitly so that no hash or secret ever leaks.

pub mod alert;
pub mod amendment;
pub mod api_client;
pub mod attendance_event;
pub mod audit_checkpoint;
pub mod audit_event;
pub mod bid;
pub mod bid_score;
pub mod contract;
pub mod contract_report;
pub mod discipline_record;
pub mod enrollment;
pub mod evaluation;
pub mod finding;
pub mod hours_approval;
pub mod hours_entry;
pub mod idempotency_key;
pub mod job_lease;
pub mod job_mark;
pub mod milestone;
pub mod month_closure;
pub mod organization;
pub mod outbox_mail;
pub mod outcome;
pub mod participant;
pub mod participant_transfer;
pub mod procurement;
pub mod referral;
pub mod refresh_token;
pub mod requirement_policy;
pub mod session;
pub mod user;
