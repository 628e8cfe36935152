//! `/api/v1/participants/{id}/assistance-notices` and
//! `/api/v1/assistance-notices`: 协助通知 from a judicial office to a
//! person's village or residents' committee.

use chrono::{DateTime, Utc};
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
    app,
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::collaboration::NoticeStatus,
    error::ApiResult,
    store::{self, notices::NoticeFilter, page::PageRequest},
};

api_enum!(
    /// A notice's status: `sent` until the committee acknowledges it.
    NoticeState <=> NoticeStatus {
        Sent = "sent",
        Acknowledged = "acknowledged",
    }
);

/// An assistance notice.
#[derive(Object)]
pub struct AssistanceNotice {
    pub id: Uuid,
    /// `<prefix>-XZ-<year>-<seq>`, unique per bureau.
    pub number: String,
    pub participant_id: Uuid,
    pub participant_code: String,
    /// The person's name; left out for a minor outside the bureau and the person's office.
    #[oai(skip_serializing_if_is_none)]
    pub participant_name: Option<String>,
    /// The issuing judicial office.
    pub office_id: Uuid,
    /// The village or residents' committee it is addressed to.
    pub committee_id: Uuid,
    /// What the committee is asked to do.
    pub duties: String,
    pub status: NoticeState,
    #[oai(nullable)]
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

/// A new notice.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateAssistanceNotice {
    /// The committee's duties (协助事项).
    pub duties: Prose<5000>,
}

/// The notices' views, with what the caller may see of each person.
async fn views(
    ctx: &Ctx,
    caller: &UserCaller,
    rows: Vec<entity::assistance_notice::Model>,
) -> ApiResult<Vec<AssistanceNotice>> {
    let people = app::notices::people_of(&ctx.state.db.read, caller, &rows).await?;
    rows.into_iter()
        .map(|n| {
            let (code, name) = people.get(&n.participant_id).cloned().unwrap_or_default();
            Ok(AssistanceNotice {
                id: n.id,
                number: n.number,
                participant_id: n.participant_id,
                participant_code: code,
                participant_name: name,
                office_id: n.office_id,
                committee_id: n.committee_id,
                duties: n.duties,
                status: stored::<NoticeStatus>(&n.status)?.into(),
                acknowledged_at: n.acknowledged_at,
                version: n.version,
                created_at: n.created_at,
            })
        })
        .collect()
}

async fn one(
    ctx: &Ctx,
    caller: &UserCaller,
    n: entity::assistance_notice::Model,
) -> ApiResult<AssistanceNotice> {
    let mut v = views(ctx, caller, vec![n]).await?;
    v.pop()
        .ok_or_else(|| crate::error::ApiError::Internal(anyhow::anyhow!("notice view missing")))
}

pub struct NoticesApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Collaboration")]
impl NoticesApi {
    /// A person's assistance notices
    #[oai(
        path = "/participants/:id/assistance-notices",
        method = "get",
        operation_id = "list_participant_notices"
    )]
    async fn of_person(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<AssistanceNotice>>> {
        let caller = auth.0.require(Permission::ReadNotices)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let filter = NoticeFilter {
            participant_id: Some(id.0),
            status: None,
        };
        let (rows, next) = store::notices::list(&ctx.state.db.read, caller, filter, &page).await?;
        let items = views(&ctx, caller, rows).await?;
        Ok(Json(Page {
            items,
            next_cursor: next,
        }))
    }

    /// Issue an assistance notice to the person's village committee (office)
    ///
    /// Numbered per bureau and year and mailed to the committee; the person
    /// needs a `village_committee_id` (422 otherwise).
    #[oai(
        path = "/participants/:id/assistance-notices",
        method = "post",
        operation_id = "create_assistance_notice"
    )]
    async fn issue(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateAssistanceNotice>,
    ) -> ApiResult<Created<AssistanceNotice>> {
        let caller = auth.0.require(Permission::IssueNotice)?;
        let mut check = Check::new();
        let duties = check.text("duties", &body.duties);
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let n = app::notices::issue(&txn, &ctx.state, &actor, caller, id.0, duties, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/assistance-notices/{}", n.id);
        Ok(Created::Created(
            Json(one(&ctx, caller, n).await?),
            location,
        ))
    }

    /// List assistance notices
    ///
    /// The bureau and the procuratorate all, an office its people's, a
    /// committee those addressed to it. Filter `status`.
    #[oai(
        path = "/assistance-notices",
        method = "get",
        operation_id = "list_assistance_notices"
    )]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<NoticeState>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<AssistanceNotice>>> {
        let caller = auth.0.require(Permission::ReadNotices)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let filter = NoticeFilter {
            participant_id: None,
            status: status.0.map(|s| s.as_str().to_string()),
        };
        let (rows, next) = store::notices::list(&ctx.state.db.read, caller, filter, &page).await?;
        let items = views(&ctx, caller, rows).await?;
        Ok(Json(Page {
            items,
            next_cursor: next,
        }))
    }

    /// Get an assistance notice
    #[oai(
        path = "/assistance-notices/:id",
        method = "get",
        operation_id = "get_assistance_notice"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<AssistanceNotice>> {
        let caller = auth.0.require(Permission::ReadNotices)?;
        let n = store::notices::get(&ctx.state.db.read, caller, id.0).await?;
        Ok(Json(one(&ctx, caller, n).await?))
    }

    /// Acknowledge an assistance notice (the committee)
    #[oai(
        path = "/assistance-notices/:id/acknowledge",
        method = "post",
        operation_id = "acknowledge_assistance_notice"
    )]
    async fn acknowledge(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Json<AssistanceNotice>> {
        let caller = auth.0.require(Permission::AcknowledgeNotice)?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let n = app::notices::acknowledge(&txn, &ctx.state, &actor, caller, id.0).await?;
        txn.commit().await?;
        Ok(Json(one(&ctx, caller, n).await?))
    }
}
