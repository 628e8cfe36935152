//! Group commit of single check-ins. Each check-in is an insert plus an
//! append to the hash-chained audit trail, whose head every writer must read
//! and extend in turn (the single SQLite writer, the chain's advisory lock on
//! PostgreSQL), so one transaction per check-in serialises them. Instead the
//! handlers validate in parallel and hand the validated rows to one writer
//! task, which commits everything queued so far in one transaction: events
//! checked against stored `client_event_id`s, inserted in multi-row
//! statements, and one chained audit event each. Nobody waits for a timer:
//! under light load a batch is one check-in; under load the queue grows
//! while the previous batch commits. A batch that fails is retried one
//! check-in at a time, so one bad row fails only its own request.

use std::collections::HashMap;

use entity::attendance_event;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    store::{Db, audit},
};

/// Most check-ins in one transaction.
const MAX_BATCH: usize = 512;

/// One validated check-in and its audit event.
pub struct Checkin {
    /// The NGO whose session the event belongs to.
    pub ngo_id: Uuid,
    pub row: attendance_event::Model,
    pub audit: audit::Entry,
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
    /// Starts the writer task on the current runtime.
    pub fn start(db: Db) -> Self {
        let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(db, rx));
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
                    let _ = done.send(Ok(w));
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
                    let _ = done.send(one.map(|mut w| w.remove(0)));
                }
            }
        }
    }
}

/// One transaction for the batch; the answers in the batch's order.
async fn commit(db: &Db, items: &[Checkin]) -> ApiResult<Vec<Written>> {
    let txn = db.begin().await?;
    let ids: Vec<Uuid> = items.iter().filter_map(|c| c.row.client_event_id).collect();
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
    for c in items {
        if let Some(cid) = c.row.client_event_id {
            if let Some((old, ngo)) = known.get(&cid) {
                written.push(if *ngo == c.ngo_id {
                    Written::Known(Box::new(old.clone()))
                } else {
                    Written::Foreign
                });
                continue;
            }
            known.insert(cid, (c.row.clone(), c.ngo_id));
        }
        written.push(Written::Created);
        rows.push(c.row.clone());
        entries.push(c.audit.clone());
    }
    super::sessions::insert_events(&txn, rows).await?;
    audit::record_many(&txn, entries).await?;
    txn.commit().await?;
    Ok(written)
}
