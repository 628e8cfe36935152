//! Background jobs: one in-process scheduler ticking every
//! `HUIGUI_JOB_INTERVAL_SECS`. Each job runs under a lease row in the
//! database, so that several `huigui serve` instances on one PostgreSQL never
//! run the same job at once; every job is idempotent (alerts are unique per
//! cause and period, reminders are marked once, sessions close once).

use std::{sync::Arc, time::Duration};

use crate::{error::ApiError, state::AppState, store};

/// The jobs, in the order a tick runs them (mail last, so that what the
/// others raise goes out in the same tick).
pub const JOBS: &[&str] = &[
    "close_sessions",
    "monthly_checks",
    "correction_ending",
    "referral_reminders",
    "report_reminders",
    "finding_reminders",
    "task_reminders",
    "notice_reminders",
    "monthly_summary",
    "audit_checkpoint",
    "outbox",
    "optimize",
];

/// How long a lease lasts if its holder dies mid-run.
const LEASE_SECS: i64 = 300;

/// Starts the scheduler; abort the handle to stop it.
pub fn spawn(state: Arc<AppState>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        // The first tick comes one interval after start, not at once: a
        // restarting instance does not begin with a burst of job work.
        let every = Duration::from_secs(state.settings.job_interval_secs);
        let mut interval = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            tick(&state).await;
        }
    })
}

/// Runs every job whose lease this instance gets. Returns what ran: `(job, Ok(items) | Err(message))`.
pub async fn tick(state: &AppState) -> Vec<(&'static str, Result<usize, String>)> {
    let mut ran = Vec::new();
    for job in JOBS {
        match run(state, job).await {
            Ok(None) => {}
            Ok(Some(n)) => {
                metrics::counter!("huigui_job_runs_total", "job" => *job, "outcome" => "ok")
                    .increment(1);
                ran.push((*job, Ok(n)));
            }
            Err(e) => {
                metrics::counter!("huigui_job_runs_total", "job" => *job, "outcome" => "error")
                    .increment(1);
                tracing::error!(job, "background job failed: {e}");
                ran.push((*job, Err(e.to_string())));
            }
        }
    }
    ran
}

/// Runs one job under its lease; `None` when another instance holds it.
pub async fn run(state: &AppState, job: &str) -> Result<Option<usize>, ApiError> {
    let now = state.clock.now();
    let holder = &state.instance_id;
    let until = now + chrono::Duration::seconds(LEASE_SECS);
    if !store::outbox::acquire_lease(&state.db.write, job, holder, now, until).await? {
        return Ok(None);
    }
    let result = match job {
        "close_sessions" => crate::app::sessions::close_overdue(state).await,
        "monthly_checks" => crate::app::alerts::monthly_checks(state).await,
        "correction_ending" => crate::app::alerts::correction_ending_checks(state).await,
        "referral_reminders" => crate::app::referrals::reminders(state).await,
        "report_reminders" => crate::app::reports::reminders(state).await,
        "finding_reminders" => crate::app::findings::reminders(state).await,
        "task_reminders" => crate::app::meetings::reminders(state).await,
        "notice_reminders" => crate::app::notices::reminders(state).await,
        "monthly_summary" => crate::app::stats::monthly_summary(state).await,
        "audit_checkpoint" => crate::app::audit::scheduled_checkpoint(state).await,
        "outbox" => crate::mail::deliver_due(state).await.map(|(sent, _)| sent),
        "optimize" => state.db.optimize().await.map(|_| 0).map_err(ApiError::from),
        other => Err(ApiError::Internal(anyhow::anyhow!("unknown job {other}"))),
    };
    store::outbox::release_lease(&state.db.write, job, holder, state.clock.now()).await?;
    result.map(Some)
}
