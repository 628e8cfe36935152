//! Check events from every source — NGO staff, rotating QR codes, partner
//! apps (geofenced) — one at a time or as offline batches
//! (`POST /attendance/sync`): one validation path for all of them.

use crate::api::text::{Credential, Prose};
use std::collections::{HashMap, HashSet};

use crate::api::types::stored;
use crate::domain::attendance::{Arrival, Source, refusals};
use crate::domain::session::{Outcome, SessionStatus, may_excuse, may_rate};
use chrono::{DateTime, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path},
    payload::Json,
};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use super::{CheckEvent, CheckKind, CheckSource, Enrollment};
use crate::api::types::{Check, IdempotencyKey, Int};

use crate::{
    api::{ApiTags, Ctx, types::Lenient},
    auth::{
        authz::{Caller, Permission},
        scheme::BearerAuth,
    },
    domain::roles::Scope,
    error::{ApiError, ApiResult},
    store::{self, audit},
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
    pub fn from_caller(caller: &Caller) -> ApiResult<Self> {
        match caller {
            Caller::Client(c) if c.scopes.contains(&Scope::AttendanceWrite) => Ok(Self {
                ngo_id: c.org_id,
                actor_id: c.id,
                is_client: true,
            }),
            Caller::Client(_) => Err(ApiError::Forbidden),
            Caller::User(_) => {
                let u = caller.require(Permission::RecordAttendance)?;
                Ok(Self {
                    ngo_id: u.org_id,
                    actor_id: u.user_id,
                    is_client: false,
                })
            }
        }
    }
}

/// The current QR payload of a session and when it expires.
pub fn qr_token(ctx: &Ctx, session_id: Uuid, now: DateTime<Utc>) -> (String, DateTime<Utc>) {
    let secs = ctx.state.settings.qr_window_secs;
    let window = now.timestamp().div_euclid(secs);
    let sig = ctx
        .state
        .vault
        .lookup_hash(&format!("qr:{session_id}:{window}"));
    let expires = DateTime::from_timestamp((window + 2) * secs, 0).unwrap_or(now);
    (format!("{window}.{}", &sig[..32]), expires)
}

fn qr_valid(ctx: &Ctx, session_id: Uuid, token: &str, now: DateTime<Utc>) -> bool {
    let Some((w, sig)) = token.split_once('.') else {
        return false;
    };
    let Ok(window) = w.parse::<i64>() else {
        return false;
    };
    let current = now
        .timestamp()
        .div_euclid(ctx.state.settings.qr_window_secs);
    let expected = ctx
        .state
        .vault
        .lookup_hash(&format!("qr:{session_id}:{window}"));
    (window == current || window == current - 1) && expected[..32] == *sig
}

/// Sessions and their enrolments looked up once per request (before the write
/// transaction, from the read pool), and the events written so far, by
/// `client_event_id`, so that a batch needs no per-event queries.
#[derive(Default)]
pub struct SessionCache {
    sessions: HashMap<Uuid, Option<(entity::session::Model, HashSet<Uuid>)>>,
    known: HashMap<Uuid, entity::attendance_event::Model>,
    /// Client ids stored under another NGO's sessions: answered like a
    /// foreign session, never as a duplicate or conflict.
    foreign: HashSet<Uuid>,
    /// Events validated and waiting for one batched insert.
    pub pending: Vec<entity::attendance_event::Model>,
}

impl SessionCache {
    /// Loads the NGO's sessions among `ids` and their enrolments in two queries.
    pub async fn preload<C: ConnectionTrait>(
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

    /// Loads one session of the NGO and whether one person is enrolled in it
    /// (a single check-in), in one query.
    pub async fn preload_one<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        ngo_id: Uuid,
        id: Uuid,
        participant_id: Uuid,
    ) -> ApiResult<()> {
        let found = store::sessions::for_ngo_enrolled(conn, ngo_id, id, participant_id).await?;
        self.sessions.insert(
            id,
            found.map(|(s, enrolled)| (s, HashSet::from_iter(enrolled.then_some(participant_id)))),
        );
        Ok(())
    }

    /// Loads the stored events with these client ids (inside the write
    /// transaction), keeping the NGO's own apart from other NGOs'.
    pub async fn load_known<C: ConnectionTrait>(
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

    /// Writes the pending events (batched).
    pub async fn flush<C: ConnectionTrait>(&mut self, conn: &C) -> ApiResult<()> {
        let rows = std::mem::take(&mut self.pending);
        store::sessions::insert_events(conn, rows).await
    }
}

/// What makes two events with one `client_event_id` the same (a harmless
/// replay) rather than a conflict.
pub fn identity(e: &entity::attendance_event::Model) -> (Uuid, Uuid, &str, DateTime<Utc>, &str) {
    (e.session_id, e.participant_id, &e.kind, e.at, &e.source)
}

/// What happened to one event.
pub enum Applied {
    Created(Uuid),
    Duplicate,
    Conflict,
}

/// Validates and stores one event (inside the caller's transaction).
#[allow(clippy::too_many_arguments)]
pub async fn apply<C: ConnectionTrait>(
    txn: &C,
    ctx: &Ctx,
    rec: &Recorder,
    session_id: Uuid,
    ev: &CheckEvent,
    cache: &mut SessionCache,
    now: DateTime<Utc>,
) -> ApiResult<Applied> {
    let kind = if ev.kind == CheckKind::CheckIn {
        "check_in"
    } else {
        "check_out"
    };
    let source = match ev.source {
        CheckSource::Staff => "staff",
        CheckSource::Qr => "qr",
        CheckSource::App => "app",
    };
    if ev
        .client_event_id
        .is_some_and(|cid| cache.foreign.contains(&cid))
    {
        return Err(ApiError::NotFound);
    }
    if let Some(cid) = ev.client_event_id
        && let Some(old) = cache.known.get(&cid)
    {
        return Ok(
            if identity(old) == (session_id, ev.participant_id, kind, ev.at, source) {
                Applied::Duplicate
            } else {
                Applied::Conflict
            },
        );
    }
    if !cache.sessions.contains_key(&session_id) {
        cache.preload(txn, rec.ngo_id, &[session_id]).await?;
    }
    let Some((s, enrolled)) = cache.sessions.get(&session_id).and_then(|e| e.as_ref()) else {
        return Err(ApiError::NotFound);
    };
    stored::<SessionStatus>(&s.status)?
        .require_scheduled()
        .map_err(ApiError::InvalidTransition)?;
    let arrival = Arrival {
        source: match ev.source {
            CheckSource::Staff => Source::Staff,
            CheckSource::Qr => Source::Qr,
            CheckSource::App => Source::App,
        },
        by_client: rec.is_client,
        qr_valid: ev.source == CheckSource::Qr
            && ev
                .qr_token
                .as_deref()
                .is_some_and(|t| qr_valid(ctx, s.id, t, now)),
        point: match (s.latitude_e6, s.longitude_e6, s.radius_m) {
            (Some(lat), Some(lon), Some(r)) => Some((lat as f64 / 1e6, lon as f64 / 1e6, r as f64)),
            _ => None,
        },
        location: ev.latitude.zip(ev.longitude),
        at: ev.at,
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        now,
        enrolled: enrolled.contains(&ev.participant_id),
    };
    let mut check = crate::api::types::Check::new();
    for (field, message) in refusals(&arrival) {
        check.fail(field, message);
    }
    check.finish()?;
    let id = Uuid::now_v7();
    let row = entity::attendance_event::Model {
        id,
        session_id: s.id,
        participant_id: ev.participant_id,
        client_event_id: ev.client_event_id,
        kind: kind.into(),
        at: ev.at,
        source: source.into(),
        recorded_at: now,
        recorded_by: rec.actor_id,
    };
    if let Some(cid) = ev.client_event_id {
        cache.known.insert(cid, row.clone());
    }
    cache.pending.push(row);
    Ok(Applied::Created(id))
}

/// The rotating check-in code of a session.
#[derive(Object)]
pub struct CheckinCode {
    /// Put this in the QR code; check events with `source: qr` carry it as `qr_token`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// One event of an offline batch.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct SyncEvent {
    pub client_event_id: Uuid,
    pub session_id: Uuid,
    pub participant_id: Uuid,
    pub kind: CheckKind,
    pub at: DateTime<Utc>,
    pub source: CheckSource,
    #[oai(nullable)]
    pub qr_token: Option<Credential>,
    #[oai(nullable, validator(minimum(value = "-90"), maximum(value = "90")))]
    pub latitude: Option<f64>,
    #[oai(nullable, validator(minimum(value = "-180"), maximum(value = "180")))]
    pub longitude: Option<f64>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct SyncBatch {
    /// Up to 5,000 events. Each is checked on its own: a malformed one (a
    /// bad UUID, a time without a zone, an unknown field) is answered
    /// `rejected` with its error and never fails the rest of the batch.
    pub events: Vec<Lenient<SyncEvent>>,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum SyncStatus {
    Created,
    Duplicate,
    Conflict,
    Rejected,
}

#[derive(Object)]
pub struct SyncResult {
    /// The event's position in the batch (0-based).
    pub index: i64,
    /// `null` only when the item carried no valid `client_event_id`.
    #[oai(nullable)]
    pub client_event_id: Option<Uuid>,
    pub status: SyncStatus,
    #[oai(nullable)]
    pub error: Option<String>,
}

#[derive(Object)]
pub struct SyncResults {
    pub results: Vec<SyncResult>,
}

pub struct AttendanceApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Sessions")]
impl AttendanceApi {
    /// The session's current rotating check-in code
    ///
    /// NGO staff (or a kiosk, a partner client with `checkin:read`) show it
    /// as a QR code for the NGO's own sessions; it rotates every
    /// `HUIGUI_QR_WINDOW_SECS` (default 60 s) and is accepted for two windows.
    #[oai(
        path = "/sessions/:id/checkin-code",
        method = "get",
        operation_id = "get_checkin_code"
    )]
    async fn checkin_code(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<CheckinCode>> {
        let caller = &auth
            .0
            .reader(Permission::RecordAttendance, Scope::CheckinRead)?;
        let s = store::sessions::get(&ctx.state.db.read, caller, id.0).await?;
        stored::<SessionStatus>(&s.status)?
            .require_scheduled()
            .map_err(ApiError::InvalidTransition)?;
        let (token, expires_at) = qr_token(&ctx, s.id, ctx.state.clock.now());
        Ok(Json(CheckinCode { token, expires_at }))
    }

    /// Sync a batch of offline check events
    ///
    /// Each event gets its own result: `created`, `duplicate` (same
    /// `client_event_id` and payload: a harmless replay), `conflict` (same id,
    /// different payload: nothing changes) or `rejected` with the reason.
    #[oai(
        path = "/attendance/sync",
        method = "post",
        operation_id = "sync_attendance"
    )]
    async fn sync(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<SyncBatch>,
    ) -> ApiResult<Json<SyncResults>> {
        let rec = Recorder::from_caller(&auth.0)?;
        if body.events.len() > MAX_SYNC_EVENTS {
            return Err(ApiError::field(
                "events",
                format!("at most {MAX_SYNC_EVENTS} events per batch"),
            ));
        }
        let now = ctx.state.clock.now();
        let mut cache = SessionCache::default();
        let mut sessions: Vec<Uuid> = body
            .events
            .iter()
            .filter_map(|e| e.value.as_ref().ok().map(|e| e.session_id))
            .collect();
        sessions.sort_unstable();
        sessions.dedup();
        cache
            .preload(&ctx.state.db.read, rec.ngo_id, &sessions)
            .await?;
        let txn = ctx.state.db.begin().await?;
        let ids: Vec<Uuid> = body
            .events
            .iter()
            .filter_map(|e| e.value.as_ref().ok().map(|e| e.client_event_id))
            .collect();
        cache.load_known(&txn, rec.ngo_id, &ids).await?;
        let mut results = Vec::with_capacity(body.events.len());
        let mut created = 0usize;
        for (index, item) in body.events.iter().enumerate() {
            let e = match &item.value {
                Ok(e) => e,
                Err(message) => {
                    results.push(SyncResult {
                        index: index as i64,
                        client_event_id: item.raw["client_event_id"]
                            .as_str()
                            .and_then(|s| s.parse().ok()),
                        status: SyncStatus::Rejected,
                        error: Some(format!("events[{index}]: {message}")),
                    });
                    continue;
                }
            };
            let ev = CheckEvent {
                client_event_id: Some(e.client_event_id),
                participant_id: e.participant_id,
                kind: e.kind,
                at: e.at,
                source: e.source,
                qr_token: e.qr_token.clone(),
                latitude: e.latitude,
                longitude: e.longitude,
            };
            let (status, error) =
                match apply(&txn, &ctx, &rec, e.session_id, &ev, &mut cache, now).await {
                    Ok(Applied::Created(_)) => {
                        created += 1;
                        (SyncStatus::Created, None)
                    }
                    Ok(Applied::Duplicate) => (SyncStatus::Duplicate, None),
                    Ok(Applied::Conflict) => (
                        SyncStatus::Conflict,
                        Some("a different event has this client_event_id".into()),
                    ),
                    Err(ApiError::Validation(errs)) => (
                        SyncStatus::Rejected,
                        Some(
                            errs.iter()
                                .map(|f| format!("{}: {}", f.field, f.message))
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                    ),
                    Err(ApiError::NotFound) => (
                        SyncStatus::Rejected,
                        Some("no such session of yours".into()),
                    ),
                    Err(ApiError::InvalidTransition(m)) => (SyncStatus::Rejected, Some(m)),
                    Err(e) => return Err(e),
                };
            results.push(SyncResult {
                index: index as i64,
                client_event_id: Some(e.client_event_id),
                status,
                error,
            });
        }
        cache.flush(&txn).await?;
        let (kind, id) = auth.0.actor();
        audit::record(&txn, &ctx.actor(&auth.0), "attendance.sync", "attendance_batch", None, json!({"events": body.events.len(), "created": created, "recorder": format!("{kind}:{id}")})).await?;
        txn.commit().await?;
        Ok(Json(SyncResults { results }))
    }

    /// Excuse an absence (请假)
    ///
    /// The person's judicial office, with a reason. Before the session closes
    /// the person is `excused` unless they check in anyway; after it closes a
    /// `no_show` becomes `excused`. `{id}` is the attendance record's `id`.
    #[oai(
        path = "/attendance/:id/excuse",
        method = "post",
        operation_id = "excuse_attendance"
    )]
    async fn excuse(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Excuse>,
    ) -> ApiResult<Json<Enrollment>> {
        let caller = auth.0.require(Permission::ExcuseAbsence)?;
        let mut check = crate::api::types::Check::new();
        let reason = check.text("reason", &body.reason);
        check.finish()?;
        let now = ctx.state.clock.now();
        let txn = ctx.state.db.begin().await?;
        let mut e = store::sessions::enrollment_by_id(&txn, id.0).await?;
        let p = store::participants::get(&txn, caller, e.participant_id).await?;
        if p.judicial_office_id != Some(caller.org_id) {
            return Err(ApiError::NotFound);
        }
        let s = store::sessions::get(&txn, caller, e.session_id).await?;
        let status: SessionStatus = stored(&s.status)?;
        may_excuse(status, Outcome::of(e.outcome.as_deref()))
            .map_err(ApiError::InvalidTransition)?;
        if status == SessionStatus::Closed {
            e.outcome = Some(Outcome::Excused.as_str().into());
        }
        e.excuse_reason = Some(reason);
        e.excused_by = Some(caller.user_id);
        e.excused_at = Some(now);
        let e = store::sessions::save_enrollment(&txn, e).await?;
        store::rollups::refresh_session(&txn, ctx.state.settings.tz(), &s).await?;
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "attendance.excuse",
            "session",
            Some(s.id.to_string()),
            json!({"participant_id": p.id, "attendance_id": e.id}),
        )
        .await?;
        txn.commit().await?;
        Ok(Json(e.into()))
    }

    /// Rate an attendance (1–5)
    ///
    /// After the session closed, for someone who attended: the NGO's staff,
    /// or its partner app with `attendance:write`. Feeds the `satisfaction` KPI.
    #[oai(
        path = "/attendance/:id/satisfaction",
        method = "put",
        operation_id = "rate_attendance"
    )]
    async fn rate(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Rating>,
    ) -> ApiResult<Json<Enrollment>> {
        let rec = match &auth.0 {
            Caller::User(_) => {
                let u = auth.0.require(Permission::RateAttendance)?;
                Recorder {
                    ngo_id: u.org_id,
                    actor_id: u.user_id,
                    is_client: false,
                }
            }
            Caller::Client(_) => Recorder::from_caller(&auth.0)?,
        };
        let mut check = Check::new();
        let rating = check.within("rating", body.rating) as i32;
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let mut e = store::sessions::enrollment_by_id(&txn, id.0).await?;
        let s = store::sessions::get_for_ngo(&txn, rec.ngo_id, e.session_id).await?;
        if !may_rate(stored(&s.status)?, Outcome::of(e.outcome.as_deref())) {
            return Err(ApiError::InvalidTransition(
                "only an attendance of a closed session is rated".into(),
            ));
        }
        e.satisfaction = Some(rating);
        let e = store::sessions::save_enrollment(&txn, e).await?;
        store::rollups::refresh_session(&txn, ctx.state.settings.tz(), &s).await?;
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "attendance.rate",
            "session",
            Some(s.id.to_string()),
            json!({"attendance_id": e.id, "rating": body.rating}),
        )
        .await?;
        txn.commit().await?;
        Ok(Json(e.into()))
    }
}

/// Why the absence is excused.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct Excuse {
    pub reason: Prose<500>,
}

/// A satisfaction rating.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct Rating {
    /// 1 (poor) – 5 (excellent).
    pub rating: Int<1, 5>,
}
