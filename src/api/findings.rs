//! `/api/v1/findings`: the procuratorate's supervision findings (检察监督,
//! 即知即改) — recorded by the auditor, answered by the addressed
//! organisation, closed or reopened by the auditor.

use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page,
        text::{Cursor, Prose},
        types::{Check, IdempotencyKey, api_enum, stored},
    },
    app::{self, findings::Step},
    auth::{authz::Permission, scheme::BearerAuth},
    domain::collaboration::{FindingStatus, SubjectKind, finding_overdue},
    error::{ApiResult, FieldError},
    store::{self, findings::FindingFilter, page::PageRequest},
};

api_enum!(
    /// A finding's status: `open` (waiting for the addressed organisation),
    /// `responded` (rectification reported), `closed` (accepted by the procuratorate).
    FindingState <=> FindingStatus {
        Open = "open",
        Responded = "responded",
        Closed = "closed",
    }
);

api_enum!(
    /// What a finding is about.
    FindingSubjectKind <=> SubjectKind {
        Participant = "participant",
        Session = "session",
        Contract = "contract",
        AuditEvent = "audit_event",
        None = "none",
    }
);

/// The record a finding is about: `id` for every kind but `none`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct FindingSubject {
    pub kind: FindingSubjectKind,
    #[oai(nullable)]
    pub id: Option<Uuid>,
}

/// A supervision finding.
#[derive(Object)]
pub struct Finding {
    pub id: Uuid,
    /// The addressed organisation: a judicial office, the bureau or an NGO.
    pub organization_id: Uuid,
    pub subject: FindingSubject,
    pub description: String,
    /// Rectify and respond by this day.
    pub rectify_by: NaiveDate,
    pub status: FindingState,
    /// Open past `rectify_by`.
    pub overdue: bool,
    /// What the organisation rectified.
    #[oai(nullable)]
    pub rectification: Option<String>,
    #[oai(nullable)]
    pub responded_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Finding {
    fn from_model(m: entity::finding::Model, today: NaiveDate) -> ApiResult<Self> {
        let status: FindingStatus = stored(&m.status)?;
        let kind = match m.subject_kind.as_str() {
            "participant" => SubjectKind::Participant,
            "session" => SubjectKind::Session,
            "contract" => SubjectKind::Contract,
            "audit_event" => SubjectKind::AuditEvent,
            _ => SubjectKind::None,
        };
        Ok(Self {
            id: m.id,
            organization_id: m.organization_id,
            subject: FindingSubject {
                kind: kind.into(),
                id: m.subject_id,
            },
            description: m.description,
            rectify_by: m.rectify_by,
            status: status.into(),
            overdue: finding_overdue(status, m.rectify_by, today),
            rectification: m.rectification,
            responded_at: m.responded_at,
            closed_at: m.closed_at,
            created_by: m.created_by,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// A new finding.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateFinding {
    /// A judicial office, the bureau or an NGO.
    pub organization_id: Uuid,
    pub subject: FindingSubject,
    pub description: Prose<5000>,
    /// Not in the past.
    pub rectify_by: NaiveDate,
}

impl CreateFinding {
    fn input(&self) -> (app::findings::NewFinding, Vec<FieldError>) {
        let mut check = Check::new();
        let new = app::findings::NewFinding {
            organization_id: self.organization_id,
            subject: self.subject.kind.into(),
            subject_id: self.subject.id,
            description: check.text("description", &self.description),
            rectify_by: self.rectify_by,
        };
        (new, check.into_errors())
    }
}

/// What the organisation rectified.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct FindingResponse {
    pub rectification: Prose<5000>,
}

/// Reopening: optionally a new deadline (not in the past).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ReopenFinding {
    #[oai(nullable)]
    pub rectify_by: Option<NaiveDate>,
}

/// Runs a step and answers with the finding.
async fn step(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    p: Permission,
    s: Step,
) -> ApiResult<Json<Finding>> {
    let caller = auth.0.require(p)?;
    let txn = ctx.state.db.begin().await?;
    let f = app::findings::step(&txn, &ctx.state, &ctx.actor(&auth.0), caller, id, s).await?;
    txn.commit().await?;
    Ok(Json(Finding::from_model(f, ctx.today())?))
}

pub struct FindingsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Collaboration")]
impl FindingsApi {
    /// List supervision findings
    ///
    /// The bureau and the procuratorate see all, an office or an NGO those
    /// addressed to it. Filters `status`, `organization_id`, `overdue`.
    #[oai(path = "/findings", method = "get", operation_id = "list_findings")]
    #[allow(clippy::too_many_arguments)] // one per query parameter
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<FindingState>>,
        organization_id: Query<Option<Uuid>>,
        overdue: Query<Option<bool>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Finding>>> {
        let caller = auth.0.require(Permission::ReadFindings)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let today = ctx.today();
        let filter = FindingFilter {
            status: status.0.map(|s| s.as_str().to_string()),
            organization_id: organization_id.0,
            overdue_before: overdue.0.unwrap_or(false).then_some(today),
        };
        let (rows, next) = store::findings::list(&ctx.state.db.read, caller, filter, &page).await?;
        Page::try_from_rows(rows, next, |m| Finding::from_model(m, today))
    }

    /// Record a supervision finding (procuratorate)
    ///
    /// The auditor's only write. The addressed organisation is mailed.
    #[oai(path = "/findings", method = "post", operation_id = "create_finding")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateFinding>,
    ) -> ApiResult<Created<Finding>> {
        let caller = auth.0.require(Permission::RecordFinding)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let f = app::findings::record(&txn, &ctx.state, &actor, caller, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/findings/{}", f.id);
        Ok(Created::Created(
            Json(Finding::from_model(f, ctx.today())?),
            location,
        ))
    }

    /// Get a supervision finding
    #[oai(path = "/findings/:id", method = "get", operation_id = "get_finding")]
    async fn get(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Finding>> {
        let caller = auth.0.require(Permission::ReadFindings)?;
        let f = store::findings::get(&ctx.state.db.read, caller, id.0).await?;
        Ok(Json(Finding::from_model(f, ctx.today())?))
    }

    /// Respond with the rectification (addressed organisation)
    ///
    /// Only the organisation the finding is addressed to (403 for others who see it).
    #[oai(
        path = "/findings/:id/respond",
        method = "post",
        operation_id = "respond_finding"
    )]
    async fn respond(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<FindingResponse>,
    ) -> ApiResult<Json<Finding>> {
        let mut check = Check::new();
        let text = check.text("rectification", &body.rectification);
        check.finish()?;
        step(
            &ctx,
            &auth,
            id.0,
            Permission::RespondFinding,
            Step::Respond(text),
        )
        .await
    }

    /// Accept the rectification and close the finding (procuratorate)
    #[oai(
        path = "/findings/:id/accept",
        method = "post",
        operation_id = "accept_finding"
    )]
    async fn accept(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Finding>> {
        step(&ctx, &auth, id.0, Permission::DecideFinding, Step::Accept).await
    }

    /// Reopen a finding (procuratorate)
    ///
    /// From `responded` or `closed`; optionally with a new deadline. The organisation is mailed again.
    #[oai(
        path = "/findings/:id/reopen",
        method = "post",
        operation_id = "reopen_finding"
    )]
    async fn reopen(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ReopenFinding>,
    ) -> ApiResult<Json<Finding>> {
        let s = Step::Reopen(body.rectify_by);
        step(&ctx, &auth, id.0, Permission::DecideFinding, s).await
    }
}
