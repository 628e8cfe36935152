//! `/api/v1/exports/records`: per person under correction and month, the
//! education and assistance record for the provincial platform (数据共享),
//! as JSON or CSV with the roster import's Chinese headers.

use chrono::NaiveDate;
use poem::Request;
use poem_openapi::{
    ApiResponse, Enum, Object, OpenApi, ResponseContent,
    param::Query,
    payload::{Binary, Json},
};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Ctx,
        export::{Format, wants_csv},
        text::{MonthText, Stored},
        types::{SessionType, api_enum},
        wire::{CorrectionType, DisciplineKind, ReferralNeed, ReferralState, SupervisionLevel},
    },
    app::{
        self,
        records::{Encoding, PersonMonth},
    },
    auth::{
        authz::{Permission, compliance_scope},
        scheme::BearerAuth,
    },
    error::ApiResult,
    store::audit,
};

api_enum!(
    /// CSV encoding: `utf-8` (with a BOM, the default) or `gb18030`.
    CsvEncoding {
        Utf8 = "utf-8",
        Gb18030 = "gb18030",
    }
);

/// One attended session.
#[derive(Object)]
pub struct RecordSession {
    pub date: NaiveDate,
    #[oai(rename = "type")]
    pub session_type: Stored<SessionType>,
    pub hours: f64,
}

/// One discipline record (commendation, reprimand, warning).
#[derive(Object)]
pub struct RecordDiscipline {
    pub date: NaiveDate,
    pub kind: Stored<DisciplineKind>,
}

/// One referral made in the month and where it stands.
#[derive(Object)]
pub struct RecordReferral {
    pub need: Stored<ReferralNeed>,
    pub status: Stored<ReferralState>,
    #[oai(nullable)]
    pub response: Option<String>,
}

/// A person's month.
#[derive(Object)]
pub struct PersonRecord {
    pub participant_id: Uuid,
    pub code: String,
    pub name: String,
    /// In full: the platform identifies people by it.
    #[oai(nullable)]
    pub id_number: Option<String>,
    #[oai(nullable)]
    pub phone: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub correction_type: Option<Stored<CorrectionType>>,
    #[oai(skip_serializing_if_is_none)]
    pub supervision_level: Option<Stored<SupervisionLevel>>,
    #[oai(nullable)]
    pub correction_start: Option<NaiveDate>,
    #[oai(nullable)]
    pub correction_end: Option<NaiveDate>,
    /// `YYYY-MM`.
    pub month: String,
    pub education_hours: f64,
    pub public_welfare_hours: f64,
    pub sessions: Vec<RecordSession>,
    /// Individual and group counseling sessions attended.
    pub counseling_sessions: i64,
    pub discipline: Vec<RecordDiscipline>,
    pub referrals: Vec<RecordReferral>,
}

impl From<PersonMonth> for PersonRecord {
    fn from(r: PersonMonth) -> Self {
        Self {
            participant_id: r.participant_id,
            code: r.code,
            name: r.name,
            id_number: r.id_number,
            phone: r.phone,
            correction_type: r.correction_type.map(Stored::new),
            supervision_level: r.supervision_level.map(Stored::new),
            correction_start: r.correction_start,
            correction_end: r.correction_end,
            month: r.month,
            education_hours: r.education_hours,
            public_welfare_hours: r.public_welfare_hours,
            sessions: r
                .sessions
                .into_iter()
                .map(|s| RecordSession {
                    date: s.date,
                    session_type: Stored::new(s.session_type),
                    hours: s.hours,
                })
                .collect(),
            counseling_sessions: r.counseling_sessions,
            discipline: r
                .discipline
                .into_iter()
                .map(|d| RecordDiscipline {
                    date: d.date,
                    kind: Stored::new(d.kind),
                })
                .collect(),
            referrals: r
                .referrals
                .into_iter()
                .map(|x| RecordReferral {
                    need: Stored::new(x.need),
                    status: Stored::new(x.status),
                    response: x.response,
                })
                .collect(),
        }
    }
}

/// A month's records.
#[derive(Object)]
pub struct RecordsExport {
    pub month: String,
    pub items: Vec<PersonRecord>,
}

#[derive(ResponseContent)]
pub enum RecordsContent {
    Json(Json<RecordsExport>),
    /// The roster import's Chinese identity headers, then the record (UTF-8 with BOM, or GB18030).
    #[oai(content_type = "text/csv")]
    Csv(Binary<Vec<u8>>),
}

#[derive(ApiResponse)]
pub enum RecordsResponse {
    /// JSON, or CSV with `Accept: text/csv` / `format=csv`.
    #[oai(status = 200)]
    Ok(RecordsContent),
}

pub struct RecordsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Collaboration")]
impl RecordsApi {
    /// Export a month's education and assistance records
    ///
    /// Per person under correction whose period overlaps the month: sessions
    /// attended by type, education and public-welfare hours, counseling
    /// sessions, discipline, referrals and their results. Offices export their
    /// own people (another office: 404), the bureau everyone or one office.
    /// The full ID number is in it: every export is audited.
    #[oai(
        path = "/exports/records",
        method = "get",
        operation_id = "export_records"
    )]
    #[allow(clippy::too_many_arguments)] // one per query parameter
    async fn export(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        req: &Request,
        /// `YYYY-MM`; default the current month.
        month: Query<Option<MonthText>>,
        office_id: Query<Option<Uuid>>,
        format: Query<Option<Format>>,
        /// For CSV; default `utf-8`.
        encoding: Query<Option<CsvEncoding>>,
    ) -> ApiResult<RecordsResponse> {
        let caller = auth.0.require(Permission::ExportRecords)?;
        let month = MonthText::or_current(month.0.as_ref(), ctx.today())?;
        let office = compliance_scope(caller, office_id.0)?;
        let rows = app::records::month(&ctx.state.db.read, &ctx.state, office, month).await?;
        let txn = ctx.state.db.begin().await?;
        let detail = serde_json::json!({"month": month.to_string(), "office_id": office, "people": rows.len()});
        audit::record(
            &txn,
            &ctx.actor(&auth.0),
            "records.export",
            "participant",
            None,
            detail,
        )
        .await?;
        txn.commit().await?;
        Ok(RecordsResponse::Ok(if wants_csv(req, format.0) {
            let enc = match encoding.0 {
                Some(CsvEncoding::Gb18030) => Encoding::Gb18030,
                _ => Encoding::Utf8,
            };
            RecordsContent::Csv(Binary(app::records::to_csv(&rows, enc)?))
        } else {
            RecordsContent::Json(Json(RecordsExport {
                month: month.to_string(),
                items: rows.into_iter().map(PersonRecord::from).collect(),
            }))
        }))
    }
}
