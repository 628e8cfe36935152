//! `/api/v1/participants/{id}/discipline`: commendations (表扬), reprimands
//! (训诫) and warnings (警告) recorded by the person's judicial office, with
//! the next step the 2020 implementing rules suggest. NGOs never see them.

use crate::api::text::{Cursor, Prose};
pub use crate::api::wire::DisciplineKind;
use crate::app;
use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{ApiTags, Created, Ctx, types::Check},
    auth::{authz::Permission, scheme::BearerAuth},
    domain::care::suggested_next,
    error::{ApiError, ApiResult},
    store::{self, page::PageRequest},
};

impl DisciplineKind {
    fn as_str(self) -> &'static str {
        match self {
            DisciplineKind::Commendation => "commendation",
            DisciplineKind::Reprimand => "reprimand",
            DisciplineKind::Warning => "warning",
        }
    }

    fn parse(s: &str) -> ApiResult<Self> {
        match s {
            "commendation" => Ok(DisciplineKind::Commendation),
            "reprimand" => Ok(DisciplineKind::Reprimand),
            "warning" => Ok(DisciplineKind::Warning),
            other => Err(ApiError::Internal(anyhow::anyhow!(
                "stored discipline kind {other}"
            ))),
        }
    }
}

/// One record.
#[derive(Object)]
pub struct DisciplineRecord {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub kind: DisciplineKind,
    pub reason: String,
    pub date: NaiveDate,
    pub recorded_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl DisciplineRecord {
    fn from_model(m: entity::discipline_record::Model) -> ApiResult<Self> {
        Ok(Self {
            id: m.id,
            participant_id: m.participant_id,
            kind: DisciplineKind::parse(&m.kind)?,
            reason: m.reason,
            date: m.date,
            recorded_by: m.recorded_by,
            created_at: m.created_at,
        })
    }
}

/// A page of a person's records and what the rules suggest next.
#[derive(Object)]
pub struct DisciplineHistory {
    pub items: Vec<DisciplineRecord>,
    #[oai(nullable)]
    pub next_cursor: Option<String>,
    /// `warning` (after two reprimands), `propose_revocation` (after two warnings), or `null`.
    #[oai(nullable)]
    pub suggested_next: Option<String>,
    /// A proposal to revoke is for the bureau to decide.
    pub flagged_for_bureau: bool,
}

/// A new record.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateDiscipline {
    pub kind: DisciplineKind,
    pub reason: Prose<2000>,
    /// Not in the future.
    pub date: NaiveDate,
}

pub struct DisciplineApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Alerts")]
impl DisciplineApi {
    /// A person's discipline history
    ///
    /// The person's office, the bureau and the auditor; `suggested_next`
    /// follows the 2020 implementing rules.
    #[oai(
        path = "/participants/:id/discipline",
        method = "get",
        operation_id = "list_discipline"
    )]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<DisciplineHistory>> {
        let caller = auth.0.require(Permission::ReadDiscipline)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let db = &ctx.state.db.read;
        let p = store::participants::get(db, caller, id.0).await?;
        let (rows, next) = store::care::discipline_page(db, p.id, &page).await?;
        let kinds = store::care::discipline_kinds(db, p.id).await?;
        let next_step = suggested_next(&kinds.iter().map(String::as_str).collect::<Vec<_>>());
        Ok(Json(DisciplineHistory {
            items: rows
                .into_iter()
                .map(DisciplineRecord::from_model)
                .collect::<ApiResult<_>>()?,
            next_cursor: next,
            suggested_next: next_step.map(|s| s.as_str().into()),
            flagged_for_bureau: next_step.is_some_and(|s| s.flags_bureau()),
        }))
    }

    /// Record a commendation, reprimand or warning
    ///
    /// The person's judicial office. When the rules then suggest a proposal
    /// to revoke, the bureau is notified.
    #[oai(
        path = "/participants/:id/discipline",
        method = "post",
        operation_id = "create_discipline"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateDiscipline>,
    ) -> ApiResult<Created<DisciplineRecord>> {
        let caller = auth.0.require(Permission::RecordDiscipline)?;
        let today = ctx.state.clock.today(ctx.state.settings.tz());
        let mut check = Check::new();
        let reason = check.text("reason", &body.reason);
        if body.date > today {
            check.fail("date", "must not be in the future");
        }
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let record = app::discipline::NewRecord {
            kind: body.kind.as_str(),
            reason,
            date: body.date,
        };
        let r =
            app::discipline::record(&txn, &ctx.state, &ctx.actor(&auth.0), caller, id.0, record)
                .await?;
        txn.commit().await?;
        let location = format!("/api/v1/participants/{}/discipline", r.participant_id);
        Ok(Created::Created(
            Json(DisciplineRecord::from_model(r)?),
            location,
        ))
    }
}
