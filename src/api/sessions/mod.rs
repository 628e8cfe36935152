//! `/api/v1/sessions`: sessions NGOs run under their active contracts,
//! enrolments, check events and closing (outcomes and credited hours).

/// Check events: one at a time, offline batches, excuses, ratings, the QR code.
pub mod attendance;

use crate::api::text::{Credential, Cursor, Stored};
use crate::api::types::stored;
use crate::api::wire::{EnrollmentOutcome, SessionState};
use crate::app::attendance::{Arriving, Recorder};
use crate::domain::{
    attendance::Source,
    session::{Schedule, SessionStatus},
};
use chrono::{DateTime, Utc};
use poem_openapi::{
    ApiResponse, Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
    types::MaybeUndefined,
};
use serde_json::json;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        types::{Check, SessionType, Text},
    },
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    domain::roles::Scope,
    error::{ApiError, ApiResult},
    store::{self, page::PageRequest, sessions::SessionFilter},
};

/// A session.
#[derive(Object)]
pub struct Session {
    pub id: Uuid,
    pub contract_id: Uuid,
    pub ngo_id: Uuid,
    #[oai(rename = "type")]
    pub session_type: SessionType,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    #[oai(nullable)]
    pub latitude: Option<f64>,
    #[oai(nullable)]
    pub longitude: Option<f64>,
    #[oai(nullable)]
    pub radius_m: Option<i32>,
    pub capacity: i32,
    pub facilitator: String,
    pub credit_hours: f64,
    pub status: Stored<SessionState>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl Session {
    fn from_model(m: entity::session::Model) -> ApiResult<Self> {
        Ok(Self {
            session_type: serde_json::from_value(json!(m.session_type))
                .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored session type: {e}")))?,
            latitude: m.latitude_e6.map(|v| v as f64 / 1e6),
            longitude: m.longitude_e6.map(|v| v as f64 / 1e6),
            id: m.id,
            contract_id: m.contract_id,
            ngo_id: m.ngo_id,
            title: m.title,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location,
            radius_m: m.radius_m,
            capacity: m.capacity,
            facilitator: m.facilitator,
            credit_hours: m.credit_hours_x100 as f64 / 100.0,
            status: Stored::new(m.status),
            version: m.version,
            created_at: m.created_at,
        })
    }
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateSession {
    pub contract_id: Uuid,
    #[oai(rename = "type")]
    pub session_type: SessionType,
    pub title: Text<200>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: Text<200>,
    #[oai(nullable, validator(minimum(value = "-90"), maximum(value = "90")))]
    pub latitude: Option<f64>,
    #[oai(nullable, validator(minimum(value = "-180"), maximum(value = "180")))]
    pub longitude: Option<f64>,
    #[oai(nullable, validator(minimum(value = "1"), maximum(value = "100000")))]
    pub radius_m: Option<i32>,
    #[oai(validator(minimum(value = "1"), maximum(value = "10000")))]
    pub capacity: i32,
    pub facilitator: Text<100>,
    /// At most the duration; two decimals.
    #[oai(validator(minimum(value = "0", exclusive)))]
    pub credit_hours: f64,
}

/// Changes to a scheduled session; absent fields stay. `latitude`,
/// `longitude` and `radius_m` change together (all `null` removes the point).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateSession {
    pub title: Option<Text<200>>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub location: Option<Text<200>>,
    #[oai(nullable, validator(minimum(value = "-90"), maximum(value = "90")))]
    pub latitude: MaybeUndefined<f64>,
    #[oai(nullable, validator(minimum(value = "-180"), maximum(value = "180")))]
    pub longitude: MaybeUndefined<f64>,
    #[oai(nullable, validator(minimum(value = "1"), maximum(value = "100000")))]
    pub radius_m: MaybeUndefined<i32>,
    #[oai(validator(minimum(value = "1"), maximum(value = "10000")))]
    pub capacity: Option<i32>,
    pub facilitator: Option<Text<100>>,
    #[oai(validator(minimum(value = "0", exclusive)))]
    pub credit_hours: Option<f64>,
}

/// An enrolment and, once the session closed, its `outcome` (absent until then); `source`
/// is how the check-in was recorded (absent without one).
#[derive(Object)]
pub struct Enrollment {
    /// The attendance record's id (for `/attendance/{id}/excuse`).
    pub id: Uuid,
    pub session_id: Uuid,
    pub participant_id: Uuid,
    #[oai(nullable)]
    pub check_in_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub check_out_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub outcome: Option<Stored<EnrollmentOutcome>>,
    #[oai(nullable)]
    pub hours_credited: Option<f64>,
    /// No check-out was recorded: credited to the session end.
    pub auto_checkout: bool,
    #[oai(skip_serializing_if_is_none)]
    pub source: Option<Stored<CheckSource>>,
    /// The office's reason when the absence is excused.
    #[oai(nullable)]
    pub excuse_reason: Option<String>,
    /// 1–5, once rated.
    #[oai(nullable)]
    pub satisfaction: Option<i32>,
    pub created_at: DateTime<Utc>,
}

impl From<entity::enrollment::Model> for Enrollment {
    fn from(m: entity::enrollment::Model) -> Self {
        Self {
            id: m.id,
            excuse_reason: m.excuse_reason,
            satisfaction: m.satisfaction,
            session_id: m.session_id,
            participant_id: m.participant_id,
            check_in_at: m.check_in_at,
            check_out_at: m.check_out_at,
            outcome: m.outcome.map(Stored::new),
            hours_credited: m.hours_x100.map(|h| h as f64 / 100.0),
            auto_checkout: m.auto_checkout,
            source: m.source.map(Stored::new),
            created_at: m.created_at,
        }
    }
}

/// One of a person's enrolments, with its session.
#[derive(Object)]
pub struct ParticipantEnrollment {
    #[oai(flatten)]
    pub enrollment: Enrollment,
    pub session: Session,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateEnrollment {
    pub participant_id: Uuid,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum CheckKind {
    CheckIn,
    CheckOut,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum CheckSource {
    Staff,
    Qr,
    App,
}

impl From<CheckSource> for Source {
    fn from(s: CheckSource) -> Self {
        match s {
            CheckSource::Staff => Source::Staff,
            CheckSource::Qr => Source::Qr,
            CheckSource::App => Source::App,
        }
    }
}

/// One check event.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CheckEvent {
    #[oai(nullable)]
    pub client_event_id: Option<Uuid>,
    pub participant_id: Uuid,
    pub kind: CheckKind,
    /// Device time.
    pub at: DateTime<Utc>,
    pub source: CheckSource,
    #[oai(nullable)]
    pub qr_token: Option<Credential>,
    #[oai(nullable, validator(minimum(value = "-90"), maximum(value = "90")))]
    pub latitude: Option<f64>,
    #[oai(nullable, validator(minimum(value = "-180"), maximum(value = "180")))]
    pub longitude: Option<f64>,
}

/// The recorded event.
#[derive(Object)]
pub struct CheckEventRecorded {
    pub id: Uuid,
    pub session_id: Uuid,
    pub participant_id: Uuid,
    pub kind: CheckKind,
    pub at: DateTime<Utc>,
    pub source: CheckSource,
    pub recorded_at: DateTime<Utc>,
}

#[derive(ApiResponse)]
pub enum EventCreated {
    /// Recorded.
    #[oai(status = 201)]
    Created(Json<CheckEventRecorded>),
}

/// A page of a session's enrolments as the caller may see them, with the session.
async fn enrollment_page(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    limit: Option<i64>,
    cursor: Option<Cursor>,
) -> ApiResult<(
    entity::session::Model,
    Vec<entity::enrollment::Model>,
    Option<String>,
)> {
    let caller = &auth
        .0
        .reader(Permission::ReadSessions, Scope::SessionsRead)?;
    let db = &ctx.state.db.read;
    let s = store::sessions::get(db, caller, id).await?;
    let page = PageRequest::parse(limit, cursor.as_deref())?;
    let (rows, next) = store::sessions::enrollments(db, caller, s.id, &page).await?;
    Ok((s, rows, next))
}

impl UpdateSession {
    /// Puts the changed texts into `s` and returns the schedule as changed
    /// (`null` removes the point or radius; absent keeps it).
    fn apply(&self, s: &mut entity::session::Model, check: &mut Check) -> Schedule {
        if let Some(t) = &self.title {
            s.title = check.text("title", t);
        }
        if let Some(t) = &self.location {
            s.location = check.text("location", t);
        }
        if let Some(t) = &self.facilitator {
            s.facilitator = check.text("facilitator", t);
        }
        fn pick<T: Copy>(v: &MaybeUndefined<T>, current: Option<T>) -> Option<T> {
            match v {
                MaybeUndefined::Undefined => current,
                MaybeUndefined::Null => None,
                MaybeUndefined::Value(x) => Some(*x),
            }
        }
        let e6 = |v: Option<i64>| v.map(|v| v as f64 / 1e6);
        Schedule {
            starts_at: self.starts_at.unwrap_or(s.starts_at),
            ends_at: self.ends_at.unwrap_or(s.ends_at),
            latitude: pick(&self.latitude, e6(s.latitude_e6)),
            longitude: pick(&self.longitude, e6(s.longitude_e6)),
            radius_m: pick(&self.radius_m, s.radius_m),
            capacity: self.capacity.unwrap_or(s.capacity),
            credit_hours: self
                .credit_hours
                .unwrap_or(s.credit_hours_x100 as f64 / 100.0),
        }
    }
}

pub struct SessionsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Sessions")]
impl SessionsApi {
    /// List sessions
    ///
    /// Filters `contract_id`, `type`, `from`, `to` (overlap), `status`. NGOs see their own.
    #[oai(path = "/sessions", method = "get", operation_id = "list_sessions")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        contract_id: Query<Option<Uuid>>,
        #[oai(name = "type")] session_type: Query<Option<SessionType>>,
        from: Query<Option<DateTime<Utc>>>,
        to: Query<Option<DateTime<Utc>>>,
        status: Query<Option<SessionState>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Session>>> {
        let caller = &auth
            .0
            .reader(Permission::ReadSessions, Scope::SessionsRead)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let f = SessionFilter {
            contract_id: contract_id.0,
            session_type: session_type.0.map(|t| t.as_str().to_string()),
            status: status.0.map(|s| s.as_str().to_string()),
            from: from.0,
            to: to.0,
        };
        let (rows, next) = store::sessions::list(&ctx.state.db.read, caller, f, &page).await?;
        Page::try_from_rows(rows, next, Session::from_model)
    }

    /// Schedule a session
    ///
    /// Under the NGO's own active contract, of a type the contract covers.
    #[oai(path = "/sessions", method = "post", operation_id = "create_session")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateSession>,
    ) -> ApiResult<Created<Session>> {
        let caller = auth.0.require(Permission::ManageSessions)?;
        let mut check = Check::new();
        let new = app::sessions::NewSession {
            contract_id: body.contract_id,
            session_type: body.session_type.as_str().into(),
            title: check.text("title", &body.title),
            location: check.text("location", &body.location),
            facilitator: check.text("facilitator", &body.facilitator),
            schedule: Schedule {
                starts_at: body.starts_at,
                ends_at: body.ends_at,
                latitude: body.latitude,
                longitude: body.longitude,
                radius_m: body.radius_m,
                capacity: body.capacity,
                credit_hours: body.credit_hours,
            },
        };
        let txn = ctx.state.db.begin().await?;
        let (planned, problems) = app::sessions::plan(&txn, &ctx.state, caller, new).await?;
        check.absorb(problems);
        check.finish()?;
        let s = app::sessions::schedule(&txn, &ctx.actor(&auth.0), planned).await?;
        txn.commit().await?;
        let location = format!("/api/v1/sessions/{}", s.id);
        Ok(Created::Created(Json(Session::from_model(s)?), location))
    }

    /// Get a session
    #[oai(path = "/sessions/:id", method = "get", operation_id = "get_session")]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Versioned<Session>> {
        let caller = &auth
            .0
            .reader(Permission::ReadSessions, Scope::SessionsRead)?;
        let s = store::sessions::get(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(s.version);
        Ok(Versioned::Ok(Json(Session::from_model(s)?), tag))
    }

    /// Update a scheduled session
    ///
    /// The NGO that runs it; honours `If-Match`. New times must leave every
    /// enrolled person free of overlaps; capacity not below the enrolments.
    #[oai(
        path = "/sessions/:id",
        method = "patch",
        operation_id = "update_session"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateSession>,
    ) -> ApiResult<Versioned<Session>> {
        let caller = auth.0.require(Permission::ManageSessions)?;
        let txn = ctx.state.db.begin().await?;
        let mut s = app::sessions::scheduled_session(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), s.version, false)?;
        let mut check = Check::new();
        let schedule = body.apply(&mut s, &mut check);
        check.absorb(app::sessions::reschedule_problems(&txn, &s, &schedule).await?);
        check.finish()?;
        let actor = ctx.actor(&auth.0);
        let s = app::sessions::reschedule(&txn, &ctx.state, &actor, s, schedule).await?;
        txn.commit().await?;
        let tag = etag(s.version);
        Ok(Versioned::Ok(Json(Session::from_model(s)?), tag))
    }

    /// Cancel a session
    #[oai(
        path = "/sessions/:id/cancel",
        method = "post",
        operation_id = "cancel_session"
    )]
    async fn cancel(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Session>> {
        let caller = auth.0.require(Permission::ManageSessions)?;
        let txn = ctx.state.db.begin().await?;
        let s = app::sessions::cancel(&txn, &ctx.state, &ctx.actor(&auth.0), caller, id.0).await?;
        txn.commit().await?;
        Ok(Json(Session::from_model(s)?))
    }

    /// Close a session
    ///
    /// Finalises attendance: outcomes (`present`, `late`, `left_early`,
    /// `no_show`), credited hours (overlap with the session, quarter hours,
    /// capped at the credit) and `auto_checkout` for forgotten check-outs.
    #[oai(
        path = "/sessions/:id/close",
        method = "post",
        operation_id = "close_session"
    )]
    async fn close(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Session>> {
        let caller = auth.0.require(Permission::ManageSessions)?;
        let txn = ctx.state.db.begin().await?;
        let s = app::sessions::close(&txn, &ctx.state, &ctx.actor(&auth.0), caller, id.0).await?;
        txn.commit().await?;
        Ok(Json(Session::from_model(s)?))
    }

    /// List a session's enrolments (with outcomes once closed)
    ///
    /// Judicial offices see their own people's enrolments.
    #[oai(
        path = "/sessions/:id/enrollments",
        method = "get",
        operation_id = "list_enrollments"
    )]
    async fn list_enrollments(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Enrollment>>> {
        let (_, rows, next) = enrollment_page(&ctx, &auth, id.0, limit.0, cursor.0).await?;
        Ok(Page::from_rows(rows, next, Enrollment::from))
    }

    /// List a person's enrolments (with their sessions and outcomes)
    ///
    /// Whoever sees the person; an NGO sees only enrolments in its own sessions.
    #[oai(
        path = "/participants/:id/enrollments",
        method = "get",
        operation_id = "list_participant_enrollments"
    )]
    async fn list_participant_enrollments(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<ParticipantEnrollment>>> {
        let caller = &auth
            .0
            .reader(Permission::ReadParticipants, Scope::ParticipantsRead)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let db = &ctx.state.db.read;
        let person = store::participants::get(db, caller, id.0).await?;
        let (rows, next) =
            store::sessions::enrollments_of_participant(db, caller, person.id, &page).await?;
        let items = rows
            .into_iter()
            .map(|(e, s)| {
                Ok(ParticipantEnrollment {
                    enrollment: e.into(),
                    session: Session::from_model(s)?,
                })
            })
            .collect::<ApiResult<_>>()?;
        Ok(Json(Page {
            items,
            next_cursor: next,
        }))
    }

    /// Enrol a participant
    ///
    /// Offices enrol their own active people; NGOs their volunteers. Capacity
    /// is enforced and nobody is enrolled in two overlapping sessions.
    #[oai(
        path = "/sessions/:id/enrollments",
        method = "post",
        operation_id = "create_enrollment"
    )]
    async fn enroll(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateEnrollment>,
    ) -> ApiResult<Created<Enrollment>> {
        let caller = auth.0.require(Permission::Enroll)?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let e = app::sessions::enroll(&txn, &ctx.state, &actor, caller, id.0, body.participant_id)
            .await?;
        txn.commit().await?;
        let location = format!("/api/v1/sessions/{}/enrollments", e.session_id);
        Ok(Created::Created(Json(e.into()), location))
    }

    /// Remove an enrolment (before the session closes)
    #[oai(
        path = "/sessions/:id/enrollments/:participant_id",
        method = "delete",
        operation_id = "delete_enrollment"
    )]
    async fn unenroll(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        participant_id: Path<Uuid>,
    ) -> ApiResult<crate::api::NoContent> {
        let caller = auth.0.require(Permission::Enroll)?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        app::sessions::unenroll(&txn, &actor, caller, id.0, participant_id.0).await?;
        txn.commit().await?;
        Ok(crate::api::NoContent::NoContent)
    }

    /// Attendance of a session, per enrolled person
    ///
    /// Once the session is closed: each person's outcome, credited hours and
    /// check times. While it is scheduled: the check-in and check-out recorded
    /// so far (first check-in, last check-out after it), no outcome yet.
    #[oai(
        path = "/sessions/:id/attendance",
        method = "get",
        operation_id = "list_attendance"
    )]
    async fn attendance(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Enrollment>>> {
        let (s, mut rows, next) = enrollment_page(&ctx, &auth, id.0, limit.0, cursor.0).await?;
        if stored::<SessionStatus>(&s.status)? == SessionStatus::Scheduled {
            // Outcomes are fixed at close; until then each row shows the checks so far.
            let events = store::sessions::events(&ctx.state.db.read, s.id).await?;
            for e in &mut rows {
                let (checks, source) = app::sessions::checks_of(&events, e.participant_id);
                (e.check_in_at, e.check_out_at) = crate::domain::attendance::so_far(&checks);
                e.source = source;
            }
        }
        Ok(Page::from_rows(rows, next, Enrollment::from))
    }

    /// Record a check-in or check-out
    ///
    /// Sources: `staff` (NGO staff), `qr` (with the session's current
    /// `qr_token`), `app` (a partner app with `attendance:write`; inside the
    /// session's radius when it has one). A `client_event_id` seen before is a
    /// 409; offline apps replay through `/attendance/sync`.
    #[oai(
        path = "/sessions/:id/attendance",
        method = "post",
        operation_id = "record_attendance"
    )]
    async fn record(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CheckEvent>,
    ) -> ApiResult<EventCreated> {
        let rec = Recorder::from_caller(&auth.0)?;
        let ev = Arriving {
            client_event_id: body.client_event_id,
            session_id: id.0,
            participant_id: body.participant_id,
            check_in: body.kind == CheckKind::CheckIn,
            at: body.at,
            source: body.source.into(),
            qr_token: body.qr_token.as_deref(),
            location: body.latitude.zip(body.longitude),
        };
        let done = app::attendance::record(&ctx.state, ctx.actor(&auth.0), &rec, &ev).await?;
        Ok(EventCreated::Created(Json(CheckEventRecorded {
            id: done.id,
            session_id: id.0,
            participant_id: body.participant_id,
            kind: body.kind,
            at: body.at,
            source: body.source,
            recorded_at: done.recorded_at,
        })))
    }
}
