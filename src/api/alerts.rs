//! `/api/v1/alerts`: early warnings (司法预警) routed to a person's judicial
//! office with a mail — raised by the system (no-show, repeated absence, month
//! at risk / not met, correction ending) or by NGO staff (behaviour concern,
//! facts only) — and their handling: acknowledge, resolve, escalate to an agency.

use crate::api::text::{Cursor, Prose};

use chrono::{DateTime, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page,
        types::{Check, api_enum, stored},
    },
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    domain::care::{AlertAction, AlertKind as DomainAlertKind, AlertStatus},
    error::{ApiError, ApiResult},
    store::{self, care::AlertFilter, page::PageRequest},
};

api_enum!(
    /// What an alert is about.
    AlertKind <=> DomainAlertKind {
        NoShow = "no_show",
        RepeatedAbsence = "repeated_absence",
        MonthAtRisk = "month_at_risk",
        MonthNotMet = "month_not_met",
        CorrectionEnding = "correction_ending",
        BehaviourConcern = "behaviour_concern",
    }
);

/// A stored kind, read back.
fn parse_kind(s: &str) -> ApiResult<AlertKind> {
    [
        AlertKind::NoShow,
        AlertKind::RepeatedAbsence,
        AlertKind::MonthAtRisk,
        AlertKind::MonthNotMet,
        AlertKind::CorrectionEnding,
        AlertKind::BehaviourConcern,
    ]
    .into_iter()
    .find(|k| k.as_str() == s)
    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("stored alert kind {s}")))
}

api_enum!(
    /// An alert's status.
    AlertState <=> AlertStatus {
        Open = "open",
        Acknowledged = "acknowledged",
        Escalated = "escalated",
        Resolved = "resolved",
    }
);

/// An alert. People appear by participant code only.
#[derive(Object)]
pub struct Alert {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub participant_code: String,
    /// The judicial office it is routed to.
    pub office_id: Uuid,
    pub kind: AlertKind,
    /// What it is about: a session id, a month `YYYY-MM`, or a date.
    pub period: String,
    pub detail: String,
    pub status: AlertState,
    /// The NGO that raised a behaviour concern.
    #[oai(nullable)]
    pub raised_by_org: Option<Uuid>,
    /// The agency it was escalated to.
    #[oai(nullable)]
    pub agency_id: Option<Uuid>,
    /// The latest handling note.
    #[oai(nullable)]
    pub note: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn view(m: entity::alert::Model, code: String) -> ApiResult<Alert> {
    let s: AlertStatus = stored(&m.status)?;
    Ok(Alert {
        id: m.id,
        participant_id: m.participant_id,
        participant_code: code,
        office_id: m.office_id,
        kind: parse_kind(&m.kind)?,
        period: m.period,
        detail: m.detail,
        status: s.into(),
        raised_by_org: m.raised_by_org,
        agency_id: m.agency_id,
        note: m.note,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

async fn views<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<entity::alert::Model>,
) -> ApiResult<Vec<Alert>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.participant_id).collect();
    let people = store::participants::by_ids(conn, &ids).await?;
    rows.into_iter()
        .map(|r| {
            let code = people
                .get(&r.participant_id)
                .map(|p| p.code.clone())
                .unwrap_or_default();
            view(r, code)
        })
        .collect()
}

/// A behaviour concern from an NGO: facts only. `kind` must be
/// `behaviour_concern` (the only kind raised by hand).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateAlert {
    pub participant_id: Uuid,
    pub kind: AlertKind,
    pub detail: Prose<2000>,
}

/// A handling note.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct AlertNote {
    #[oai(nullable)]
    pub note: Option<Prose<2000>>,
}

/// How an alert was resolved.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct Resolution {
    pub note: Prose<2000>,
}

/// An escalation: to `agency_id`, or by default the office's police station.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct Escalation {
    pub note: Prose<2000>,
    #[oai(nullable)]
    pub agency_id: Option<Uuid>,
}

pub struct AlertsApi;

async fn transition(
    ctx: &Ctx,
    auth: &BearerAuth,
    permission: Permission,
    id: Uuid,
    action: AlertAction,
    note: Option<String>,
    agency: Option<Option<Uuid>>,
) -> ApiResult<Json<Alert>> {
    let caller = auth.0.require(permission)?;
    let txn = ctx.state.db.begin().await?;
    let step = app::alerts::Step {
        action,
        note,
        agency,
    };
    let (a, code) =
        app::alerts::handle(&txn, &ctx.state, &ctx.actor(&auth.0), caller, id, step).await?;
    txn.commit().await?;
    Ok(Json(view(a, code)?))
}

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Alerts")]
impl AlertsApi {
    /// List alerts
    ///
    /// Offices see their own people's, NGOs those they raised, agencies those
    /// escalated to them, the bureau and the auditor all.
    #[oai(path = "/alerts", method = "get", operation_id = "list_alerts")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<AlertState>>,
        participant_id: Query<Option<Uuid>>,
        kind: Query<Option<AlertKind>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Alert>>> {
        let caller = auth.0.require(Permission::ReadAlerts)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let filter = AlertFilter {
            status: status.0.map(|s| s.as_str().to_string()),
            participant_id: participant_id.0,
            kind: kind.0.map(|k| k.as_str().to_string()),
        };
        let db = &ctx.state.db.read;
        let (rows, next) = store::care::list_alerts(db, caller, filter, &page).await?;
        Ok(Json(Page {
            items: views(db, rows).await?,
            next_cursor: next,
        }))
    }

    /// Report a behaviour concern
    ///
    /// NGO staff, about a person enrolled in one of their sessions; facts
    /// only (NGOs never sanction). Goes to the person's judicial office.
    #[oai(path = "/alerts", method = "post", operation_id = "create_alert")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateAlert>,
    ) -> ApiResult<Created<Alert>> {
        let caller = auth.0.require(Permission::RaiseConcern)?;
        let mut check = Check::new();
        let detail = check.text("detail", &body.detail);
        if body.kind != AlertKind::BehaviourConcern {
            check.fail("kind", "only behaviour_concern is raised by hand");
        }
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let concern = (body.participant_id, detail);
        let (a, p) = app::alerts::report_concern(
            &txn,
            &ctx.state,
            &actor,
            caller,
            concern,
            check.into_errors(),
        )
        .await?;
        txn.commit().await?;
        let location = format!("/api/v1/alerts/{}", a.id);
        Ok(Created::Created(Json(view(a, p.code)?), location))
    }

    /// Get an alert
    #[oai(path = "/alerts/:id", method = "get", operation_id = "get_alert")]
    async fn get(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Alert>> {
        let caller = auth.0.require(Permission::ReadAlerts)?;
        let db = &ctx.state.db.read;
        let a = store::care::get_alert(db, caller, id.0).await?;
        Ok(Json(views(db, vec![a]).await?.remove(0)))
    }

    /// Acknowledge an alert
    #[oai(
        path = "/alerts/:id/acknowledge",
        method = "post",
        operation_id = "acknowledge_alert"
    )]
    async fn acknowledge(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<AlertNote>,
    ) -> ApiResult<Json<Alert>> {
        let mut check = Check::new();
        let note = check.opt_text("note", body.note.as_ref());
        check.finish()?;
        transition(
            &ctx,
            &auth,
            Permission::HandleAlerts,
            id.0,
            AlertAction::Acknowledge,
            note,
            None,
        )
        .await
    }

    /// Resolve an alert (with a note)
    ///
    /// The person's office; or the agency an alert was escalated to, saying what it did.
    #[oai(
        path = "/alerts/:id/resolve",
        method = "post",
        operation_id = "resolve_alert"
    )]
    async fn resolve(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Resolution>,
    ) -> ApiResult<Json<Alert>> {
        let mut check = Check::new();
        let note = check.text("note", &body.note);
        check.finish()?;
        // The office, or the agency the alert was escalated to (it sees only those).
        let permission = if auth.0.require(Permission::ResolveEscalatedAlert).is_ok() {
            Permission::ResolveEscalatedAlert
        } else {
            Permission::HandleAlerts
        };
        transition(
            &ctx,
            &auth,
            permission,
            id.0,
            AlertAction::Resolve,
            Some(note),
            None,
        )
        .await
    }

    /// Escalate an alert to an agency
    ///
    /// `agency_id` defaults to the police station configured on the office
    /// (`PATCH /organizations/{id}` `police_station_id`); the agency then sees the alert.
    #[oai(
        path = "/alerts/:id/escalate",
        method = "post",
        operation_id = "escalate_alert"
    )]
    async fn escalate(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Escalation>,
    ) -> ApiResult<Json<Alert>> {
        let mut check = Check::new();
        let note = check.text("note", &body.note);
        check.finish()?;
        transition(
            &ctx,
            &auth,
            Permission::HandleAlerts,
            id.0,
            AlertAction::Escalate,
            Some(note),
            Some(body.agency_id),
        )
        .await
    }
}
