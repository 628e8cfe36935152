//! `/api/v1/referrals`: assistance referrals (民生兜底) from a judicial office
//! to an agency — medical, subsistence, employment, housing, education,
//! psychological — with a response deadline, reminders and the minimum
//! personal data the agency needs.

use crate::api::text::{Cursor, Prose};
pub use crate::api::wire::{ReferralNeed, ReferralState};
use crate::app;
use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page,
        types::{Check, stored},
    },
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::{
        care::{ReferralAction, ReferralStatus},
        disclosure::Disclosure,
    },
    error::{ApiError, ApiResult},
    state::AppState,
    store::{self, care::ReferralFilter, page::PageRequest},
};

const NEEDS: &[(ReferralNeed, &str)] = &[
    (ReferralNeed::Medical, "medical"),
    (ReferralNeed::Subsistence, "subsistence"),
    (ReferralNeed::Employment, "employment"),
    (ReferralNeed::Housing, "housing"),
    (ReferralNeed::Education, "education"),
    (ReferralNeed::Psychological, "psychological"),
];

fn need_of(s: &str) -> ApiResult<ReferralNeed> {
    NEEDS
        .iter()
        .find(|n| n.1 == s)
        .map(|n| n.0)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("stored need {s}")))
}

fn need_str(n: ReferralNeed) -> &'static str {
    NEEDS
        .iter()
        .find(|x| x.0 == n)
        .map(|x| x.1)
        .unwrap_or_default()
}

/// The person, as little as the agency needs: name and masked ID; a minor's
/// code instead of the name for everyone but the bureau and the person's office.
#[derive(Object)]
pub struct ReferralPerson {
    pub id: Uuid,
    pub name: String,
    #[oai(nullable)]
    pub id_number_masked: Option<String>,
}

/// The office to contact.
#[derive(Object)]
pub struct ReferralOffice {
    pub id: Uuid,
    pub name: String,
    #[oai(nullable)]
    pub contact_email: Option<String>,
}

/// A referral.
#[derive(Object)]
pub struct Referral {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub participant: ReferralPerson,
    pub office: ReferralOffice,
    pub agency_id: Uuid,
    pub need: ReferralNeed,
    pub detail: String,
    pub respond_by: NaiveDate,
    pub status: ReferralState,
    #[oai(nullable)]
    pub response: Option<String>,
    /// Still open or accepted after `respond_by`.
    pub overdue: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

async fn views<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    caller: &UserCaller,
    rows: Vec<entity::referral::Model>,
) -> ApiResult<Vec<Referral>> {
    let people = store::participants::by_ids(
        conn,
        &rows.iter().map(|r| r.participant_id).collect::<Vec<_>>(),
    )
    .await?;
    let today = state.clock.today(state.settings.tz());
    let mut out = Vec::with_capacity(rows.len());
    let office_ids: Vec<Uuid> = rows.iter().map(|r| r.office_id).collect();
    let offices = store::organizations::by_ids(conn, &office_ids).await?;
    let code_only = |p: &entity::participant::Model| {
        store::participants::disclosure_for(caller, p) == Disclosure::CodeOnly
    };
    for r in rows {
        let p = people.get(&r.participant_id);
        let hidden = p.is_some_and(code_only);
        let office = offices.get(&r.office_id).cloned();
        let status: ReferralStatus = stored(&r.status)?;
        out.push(Referral {
            id: r.id,
            participant_id: r.participant_id,
            participant: ReferralPerson {
                id: r.participant_id,
                name: p
                    .map(|p| {
                        if hidden {
                            p.code.clone()
                        } else {
                            p.name.clone()
                        }
                    })
                    .unwrap_or_default(),
                id_number_masked: p
                    .filter(|_| !hidden)
                    .and_then(|p| p.id_number_masked.clone()),
            },
            office: ReferralOffice {
                id: r.office_id,
                name: office.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
                contact_email: office.and_then(|o| o.contact_email),
            },
            agency_id: r.agency_id,
            need: need_of(&r.need)?,
            detail: r.detail,
            respond_by: r.respond_by,
            overdue: matches!(status, ReferralStatus::Open | ReferralStatus::Accepted)
                && r.respond_by < today,
            status: status.into(),
            response: r.response,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        });
    }
    Ok(out)
}

/// A new referral.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateReferral {
    pub participant_id: Uuid,
    pub need: ReferralNeed,
    /// An agency organisation (township government, civil affairs, police station, village committee).
    pub agency_id: Uuid,
    pub detail: Prose<4000>,
    /// Today or later.
    pub respond_by: NaiveDate,
}

/// The agency's answer when it resolves or declines: what was done, or why not.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ReferralAnswer {
    pub response: Prose<4000>,
}

/// The agency's answer when it accepts (a note is optional).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ReferralResponse {
    #[oai(nullable)]
    pub response: Option<Prose<4000>>,
}

async fn answer(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: ReferralAction,
    response: Option<&Prose<4000>>,
) -> ApiResult<Json<Referral>> {
    let caller = auth.0.require(Permission::AnswerReferral)?;
    let mut check = Check::new();
    // Resolve and decline take a required `response` (their body says so); accept an optional one.
    let response = check.opt_text("response", response);
    check.finish()?;
    let txn = ctx.state.db.begin().await?;
    let actor = ctx.actor(&auth.0);
    let r = app::referrals::answer(&txn, &ctx.state, &actor, caller, id, action, response).await?;
    txn.commit().await?;
    Ok(Json(
        views(&ctx.state.db.read, &ctx.state, caller, vec![r])
            .await?
            .remove(0),
    ))
}

pub struct ReferralsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Alerts")]
impl ReferralsApi {
    /// List referrals
    ///
    /// Offices see those they raised, agencies those addressed to them, the
    /// bureau and the auditor all; `overdue=true` keeps those past `respond_by`,
    /// `participant_id` one person's.
    #[oai(path = "/referrals", method = "get", operation_id = "list_referrals")]
    #[allow(clippy::too_many_arguments)] // one per query parameter
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<ReferralState>>,
        overdue: Query<Option<bool>>,
        participant_id: Query<Option<Uuid>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Referral>>> {
        let caller = auth.0.require(Permission::ReadReferrals)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let today = ctx.state.clock.today(ctx.state.settings.tz());
        let db = &ctx.state.db.read;
        let filter = ReferralFilter {
            status: status.0.map(|s| s.as_str().to_string()),
            participant_id: participant_id.0,
            overdue_before: overdue.0.unwrap_or(false).then_some(today),
        };
        let (rows, next) = store::care::list_referrals(db, caller, filter, &page).await?;
        Ok(Json(Page {
            items: views(db, &ctx.state, caller, rows).await?,
            next_cursor: next,
        }))
    }

    /// Refer a person to an agency for assistance
    ///
    /// The person's judicial office; the agency is notified by mail.
    #[oai(path = "/referrals", method = "post", operation_id = "create_referral")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateReferral>,
    ) -> ApiResult<Created<Referral>> {
        let caller = auth.0.require(Permission::CreateReferral)?;
        let mut check = Check::new();
        let new = app::referrals::NewReferral {
            participant_id: body.participant_id,
            agency_id: body.agency_id,
            need: need_str(body.need),
            detail: check.text("detail", &body.detail),
            respond_by: body.respond_by,
        };
        let txn = ctx.state.db.begin().await?;
        check.absorb(app::referrals::problems(&txn, &ctx.state, caller, &new).await?);
        check.finish()?;
        let r = app::referrals::create(&txn, &ctx.state, &ctx.actor(&auth.0), caller, new).await?;
        txn.commit().await?;
        let location = format!("/api/v1/referrals/{}", r.id);
        Ok(Created::Created(
            Json(
                views(&ctx.state.db.read, &ctx.state, caller, vec![r])
                    .await?
                    .remove(0),
            ),
            location,
        ))
    }

    /// Get a referral
    #[oai(path = "/referrals/:id", method = "get", operation_id = "get_referral")]
    async fn get(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Referral>> {
        let caller = auth.0.require(Permission::ReadReferrals)?;
        let db = &ctx.state.db.read;
        let r = store::care::get_referral(db, caller, id.0).await?;
        Ok(Json(
            views(db, &ctx.state, caller, vec![r]).await?.remove(0),
        ))
    }

    /// Accept a referral (agency)
    #[oai(
        path = "/referrals/:id/accept",
        method = "post",
        operation_id = "accept_referral"
    )]
    async fn accept(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ReferralResponse>,
    ) -> ApiResult<Json<Referral>> {
        answer(
            &ctx,
            &auth,
            id.0,
            ReferralAction::Accept,
            body.response.as_ref(),
        )
        .await
    }

    /// Resolve a referral with the response (agency)
    #[oai(
        path = "/referrals/:id/resolve",
        method = "post",
        operation_id = "resolve_referral"
    )]
    async fn resolve(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ReferralAnswer>,
    ) -> ApiResult<Json<Referral>> {
        answer(
            &ctx,
            &auth,
            id.0,
            ReferralAction::Resolve,
            Some(&body.response),
        )
        .await
    }

    /// Decline a referral with the reason (agency)
    #[oai(
        path = "/referrals/:id/decline",
        method = "post",
        operation_id = "decline_referral"
    )]
    async fn decline(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ReferralAnswer>,
    ) -> ApiResult<Json<Referral>> {
        answer(
            &ctx,
            &auth,
            id.0,
            ReferralAction::Decline,
            Some(&body.response),
        )
        .await
    }
}
