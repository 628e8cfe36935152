//! Check events from every source — NGO staff, rotating QR codes, partner
//! apps (geofenced) — one at a time (group-committed with concurrent
//! check-ins by `store::group_commit`) or as offline batches: one
//! validation path for all of them. Also excusing an absence and rating an
//! attendance.
//!
//! Depends on `domain`, `store` and `auth` (who records); called by the
//! attendance handlers.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, SubsecRound, Utc};
use entity::{attendance_event, enrollment, session};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::{Caller, Permission, UserCaller},
    domain::{
        attendance::{Arrival, Source, refusals},
        roles::Scope,
        session::{Outcome, SessionStatus, may_excuse, may_rate},
    },
    error::{ApiError, ApiResult, FieldError, stored},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
        group_commit::{Checkin, Written},
    },
};

/// Largest offline batch.
pub const MAX_SYNC_EVENTS: usize = 5000;

/// Who records events: NGO staff, or a partner app of the NGO with `attendance:write`.
pub struct Recorder {
    pub ngo_id: Uuid,
    pub actor_id: Uuid,
    pub is_client: bool,
}

impl Recorder {
    /// Staff with `permission`, or a partner app with `attendance:write`.
    pub fn with(caller: &Caller, permission: Permission) -> ApiResult<Self> {
        match caller {
            Caller::Client(c) if c.scopes.contains(&Scope::AttendanceWrite) => Ok(Self {
                ngo_id: c.org_id,
                actor_id: c.id,
                is_client: true,
            }),
            Caller::Client(_) => Err(ApiError::Forbidden),
            Caller::User(_) => {
                let u = caller.require(permission)?;
                Ok(Self {
                    ngo_id: u.org_id,
                    actor_id: u.user_id,
                    is_client: false,
                })
            }
        }
    }

    /// Who records check events.
    pub fn from_caller(caller: &Caller) -> ApiResult<Self> {
        Self::with(caller, Permission::RecordAttendance)
    }

    fn label(&self) -> String {
        let kind = if self.is_client { "client" } else { "user" };
        format!("{kind}:{}", self.actor_id)
    }
}

/// The current QR payload of a session and when it expires.
pub fn qr_token(state: &AppState, session_id: Uuid, now: DateTime<Utc>) -> (String, DateTime<Utc>) {
    let secs = state.settings.qr_window_secs;
    let window = now.timestamp().div_euclid(secs);
    let sig = state
        .vault
        .lookup_hash(&format!("qr:{session_id}:{window}"));
    let expires = DateTime::from_timestamp((window + 2) * secs, 0).unwrap_or(now);
    (format!("{window}.{}", &sig[..32]), expires)
}

/// The current code of a scheduled session the caller sees (409 otherwise).
pub async fn checkin_code<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    caller: &UserCaller,
    session_id: Uuid,
) -> ApiResult<(String, DateTime<Utc>)> {
    let s = store::sessions::get(conn, caller, session_id).await?;
    stored::<SessionStatus>(&s.status)?
        .require_scheduled()
        .map_err(ApiError::InvalidTransition)?;
    Ok(qr_token(state, s.id, state.clock.now()))
}

fn qr_valid(state: &AppState, session_id: Uuid, token: &str, now: DateTime<Utc>) -> bool {
    let Some((w, sig)) = token.split_once('.') else {
        return false;
    };
    let Ok(window) = w.parse::<i64>() else {
        return false;
    };
    let current = now.timestamp().div_euclid(state.settings.qr_window_secs);
    let expected = state
        .vault
        .lookup_hash(&format!("qr:{session_id}:{window}"));
    (window == current || window == current - 1) && expected[..32] == *sig
}

/// One check event as sent.
pub struct Arriving<'a> {
    pub client_event_id: Option<Uuid>,
    pub session_id: Uuid,
    pub participant_id: Uuid,
    /// A check-in (else a check-out).
    pub check_in: bool,
    /// Device time.
    pub at: DateTime<Utc>,
    pub source: Source,
    pub qr_token: Option<&'a str>,
    pub location: Option<(f64, f64)>,
}

impl Arriving<'_> {
    /// The device time as stored: to the microsecond (PostgreSQL's
    /// precision), so that a replay compares equal on every database.
    fn at(&self) -> DateTime<Utc> {
        self.at.trunc_subsecs(6)
    }

    fn kind(&self) -> &'static str {
        if self.check_in {
            "check_in"
        } else {
            "check_out"
        }
    }
}

/// Sessions and their enrolments looked up once per request (before the write
/// transaction, from the read pool), and the events written so far, by
/// `client_event_id`, so that a batch needs no per-event queries.
#[derive(Default)]
struct SessionCache {
    /// Each session (if the NGO's) with its enrolled people and whether each is active.
    sessions: HashMap<Uuid, Option<(session::Model, store::sessions::Enrolled)>>,
    known: HashMap<Uuid, attendance_event::Model>,
    /// Client ids stored under another NGO's sessions: answered like a
    /// foreign session, never as a duplicate or conflict.
    foreign: HashSet<Uuid>,
    /// Events validated and waiting for one batched insert.
    pending: Vec<attendance_event::Model>,
}

impl SessionCache {
    /// Loads the NGO's sessions among `ids` and their enrolments in two queries.
    async fn preload<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        ngo_id: Uuid,
        ids: &[Uuid],
    ) -> ApiResult<()> {
        let found = store::sessions::for_ngo_with_enrolled(conn, ngo_id, ids).await?;
        for id in ids {
            self.sessions.insert(*id, None);
        }
        for (s, enrolled) in found {
            self.sessions.insert(s.id, Some((s, enrolled)));
        }
        Ok(())
    }

    /// Loads the stored events with these client ids (inside the write
    /// transaction), keeping the NGO's own apart from other NGOs'.
    async fn load_known<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        ngo_id: Uuid,
        ids: &[Uuid],
    ) -> ApiResult<()> {
        for (e, owner) in store::sessions::events_by_client_ids(conn, ids).await? {
            if let Some(cid) = e.client_event_id {
                if owner == ngo_id {
                    self.known.insert(cid, e);
                } else {
                    self.foreign.insert(cid);
                }
            }
        }
        Ok(())
    }
}

/// What makes two events with one `client_event_id` the same (a harmless
/// replay) rather than a conflict.
fn identity(e: &attendance_event::Model) -> (Uuid, Uuid, &str, DateTime<Utc>, &str) {
    (e.session_id, e.participant_id, &e.kind, e.at, &e.source)
}

/// What an event's rules need to know of it besides its session: computed
/// before any database work (the QR code is checked against the session id
/// it names).
#[derive(Clone, Copy)]
struct Facts {
    source: Source,
    by_client: bool,
    qr_valid: bool,
    location: Option<(f64, f64)>,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
}

impl Facts {
    fn of(state: &AppState, rec: &Recorder, ev: &Arriving<'_>, now: DateTime<Utc>) -> Self {
        Self {
            source: ev.source,
            by_client: rec.is_client,
            qr_valid: ev.source == Source::Qr
                && ev
                    .qr_token
                    .is_some_and(|t| qr_valid(state, ev.session_id, t, now)),
            location: ev.location,
            at: ev.at(),
            now,
        }
    }

    /// The one judgement of a check event against its session (scheduled,
    /// else 409) and the person's enrolment (`None`: not enrolled;
    /// `Some(active)`): the refusals of `domain::attendance` as one 422.
    fn judge(&self, s: &session::Model, enrolment: Option<bool>) -> ApiResult<()> {
        stored::<SessionStatus>(&s.status)?
            .require_scheduled()
            .map_err(ApiError::InvalidTransition)?;
        let arrival = Arrival {
            source: self.source,
            by_client: self.by_client,
            qr_valid: self.qr_valid,
            point: match (s.latitude_e6, s.longitude_e6, s.radius_m) {
                (Some(lat), Some(lon), Some(r)) => {
                    Some((lat as f64 / 1e6, lon as f64 / 1e6, r as f64))
                }
                _ => None,
            },
            location: self.location,
            at: self.at,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            now: self.now,
            enrolled: enrolment.is_some(),
            active: enrolment.unwrap_or(false),
        };
        let refused: Vec<FieldError> = refusals(&arrival)
            .into_iter()
            .map(|(field, message)| FieldError::new(field, message))
            .collect();
        if refused.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(refused))
        }
    }
}

/// The row an accepted event becomes.
fn event_row(rec: &Recorder, ev: &Arriving<'_>, now: DateTime<Utc>) -> attendance_event::Model {
    attendance_event::Model {
        id: Uuid::now_v7(),
        session_id: ev.session_id,
        participant_id: ev.participant_id,
        client_event_id: ev.client_event_id,
        kind: ev.kind().into(),
        at: ev.at(),
        source: ev.source.as_str().into(),
        recorded_at: now,
        recorded_by: rec.actor_id,
    }
}

/// What happened to one event.
enum Applied {
    Created,
    Duplicate,
    Conflict,
}

/// Validates one event against what the cache knows (loading its session
/// when unknown) and queues it for the insert.
async fn apply<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    rec: &Recorder,
    ev: &Arriving<'_>,
    cache: &mut SessionCache,
    now: DateTime<Utc>,
) -> ApiResult<Applied> {
    let (kind, source) = (ev.kind(), ev.source.as_str());
    if let Some(cid) = ev.client_event_id {
        if cache.foreign.contains(&cid) {
            return Err(ApiError::NotFound);
        }
        if let Some(old) = cache.known.get(&cid) {
            let same = identity(old) == (ev.session_id, ev.participant_id, kind, ev.at(), source);
            return Ok(if same {
                Applied::Duplicate
            } else {
                Applied::Conflict
            });
        }
    }
    if !cache.sessions.contains_key(&ev.session_id) {
        cache.preload(conn, rec.ngo_id, &[ev.session_id]).await?;
    }
    let Some((s, enrolled)) = cache.sessions.get(&ev.session_id).and_then(|e| e.as_ref()) else {
        return Err(ApiError::NotFound);
    };
    let facts = Facts::of(state, rec, ev, now);
    facts.judge(s, enrolled.get(&ev.participant_id).copied())?;
    let row = event_row(rec, ev, now);
    if let Some(cid) = ev.client_event_id {
        cache.known.insert(cid, row.clone());
    }
    cache.pending.push(row);
    Ok(Applied::Created)
}

/// One check event recorded.
pub struct Recorded {
    pub id: Uuid,
    pub recorded_at: DateTime<Utc>,
}

/// Records one check event: handed to the group-committing writer, which
/// judges it (by [`Facts::judge`], the rules of an offline batch too)
/// against its session and enrolment read inside the transaction that
/// writes it, checks its `client_event_id` and writes its audit event with
/// concurrent check-ins; it is stored when this returns. A `client_event_id` seen before is a 409
/// (a replay belongs in a sync); another NGO's is a 404.
pub async fn record(
    state: &AppState,
    actor: Actor,
    rec: &Recorder,
    ev: &Arriving<'_>,
) -> ApiResult<Recorded> {
    const REPLAYED: &str =
        "this client_event_id was already recorded (use /attendance/sync for replays)";
    const CONFLICT: &str = "a different event has this client_event_id";
    let now = state.clock.now();
    let row = event_row(rec, ev, now);
    let facts = Facts::of(state, rec, ev, now);
    let audit = audit::Entry {
        actor,
        action: format!("attendance.{}", ev.kind()),
        object_type: "session".into(),
        object_id: Some(ev.session_id.to_string()),
        summary: json!({"participant_id": ev.participant_id, "source": row.source}),
    };
    let checkin = Checkin {
        ngo_id: rec.ngo_id,
        row: row.clone(),
        audit,
        rules: Box::new(move |s, enrolment| facts.judge(s, enrolment)),
    };
    match state.checkins.write(checkin).await? {
        Written::Created => Ok(Recorded {
            id: row.id,
            recorded_at: now,
        }),
        Written::Known(old) if identity(&old) == identity(&row) => {
            Err(ApiError::Conflict(REPLAYED.into()))
        }
        Written::Known(_) => Err(ApiError::Conflict(CONFLICT.into())),
        Written::Foreign => Err(ApiError::NotFound),
    }
}

/// What became of one event of a batch.
pub enum Synced {
    Created,
    /// Same `client_event_id` and payload: a harmless replay.
    Duplicate,
    /// Same id, different payload: nothing changes.
    Conflict(String),
    Rejected(String),
}

/// Records an offline batch (≤ [`MAX_SYNC_EVENTS`], 422 otherwise) in one
/// transaction with one audit event: each item on its own, in order.
/// Items that could not even be read arrive as `Err(why)` and are rejected.
pub async fn sync(
    state: &AppState,
    actor: &Actor,
    rec: &Recorder,
    items: &[Result<Arriving<'_>, String>],
) -> ApiResult<Vec<Synced>> {
    if items.len() > MAX_SYNC_EVENTS {
        return Err(ApiError::field(
            "events",
            format!("at most {MAX_SYNC_EVENTS} events per batch"),
        ));
    }
    let now = state.clock.now();
    let mut cache = SessionCache::default();
    let ok = || items.iter().filter_map(|e| e.as_ref().ok());
    let mut sessions: Vec<Uuid> = ok().map(|e| e.session_id).collect();
    sessions.sort_unstable();
    sessions.dedup();
    cache.preload(&state.db.read, rec.ngo_id, &sessions).await?;
    let txn = state.db.begin().await?;
    let ids: Vec<Uuid> = ok().filter_map(|e| e.client_event_id).collect();
    cache.load_known(&txn, rec.ngo_id, &ids).await?;
    let mut results = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let ev = match item {
            Ok(ev) => ev,
            Err(message) => {
                results.push(Synced::Rejected(format!("events[{index}]: {message}")));
                continue;
            }
        };
        results.push(match apply(&txn, state, rec, ev, &mut cache, now).await {
            Ok(Applied::Created) => Synced::Created,
            Ok(Applied::Duplicate) => Synced::Duplicate,
            Ok(Applied::Conflict) => {
                Synced::Conflict("a different event has this client_event_id".into())
            }
            Err(ApiError::Validation(errs)) => Synced::Rejected(
                errs.iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Err(ApiError::NotFound) => Synced::Rejected("no such session of yours".into()),
            Err(ApiError::InvalidTransition(m)) => Synced::Rejected(m),
            Err(e) => return Err(e),
        });
    }
    let created = results
        .iter()
        .filter(|r| matches!(r, Synced::Created))
        .count();
    store::sessions::insert_events(&txn, std::mem::take(&mut cache.pending)).await?;
    let detail = json!({"events": items.len(), "created": created, "recorder": rec.label()});
    audit::record(
        &txn,
        actor,
        "attendance.sync",
        "attendance_batch",
        None,
        detail,
    )
    .await?;
    txn.commit().await?;
    Ok(results)
}

/// Excuses an absence (请假) of a person of the caller's office (404 for
/// anyone else's): before the session closes the person is `excused` unless
/// they check in anyway; after it closes a `no_show` becomes `excused`.
pub async fn excuse<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    enrollment_id: Uuid,
    reason: String,
) -> ApiResult<enrollment::Model> {
    let now = state.clock.now();
    let mut e = store::sessions::enrollment_by_id(txn, enrollment_id).await?;
    let p = store::participants::get(txn, caller, e.participant_id).await?;
    if p.judicial_office_id != Some(caller.org_id) {
        return Err(ApiError::NotFound);
    }
    let s = store::sessions::get(txn, caller, e.session_id).await?;
    let status: SessionStatus = stored(&s.status)?;
    may_excuse(status, Outcome::of(e.outcome.as_deref())).map_err(ApiError::InvalidTransition)?;
    if status == SessionStatus::Closed {
        e.outcome = Some(Outcome::Excused.as_str().into());
    }
    e.excuse_reason = Some(reason);
    e.excused_by = Some(caller.user_id);
    e.excused_at = Some(now);
    let e = store::sessions::save_enrollment(txn, e).await?;
    store::rollups::refresh_session(txn, state.settings.tz(), &s).await?;
    let detail = json!({"participant_id": p.id, "attendance_id": e.id});
    let object = Some(s.id.to_string());
    audit::record(txn, actor, "attendance.excuse", "session", object, detail).await?;
    Ok(e)
}

/// Rates (1–5) an attendance of a closed session of the recorder's NGO by
/// someone who attended (409 otherwise); feeds the `satisfaction` KPI.
pub async fn rate<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    rec: &Recorder,
    enrollment_id: Uuid,
    rating: i32,
) -> ApiResult<enrollment::Model> {
    let mut e = store::sessions::enrollment_by_id(txn, enrollment_id).await?;
    let s = store::sessions::get_for_ngo(txn, rec.ngo_id, e.session_id).await?;
    if !may_rate(stored(&s.status)?, Outcome::of(e.outcome.as_deref())) {
        return Err(ApiError::InvalidTransition(
            "only an attendance of a closed session is rated".into(),
        ));
    }
    e.satisfaction = Some(rating);
    let e = store::sessions::save_enrollment(txn, e).await?;
    store::rollups::refresh_session(txn, state.settings.tz(), &s).await?;
    let detail = json!({"attendance_id": e.id, "rating": rating});
    let object = Some(s.id.to_string());
    audit::record(txn, actor, "attendance.rate", "session", object, detail).await?;
    Ok(e)
}
