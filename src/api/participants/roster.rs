//! `POST /api/v1/participants/import`: a judicial office's roster, exported
//! as CSV from the provincial smart-corrections platform. Each row goes
//! through the same checks as a single registration; the whole file is one
//! transaction (rolled back for `dry_run`).

use crate::api::text::{IdNumberText, Skill};
use crate::domain::collaboration::AgencyType;
use std::collections::HashMap;

use chrono::NaiveDate;
use poem_openapi::{
    ApiRequest, Enum, Object, OpenApi,
    param::Query,
    payload::{Binary, Json, ParsePayload, Payload},
    registry::MetaSchemaRef,
    types::MaybeUndefined,
};
use uuid::Uuid;

use super::{CorrectionType, CreateParticipant, ParticipantKind, SupervisionLevel, registration};
use crate::app::{self, roster::Planned};

use crate::{
    api::{
        ApiTags, Ctx,
        types::{Check, Text},
    },
    auth::{authz::Permission, scheme::BearerAuth},
    error::{ApiError, ApiResult, FieldError},
    store,
};

/// Largest roster per request.
pub const MAX_ROWS: usize = 5000;

/// Columns: API field name or Chinese label.
const COLUMNS: &[(&str, &str)] = &[
    ("name", "姓名"),
    ("id_number", "身份证号"),
    ("phone", "联系电话"),
    ("correction_type", "矫正类别"),
    ("supervision_level", "管理类别"),
    ("correction_start", "矫正起始日"),
    ("correction_end", "矫正终止日"),
    ("skills", "特长"),
    ("village_committee", "村(居)委会"),
];

const REQUIRED: &[&str] = &[
    "name",
    "id_number",
    "correction_type",
    "supervision_level",
    "correction_start",
    "correction_end",
];

/// The CSV body.
#[derive(ApiRequest)]
pub enum RosterCsv {
    /// A header row, then one person per row; UTF-8 (with or without BOM) or
    /// GB18030. `Content-Type: text/csv`, optionally with `charset=utf-8` or
    /// `charset=gb18030` (then the file must decode cleanly in it).
    Csv(CsvUpload),
}

/// The charsets a roster may declare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Gb18030,
}

/// The `charset` parameter of a `text/csv` content type: `Ok(None)` when
/// absent, `Err(())` for a type other than `text/csv` or an unknown charset.
fn csv_charset(content_type: &str) -> Result<Option<Charset>, ()> {
    let mut parts = content_type.split(';').map(str::trim);
    if !parts
        .next()
        .is_some_and(|t| t.eq_ignore_ascii_case("text/csv"))
    {
        return Err(());
    }
    let mut charset = None;
    for p in parts {
        let Some((k, v)) = p.split_once('=') else {
            return Err(());
        };
        if k.trim().eq_ignore_ascii_case("charset") {
            let v = v.trim().trim_matches('"').to_ascii_lowercase();
            charset = Some(match v.as_str() {
                "utf-8" | "utf8" => Charset::Utf8,
                // GB18030 is a superset of GBK and GB2312.
                "gb18030" | "gbk" | "gb2312" => Charset::Gb18030,
                _ => return Err(()),
            });
        }
    }
    Ok(charset)
}

/// A `text/csv` request body (any standard `charset` parameter accepted).
pub struct CsvUpload {
    pub bytes: Vec<u8>,
    pub charset: Option<Charset>,
}

impl Payload for CsvUpload {
    const CONTENT_TYPE: &'static str = "text/csv";

    fn check_content_type(content_type: &str) -> bool {
        csv_charset(content_type).is_ok()
    }

    fn schema_ref() -> MetaSchemaRef {
        Binary::<Vec<u8>>::schema_ref()
    }
}

impl ParsePayload for CsvUpload {
    const IS_REQUIRED: bool = true;

    async fn from_request(
        request: &poem::Request,
        body: &mut poem::RequestBody,
    ) -> poem::Result<Self> {
        let charset = request
            .content_type()
            .and_then(|c| csv_charset(c).ok())
            .flatten();
        Ok(Self {
            bytes: <Vec<u8> as poem::FromRequest>::from_request(request, body).await?,
            charset,
        })
    }
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum ImportStatus {
    Created,
    Updated,
    Rejected,
}

/// What happened to one row.
#[derive(Object)]
pub struct ImportRow {
    /// The line in the file (the header is row 1).
    pub row: i64,
    pub status: ImportStatus,
    #[oai(skip_serializing_if_is_none)]
    pub participant_id: Option<Uuid>,
    #[oai(skip_serializing_if_is_none)]
    pub errors: Option<Vec<FieldError>>,
}

/// Per-row results and totals.
#[derive(Object)]
pub struct ImportResult {
    /// `true`: nothing was written.
    pub dry_run: bool,
    pub created: i64,
    pub updated: i64,
    pub rejected: i64,
    pub results: Vec<ImportRow>,
}

/// Decodes a roster: in the declared charset, else UTF-8 (a BOM is
/// dropped) when that decodes, else GB18030. Nothing is ever replaced: a
/// file that does not decode cleanly is refused with its first bad line
/// (`Err((line, message))`), and so is one that is plainly UTF-8 with a
/// broken byte (it would otherwise decode as GB18030 into garbled names).
pub fn decode(bytes: &[u8], declared: Option<Charset>) -> Result<String, (usize, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let charset = match declared {
        Some(c) => c,
        None if std::str::from_utf8(bytes).is_ok() => Charset::Utf8,
        None if mostly_utf8(bytes) => Charset::Utf8,
        None => Charset::Gb18030,
    };
    let mut out = String::with_capacity(bytes.len());
    // Line by line: 0x0A is never part of a multi-byte character in either encoding.
    for (i, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
        let decoded = match charset {
            Charset::Utf8 => std::str::from_utf8(line).ok().map(str::to_string),
            Charset::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(line)
                .map(|c| c.into_owned()),
        };
        match decoded {
            Some(text) if !text.contains('\u{FFFD}') => out.push_str(&text),
            _ => {
                let name = match charset {
                    Charset::Utf8 => "UTF-8",
                    Charset::Gb18030 => "GB18030",
                };
                return Err((i + 1, format!("line {} is not valid {name}", i + 1)));
            }
        }
    }
    Ok(out)
}

/// Invalid UTF-8 that is nevertheless mostly UTF-8: more valid multi-byte
/// characters than broken sequences (GB18030 text read as UTF-8 gives
/// almost only broken ones).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

fn correction_type(v: &str) -> Option<CorrectionType> {
    use crate::domain::labels::{CORRECTION_TYPES, code_of};
    Some(match code_of(&CORRECTION_TYPES, v)? {
        "control" => CorrectionType::Control,
        "probation" => CorrectionType::Probation,
        "parole" => CorrectionType::Parole,
        _ => CorrectionType::MedicalParole,
    })
}

fn supervision_level(v: &str) -> Option<SupervisionLevel> {
    use crate::domain::labels::{SUPERVISION_LEVELS, code_of};
    Some(match code_of(&SUPERVISION_LEVELS, v)? {
        "strict" => SupervisionLevel::Strict,
        "ordinary" => SupervisionLevel::Ordinary,
        _ => SupervisionLevel::Lenient,
    })
}

/// `2026-03-01`, `2026/3/1` or `20260301`.
fn date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(v, "%Y/%m/%d"))
        .or_else(|_| NaiveDate::parse_from_str(v, "%Y%m%d"))
        .ok()
}

/// Maps header cells to field names; unknown or repeated columns are errors.
fn header_map(header: &csv::StringRecord) -> Result<Vec<&'static str>, ApiError> {
    let mut fields = Vec::new();
    let mut errors = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}');
        // An export of `GET /exports/records` reads back: its record columns are known and left aside.
        let mut known = COLUMNS.iter().chain(app::records::RECORD_COLUMNS.iter());
        match known.find(|(en, zh)| *en == h || *zh == h) {
            Some((en, _)) if fields.contains(en) => {
                errors.push(FieldError::new(format!("header[{i}]"), format!("column {h} appears twice")))
            }
            Some((en, _)) => fields.push(*en),
            None => errors.push(FieldError::new(
                format!("header[{i}]"),
                format!("unknown column {h:?}; use the API field names or 姓名, 身份证号, 联系电话, 矫正类别, 管理类别, 矫正起始日, 矫正终止日, 特长, 村(居)委会"),
            )),
        }
    }
    for r in REQUIRED {
        if !fields.contains(r) {
            errors.push(FieldError::new("header", format!("column {r} is missing")));
        }
    }
    if errors.is_empty() {
        Ok(fields)
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// One row as a registration request; cells that do not parse are reported.
fn row_request(
    fields: &[&str],
    rec: &csv::StringRecord,
    committees: &HashMap<String, Uuid>,
    check: &mut Check,
) -> CreateParticipant {
    let cell = |name: &str| -> Option<&str> {
        fields
            .iter()
            .position(|f| *f == name)
            .and_then(|i| rec.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let mut parsed_date = |name: &str| match cell(name) {
        None => None,
        Some(v) => {
            let d = date(v);
            if d.is_none() {
                check.fail(name, format!("{v:?} is not a date (YYYY-MM-DD)"));
            }
            d
        }
    };
    let correction_start = parsed_date("correction_start");
    let correction_end = parsed_date("correction_end");
    let ct = cell("correction_type").map(|v| (v, correction_type(v)));
    let sl = cell("supervision_level").map(|v| (v, supervision_level(v)));
    if let Some((v, None)) = ct {
        check.fail(
            "correction_type",
            format!("{v:?} is not 管制, 缓刑, 假释, 暂予监外执行 or a code"),
        );
    }
    if let Some((v, None)) = sl {
        check.fail(
            "supervision_level",
            format!("{v:?} is not 严管, 普管, 宽管 or a code"),
        );
    }
    let skills = cell("skills").map(|v| {
        v.split(['、', ';', '；'])
            .map(|s| Skill(s.trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect()
    });
    let village_committee_id = cell("village_committee").and_then(|v| {
        let found = committees.get(v).copied();
        if found.is_none() {
            check.fail(
                "village_committee",
                format!("{v:?} is no village committee (an agency of type village_committee)"),
            );
        }
        found
    });
    CreateParticipant {
        kind: ParticipantKind::CorrectionSubject,
        name: Text(cell("name").unwrap_or_default().to_string()),
        id_number: cell("id_number").map(|v| IdNumberText(v.to_string())),
        phone: cell("phone").map(|v| Text(v.to_string())),
        judicial_office_id: None,
        correction_type: ct
            .and_then(|c| c.1)
            .map_or(MaybeUndefined::Undefined, MaybeUndefined::Value),
        supervision_level: sl
            .and_then(|c| c.1)
            .map_or(MaybeUndefined::Undefined, MaybeUndefined::Value),
        correction_start,
        correction_end,
        skills,
        able_to_work: None,
        medical_needs: None,
        village_committee_id,
    }
}

/// Reads the file into checked rows `(line, planned)`: each row checked
/// exactly like a single registration; blank rows skipped; a file with no
/// rows, an unknown or missing column or too many rows refused as a whole.
fn read_rows(
    state: &crate::state::AppState,
    caller: &crate::auth::authz::UserCaller,
    upload: &CsvUpload,
    committees: &HashMap<String, Uuid>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Vec<(i64, Planned)>> {
    let text =
        decode(&upload.bytes, upload.charset).map_err(|(_, m)| ApiError::field("body", m))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ApiError::field("body", format!("not CSV: {e}")))?
        .clone();
    let fields = header_map(&header)?;
    let mut planned: Vec<(i64, Planned)> = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i as i64 + 2;
        if planned.len() >= MAX_ROWS {
            return Err(ApiError::field(
                "body",
                format!("at most {MAX_ROWS} rows per import"),
            ));
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let unreadable = FieldError::new("row", format!("unreadable: {e}"));
                planned.push((row, Planned::Reject(vec![unreadable])));
                continue;
            }
        };
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut check = Check::new();
        let req = row_request(&fields, &rec, committees, &mut check);
        let m = registration(state, caller, &req, now, &mut check)?;
        planned.push((
            row,
            match check.finish() {
                Ok(()) => Planned::Create(Box::new(m)),
                Err(ApiError::Validation(errors)) => Planned::Reject(errors),
                Err(e) => return Err(e),
            },
        ));
    }
    if planned.is_empty() {
        return Err(ApiError::field("body", "the file has no data rows"));
    }
    Ok(planned)
}

impl From<app::roster::Done> for ImportRow {
    fn from(d: app::roster::Done) -> Self {
        let (status, participant_id, errors) = match d.result {
            Ok(id) if d.created => (ImportStatus::Created, Some(id), None),
            Ok(id) => (ImportStatus::Updated, Some(id), None),
            Err(e) => (ImportStatus::Rejected, None, Some(e)),
        };
        Self {
            row: d.row,
            status,
            participant_id,
            errors,
        }
    }
}

pub struct RosterApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Participants")]
impl RosterApi {
    /// Import a roster (CSV)
    ///
    /// Office staff, for their own office. Columns (API names or Chinese
    /// labels): `name` 姓名, `id_number` 身份证号, `phone` 联系电话,
    /// `correction_type` 矫正类别 (管制/缓刑/假释/暂予监外执行 or the codes),
    /// `supervision_level` 管理类别 (严管/普管/宽管 or the codes),
    /// `correction_start` 矫正起始日, `correction_end` 矫正终止日, `skills` 特长
    /// (separated by `、` or `;`), `village_committee` 村(居)委会 (the name of an
    /// agency of type `village_committee`). Each row is checked like a single
    /// registration: `created`; `updated` when the ID number is already active
    /// in this office (level, period and phone refreshed); or `rejected` with
    /// its errors. Up to 5,000 rows, one transaction; `dry_run=true` writes nothing.
    #[oai(
        path = "/participants/import",
        method = "post",
        operation_id = "import_participants"
    )]
    async fn import(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Validate and report without writing.
        dry_run: Query<Option<bool>>,
        body: RosterCsv,
    ) -> ApiResult<Json<ImportResult>> {
        let caller = auth.0.require(Permission::ImportRoster)?;
        let dry_run = dry_run.0.unwrap_or(false);
        let RosterCsv::Csv(upload) = body;
        let now = ctx.state.clock.now();
        let txn = ctx.state.db.begin().await?;
        let committees =
            store::organizations::agencies_by_name(&txn, AgencyType::VillageCommittee).await?;
        let rows = read_rows(&ctx.state, caller, &upload, &committees, now)?;
        let existing =
            store::participants::active_with_hashes(&txn, &app::roster::hashes(&rows)).await?;
        let planned = app::roster::plan(rows, &existing, caller.org_id);
        let done = app::roster::apply(&txn, &ctx.actor(&auth.0), planned, now).await?;
        if dry_run {
            txn.rollback().await?;
        } else {
            txn.commit().await?;
        }
        let results: Vec<ImportRow> = done.into_iter().map(ImportRow::from).collect();
        let count = |s: ImportStatus| results.iter().filter(|r| r.status == s).count() as i64;
        Ok(Json(ImportResult {
            dry_run,
            created: count(ImportStatus::Created),
            updated: count(ImportStatus::Updated),
            rejected: count(ImportStatus::Rejected),
            results,
        }))
    }
}
