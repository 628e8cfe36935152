//! `/participants/{id}/outcomes` — certificates, employment and counseling
//! assessments (recorded by the NGO), commendations, completion and
//! revocation (by the office; the last two also by release and revocation) —
//! and `/participants/{id}/certificate`, a volunteer's certificate of service.

use crate::api::text::{Cursor, Prose};
use chrono::{DateTime, NaiveDate, Utc};
use poem::Request;
use poem_openapi::{
    ApiResponse, Enum, Object, OpenApi, ResponseContent,
    param::{Header, Path, Query},
    payload::{Html, Json},
};
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{ApiTags, Created, Ctx, Page, types::Check},
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    error::{ApiError, ApiResult},
    store::{self, page::PageRequest},
};

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum OutcomeKind {
    Certificate,
    Employment,
    Assessment,
    Commendation,
    Completion,
    Revocation,
}

const KINDS: &[(OutcomeKind, &str)] = &[
    (OutcomeKind::Certificate, "certificate"),
    (OutcomeKind::Employment, "employment"),
    (OutcomeKind::Assessment, "assessment"),
    (OutcomeKind::Commendation, "commendation"),
    (OutcomeKind::Completion, "completion"),
    (OutcomeKind::Revocation, "revocation"),
];

fn kind_str(k: OutcomeKind) -> &'static str {
    KINDS
        .iter()
        .find(|x| x.0 == k)
        .map(|x| x.1)
        .unwrap_or_default()
}

fn kind_of(s: &str) -> ApiResult<OutcomeKind> {
    KINDS
        .iter()
        .find(|x| x.1 == s)
        .map(|x| x.0)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("stored outcome kind {s}")))
}

/// An outcome.
#[derive(Object)]
pub struct Outcome {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub kind: OutcomeKind,
    pub date: NaiveDate,
    pub detail: String,
    /// Assessments: the score before and after (0–100).
    #[oai(nullable)]
    pub score_before: Option<i32>,
    #[oai(nullable)]
    pub score_after: Option<i32>,
    /// The NGO or office that recorded it.
    pub recorded_by_org: Uuid,
    pub created_at: DateTime<Utc>,
}

fn view(m: entity::outcome::Model) -> ApiResult<Outcome> {
    Ok(Outcome {
        id: m.id,
        participant_id: m.participant_id,
        kind: kind_of(&m.kind)?,
        date: m.date,
        detail: m.detail,
        score_before: m.score_before,
        score_after: m.score_after,
        recorded_by_org: m.recorded_by_org,
        created_at: m.created_at,
    })
}

/// A new outcome. NGOs record `certificate`, `employment`, `assessment`
/// (with both scores); offices `commendation`, `completion`, `revocation`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateOutcome {
    pub kind: OutcomeKind,
    pub date: NaiveDate,
    pub detail: Prose<2000>,
    #[oai(nullable)]
    pub score_before: Option<i32>,
    #[oai(nullable)]
    pub score_after: Option<i32>,
}

/// One activity on a certificate.
#[derive(Object)]
pub struct CertificateActivity {
    #[oai(nullable)]
    pub session_id: Option<Uuid>,
    pub title: String,
    pub date: NaiveDate,
    pub hours: f64,
}

/// A volunteer's certificate of service (谁组织谁记录、谁记录谁证明).
#[derive(Object)]
pub struct Certificate {
    pub number: String,
    pub participant_name: String,
    pub total_hours: f64,
    pub activities: Vec<CertificateActivity>,
    /// The NGO that organised and recorded the service.
    pub issuer: String,
    pub issued_at: DateTime<Utc>,
}

#[derive(ResponseContent)]
pub enum CertificateContent {
    Json(Json<Certificate>),
    /// A printable page.
    Html(Html<String>),
}

#[derive(ApiResponse)]
pub enum CertificateResponse {
    /// JSON, or with `Accept: text/html` a printable page.
    #[oai(status = 200)]
    Ok(CertificateContent),
}

fn printable(c: &Certificate) -> String {
    use html_escape::encode_text as e;
    let rows: String = c
        .activities
        .iter()
        .map(|a| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{:.2}</td></tr>",
                a.date,
                e(&a.title),
                a.hours
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>志愿服务证明 {num}</title>\
         <style>body{{font-family:serif;max-width:46em;margin:2em auto}}table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #444;padding:.3em}}@media print{{button{{display:none}}}}</style></head>\
         <body><h1>志愿服务证明 <small>Certificate of volunteer service</small></h1>\
         <p>编号 No.: {num}</p><p>兹证明 <strong>{name}</strong> 参加志愿服务共计 <strong>{total:.2}</strong> 小时。<br>\
         This certifies that {name} served {total:.2} volunteer hours.</p>\
         <table><thead><tr><th>日期 Date</th><th>服务内容 Activity</th><th>时长 Hours</th></tr></thead><tbody>{rows}</tbody></table>\
         <p>出具单位 Issuer: {issuer}</p><p>出具时间 Issued: {issued}</p><button onclick=\"print()\">打印 Print</button></body></html>",
        num = e(&c.number),
        name = e(&c.participant_name),
        total = c.total_hours,
        issuer = e(&c.issuer),
        issued = c.issued_at.format("%Y-%m-%d"),
    )
}

pub struct OutcomesApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Participants")]
impl OutcomesApi {
    /// A person's outcomes
    #[oai(
        path = "/participants/:id/outcomes",
        method = "get",
        operation_id = "list_outcomes"
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
    ) -> ApiResult<Json<Page<Outcome>>> {
        let caller = auth.0.require(Permission::ReadParticipants)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let db = &ctx.state.db.read;
        let p = store::participants::get(db, caller, id.0).await?;
        let (rows, next) = store::outcomes::of_participant(db, p.id, &page).await?;
        Page::try_from_rows(rows, next, view)
    }

    /// Record an outcome
    ///
    /// NGOs (for people enrolled with them, or their volunteers): `certificate`,
    /// `employment`, `assessment` with `score_before`/`score_after` (0–100).
    /// The person's office: `commendation`, `completion`, `revocation`.
    #[oai(
        path = "/participants/:id/outcomes",
        method = "post",
        operation_id = "create_outcome"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateOutcome>,
    ) -> ApiResult<Created<Outcome>> {
        let caller = auth.0.require(Permission::RecordOutcome)?;
        let mut check = Check::new();
        let new = app::outcomes::NewOutcome {
            kind: kind_str(body.kind),
            date: body.date,
            detail: check.text("detail", &body.detail),
            scores: (body.score_before, body.score_after),
        };
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let (o, p) =
            app::outcomes::record_by(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/participants/{}/outcomes", p.id);
        Ok(Created::Created(Json(view(o)?), location))
    }

    /// A volunteer's certificate of service
    ///
    /// Volunteers only (persons under correction: 404). Number, person,
    /// hours by activity, issuing NGO, date; `Accept: text/html` gives a
    /// printable page.
    #[oai(
        path = "/participants/:id/certificate",
        method = "get",
        operation_id = "get_certificate"
    )]
    async fn certificate(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        req: &Request,
        id: Path<Uuid>,
    ) -> ApiResult<CertificateResponse> {
        let caller = auth.0.require(Permission::ReadParticipants)?;
        let db = &ctx.state.db.read;
        let p = store::participants::get(db, caller, id.0).await?;
        if p.kind != "volunteer" {
            return Err(ApiError::NotFound);
        }
        let c = app::outcomes::certificate(db, &ctx.state, caller, p).await?;
        let c = Certificate {
            number: c.number,
            participant_name: c.participant_name,
            total_hours: c.total_hours,
            activities: c
                .activities
                .into_iter()
                .map(|a| CertificateActivity {
                    session_id: a.session_id,
                    title: a.title,
                    date: a.date,
                    hours: a.hours,
                })
                .collect(),
            issuer: c.issuer,
            issued_at: c.issued_at,
        };
        let wants_html = req
            .header("accept")
            .is_some_and(|a| a.contains("text/html") && !a.contains("application/json"));
        Ok(CertificateResponse::Ok(if wants_html {
            CertificateContent::Html(Html(printable(&c)))
        } else {
            CertificateContent::Json(Json(c))
        }))
    }
}
