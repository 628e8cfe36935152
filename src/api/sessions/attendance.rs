//! Check events from every source — NGO staff, rotating QR codes, partner
//! apps (geofenced) — one at a time or as offline batches
//! (`POST /attendance/sync`): one validation path for all of them.

use chrono::{DateTime, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path},
    payload::Json,
};
use uuid::Uuid;

use super::{CheckKind, CheckSource, Enrollment};
use crate::{
    api::{
        ApiTags, Ctx,
        text::{Credential, Prose},
        types::{Check, IdempotencyKey, Int, Lenient},
    },
    app::{
        self,
        attendance::{Arriving, Recorder, Synced},
    },
    auth::{authz::Permission, scheme::BearerAuth},
    domain::roles::Scope,
    error::ApiResult,
};

impl SyncEvent {
    fn arriving(&self) -> Arriving<'_> {
        Arriving {
            client_event_id: Some(self.client_event_id),
            session_id: self.session_id,
            participant_id: self.participant_id,
            check_in: self.kind == CheckKind::CheckIn,
            at: self.at,
            source: self.source.into(),
            qr_token: self.qr_token.as_deref(),
            location: self.latitude.zip(self.longitude),
        }
    }
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

impl SyncResult {
    fn of(index: usize, item: &Lenient<SyncEvent>, synced: Synced) -> Self {
        let (status, error) = match synced {
            Synced::Created => (SyncStatus::Created, None),
            Synced::Duplicate => (SyncStatus::Duplicate, None),
            Synced::Conflict(m) => (SyncStatus::Conflict, Some(m)),
            Synced::Rejected(m) => (SyncStatus::Rejected, Some(m)),
        };
        let client_event_id = match &item.value {
            Ok(e) => Some(e.client_event_id),
            Err(_) => item.raw["client_event_id"]
                .as_str()
                .and_then(|s| s.parse().ok()),
        };
        let index = index as i64;
        Self {
            index,
            client_event_id,
            status,
            error,
        }
    }
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
        let read = &ctx.state.db.read;
        let (token, expires_at) =
            app::attendance::checkin_code(read, &ctx.state, caller, id.0).await?;
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
        let items: Vec<_> = body
            .events
            .iter()
            .map(|item| {
                item.value
                    .as_ref()
                    .map(SyncEvent::arriving)
                    .map_err(Clone::clone)
            })
            .collect();
        let synced = app::attendance::sync(&ctx.state, &ctx.actor(&auth.0), &rec, &items).await?;
        let results = (body.events.iter().zip(synced).enumerate())
            .map(|(index, (item, synced))| SyncResult::of(index, item, synced))
            .collect();
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
        let mut check = Check::new();
        let reason = check.text("reason", &body.reason);
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let e = app::attendance::excuse(&txn, &ctx.state, &actor, caller, id.0, reason).await?;
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
        let rec = Recorder::with(&auth.0, Permission::RateAttendance)?;
        let mut check = Check::new();
        let rating = check.within("rating", body.rating) as i32;
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let e = app::attendance::rate(&txn, &ctx.state, &actor, &rec, id.0, rating).await?;
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
