//! Group commit of single check-ins. Each check-in is an insert plus an
//! append to the hash-chained audit trail, whose head every writer must read
//! and extend in turn (the single SQLite writer, the chain's advisory lock on
//! PostgreSQL), so one transaction per check-in serialises them. Instead the
//! handlers hand their check-ins, unvalidated, to one writer task, which
//! judges and commits everything queued so far in one transaction: the
//! sessions and enrolments of the whole batch read in two queries inside that
//! transaction (so a session cancelled or an enrolment removed a moment
//! before is refused at once, on any instance), each check-in judged by the
//! rules its handler sent along, events checked against stored
//! `client_event_id`s, inserted in multi-row statements, and one chained
//! audit event each. Nobody waits for a timer: under light load a batch is
//! one check-in; under load the queue grows while the previous batch
//! commits. A batch that fails is retried one check-in at a time, so one bad
//! row fails only its own request.
//!
//! On SQLite the writer runs on its own thread (a one-thread runtime): its
//! round trips to the connection's worker thread never wait behind request
//! tasks on the shared runtime.

use std::collections::HashMap;

use entity::{attendance_event, session};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    store::{Db, audit},
};

/// Most check-ins in one transaction.
const MAX_BATCH: usize = 512;

/// How a check-in is judged against its session (of the caller's NGO) and
/// the enrolment of its person (`None`: not enrolled; `Some(active)`).
pub type Rules = Box<dyn Fn(&session::Model, Option<bool>) -> ApiResult<()> + Send + Sync>;

/// One check-in, its audit event and the rules it must pass.
pub struct Checkin {
    /// The NGO whose session the event must belong to (another's is a 404).
    pub ngo_id: Uuid,
    pub row: attendance_event::Model,
    pub audit: audit::Entry,
    pub rules: Rules,
}

/// What became of a check-in.
pub enum Written {
    Created,
    /// An event with this `client_event_id` is already stored (or earlier in
    /// the same batch); nothing was written.
    Known(Box<attendance_event::Model>),
    /// The `client_event_id` belongs to another NGO's event: nothing was
    /// written, and the caller learns nothing about it.
    Foreign,
}

type Job = (Checkin, oneshot::Sender<ApiResult<Written>>);

/// The handle the handlers use; the writer task ends when it is dropped.
#[derive(Clone, Debug)]
pub struct CheckinWriter {
    tx: mpsc::Sender<Job>,
}

impl CheckinWriter {
    /// Starts the writer: on SQLite on a thread of its own, else as a task
    /// of the current runtime.
    pub fn start(db: Db) -> Self {
        let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
        if db.backend() == sea_orm::DbBackend::Sqlite {
            std::thread::Builder::new()
                .name("checkin-writer".into())
                .spawn(move || {
                    match tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    {
                        Ok(rt) => rt.block_on(run(db, rx)),
                        // Without a writer every check-in answers 503.
                        Err(e) => tracing::error!(error = %e, "check-in writer runtime"),
                    }
                })
                .map_err(|e| tracing::error!(error = %e, "check-in writer thread"))
                .ok();
        } else {
            tokio::spawn(run(db, rx));
        }
        Self { tx }
    }

    /// Queues a check-in and waits until it is committed (or refused).
    pub async fn write(&self, checkin: Checkin) -> ApiResult<Written> {
        let (done, answer) = oneshot::channel();
        self.tx
            .send((checkin, done))
            .await
            .map_err(|_| ApiError::Unavailable)?;
        answer.await.map_err(|_| ApiError::Unavailable)?
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let (items, answers): (Vec<Checkin>, Vec<_>) = jobs.into_iter().unzip();
        match commit(&db, &items).await {
            Ok(written) => {
                for (w, done) in written.into_iter().zip(answers) {
                    let _ = done.send(w);
                }
            }
            Err(e) if items.len() == 1 => {
                if let Some(done) = answers.into_iter().next() {
                    let _ = done.send(Err(e));
                }
            }
            Err(ApiError::Unavailable) => {
                for done in answers {
                    let _ = done.send(Err(ApiError::Unavailable));
                }
            }
            Err(_) => {
                for (item, done) in items.iter().zip(answers) {
                    let one = commit(&db, std::slice::from_ref(item)).await;
                    let _ = done.send(one.and_then(|mut w| w.remove(0)));
                }
            }
        }
    }
}

/// One transaction for the batch: its sessions and enrolments read in two
/// queries, each check-in judged by its rules (refusals answered, nothing
/// written for them), the rest checked against stored `client_event_id`s and
/// written with their audit events. The answers in the batch's order; `Err`
/// when the transaction itself failed.
async fn commit(db: &Db, items: &[Checkin]) -> ApiResult<Vec<ApiResult<Written>>> {
    let txn = db.begin().await?;
    let pairs: Vec<(Uuid, Uuid)> = items
        .iter()
        .map(|c| (c.row.session_id, c.row.participant_id))
        .collect();
    let (sessions, enrolled) = super::sessions::checkin_facts(&txn, &pairs).await?;
    let verdicts: Vec<ApiResult<()>> = items
        .iter()
        .map(|c| {
            let key = (c.row.session_id, c.row.participant_id);
            match sessions.get(&key.0).filter(|s| s.ngo_id == c.ngo_id) {
                None => Err(ApiError::NotFound),
                Some(s) => (c.rules)(s, enrolled.get(&key).copied()),
            }
        })
        .collect();
    let ids: Vec<Uuid> = items
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.is_ok())
        .filter_map(|(c, _)| c.row.client_event_id)
        .collect();
    let mut known: HashMap<Uuid, (attendance_event::Model, Uuid)> = HashMap::new();
    if !ids.is_empty() {
        for (e, ngo) in super::sessions::events_by_client_ids(&txn, &ids).await? {
            if let Some(cid) = e.client_event_id {
                known.insert(cid, (e, ngo));
            }
        }
    }
    let mut written = Vec::with_capacity(items.len());
    let mut rows = Vec::with_capacity(items.len());
    let mut entries = Vec::with_capacity(items.len());
    for (c, verdict) in items.iter().zip(verdicts) {
        if let Err(refused) = verdict {
            written.push(Err(refused));
            continue;
        }
        if let Some(cid) = c.row.client_event_id {
            if let Some((old, ngo)) = known.get(&cid) {
                written.push(Ok(if *ngo == c.ngo_id {
                    Written::Known(Box::new(old.clone()))
                } else {
                    Written::Foreign
                }));
                continue;
            }
            known.insert(cid, (c.row.clone(), c.ngo_id));
        }
        written.push(Ok(Written::Created));
        rows.push(c.row.clone());
        entries.push(c.audit.clone());
    }
    if !rows.is_empty() {
        super::sessions::insert_events(&txn, rows).await?;
        audit::record_many(&txn, entries).await?;
    }
    txn.commit().await?;
    Ok(written)
}
