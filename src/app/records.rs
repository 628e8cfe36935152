//! Records back to the provincial platform (数据共享): per person under
//! correction and month, the education and assistance record — sessions
//! attended by type (date, hours), education and public-welfare hours,
//! counseling sessions, discipline, referrals and their results. As plain
//! rows for JSON, or as CSV with the roster import's Chinese headers first
//! (so the import reads a file back for the identity columns), UTF-8 with a
//! BOM or GB18030, formula-safe.
//!
//! Depends on `domain`, `store` and `csvfile`; called by the export handler
//! and `huigui export records`.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{
    csvfile::{csv, num},
    domain::{
        hours::Month,
        labels::{
            CORRECTION_TYPES, DISCIPLINE_KINDS, REFERRAL_STATUSES, SESSION_TYPES,
            SUPERVISION_LEVELS, zh,
        },
    },
    error::{ApiError, ApiResult},
    state::AppState,
    store,
};

/// One attended session.
#[derive(Clone, Debug)]
pub struct SessionLine {
    pub date: NaiveDate,
    pub session_type: String,
    pub hours: f64,
}

/// One discipline record.
#[derive(Clone, Debug)]
pub struct DisciplineLine {
    pub date: NaiveDate,
    pub kind: String,
}

/// One referral and where it stands.
#[derive(Clone, Debug)]
pub struct ReferralLine {
    pub need: String,
    pub status: String,
    pub response: Option<String>,
}

/// A person's month.
#[derive(Clone, Debug)]
pub struct PersonMonth {
    pub participant_id: Uuid,
    pub code: String,
    pub name: String,
    /// In full: the platform identifies people by it.
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub correction_type: Option<String>,
    pub supervision_level: Option<String>,
    pub correction_start: Option<NaiveDate>,
    pub correction_end: Option<NaiveDate>,
    pub month: String,
    pub education_hours: f64,
    pub public_welfare_hours: f64,
    pub sessions: Vec<SessionLine>,
    /// Individual and group counseling sessions attended.
    pub counseling_sessions: i64,
    pub discipline: Vec<DisciplineLine>,
    pub referrals: Vec<ReferralLine>,
}

/// The month's records of one office's people, or (`None`) everyone's.
pub async fn month<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    office: Option<Uuid>,
    month: Month,
) -> ApiResult<Vec<PersonMonth>> {
    let tz = state.settings.tz();
    let days = (month.first_day(), month.last_day());
    let bounds = store::rollups::month_bounds(tz, month);
    let people = store::records::people(conn, office, days).await?;
    let ids: Vec<Uuid> = people.iter().map(|p| p.id).collect();
    let earned = store::hours::earned_of(conn, month, &ids).await?;
    let mut sessions: HashMap<Uuid, Vec<SessionLine>> = HashMap::new();
    for (p, at, t, x100) in store::records::attended(conn, &ids, bounds).await? {
        sessions.entry(p).or_default().push(SessionLine {
            date: at.with_timezone(&tz).date_naive(),
            session_type: t,
            hours: x100 as f64 / 100.0,
        });
    }
    let mut discipline: HashMap<Uuid, Vec<DisciplineLine>> = HashMap::new();
    for d in store::records::discipline(conn, &ids, days).await? {
        discipline
            .entry(d.participant_id)
            .or_default()
            .push(DisciplineLine {
                date: d.date,
                kind: d.kind,
            });
    }
    let mut referrals: HashMap<Uuid, Vec<ReferralLine>> = HashMap::new();
    for r in store::records::referrals(conn, &ids, bounds).await? {
        referrals
            .entry(r.participant_id)
            .or_default()
            .push(ReferralLine {
                need: r.need,
                status: r.status,
                response: r.response,
            });
    }
    let hours =
        |p: Uuid, c: &str| earned.get(&(p, c.to_string())).copied().unwrap_or(0) as f64 / 100.0;
    people
        .into_iter()
        .map(|p| {
            let id_number = p
                .id_number_sealed
                .as_deref()
                .map(|s| state.vault.open(s))
                .transpose()
                .map_err(ApiError::Internal)?;
            let attended = sessions.remove(&p.id).unwrap_or_default();
            let counseling = attended
                .iter()
                .filter(|s| s.session_type.ends_with("_counseling"))
                .count() as i64;
            Ok(PersonMonth {
                education_hours: hours(p.id, "education"),
                public_welfare_hours: hours(p.id, "public_welfare"),
                discipline: discipline.remove(&p.id).unwrap_or_default(),
                referrals: referrals.remove(&p.id).unwrap_or_default(),
                participant_id: p.id,
                code: p.code,
                name: p.name,
                id_number,
                phone: p.phone,
                correction_type: p.correction_type,
                supervision_level: p.supervision_level,
                correction_start: p.correction_start,
                correction_end: p.correction_end,
                month: month.to_string(),
                sessions: attended,
                counseling_sessions: counseling,
            })
        })
        .collect()
}

/// A row as JSON, with the API's field names (for `huigui export records --out *.json`).
pub fn to_json(r: &PersonMonth) -> serde_json::Value {
    serde_json::json!({
        "participant_id": r.participant_id, "code": r.code, "name": r.name,
        "id_number": r.id_number, "phone": r.phone, "correction_type": r.correction_type,
        "supervision_level": r.supervision_level, "correction_start": r.correction_start,
        "correction_end": r.correction_end, "month": r.month,
        "education_hours": r.education_hours, "public_welfare_hours": r.public_welfare_hours,
        "sessions": r.sessions.iter().map(|s| serde_json::json!({"date": s.date, "type": s.session_type, "hours": s.hours})).collect::<Vec<_>>(),
        "counseling_sessions": r.counseling_sessions,
        "discipline": r.discipline.iter().map(|d| serde_json::json!({"date": d.date, "kind": d.kind})).collect::<Vec<_>>(),
        "referrals": r.referrals.iter().map(|x| serde_json::json!({"need": x.need, "status": x.status, "response": x.response})).collect::<Vec<_>>(),
    })
}

/// The roster import's identity columns, in its order and spelling.
const IDENTITY: [&str; 7] = [
    "姓名",
    "身份证号",
    "联系电话",
    "矫正类别",
    "管理类别",
    "矫正起始日",
    "矫正终止日",
];

/// The record columns after them: `(API name, Chinese header)`. The roster
/// import knows them and leaves them aside, so an export reads back.
pub const RECORD_COLUMNS: [(&str, &str); 8] = [
    ("code", "矫正编号"),
    ("month", "月份"),
    ("education_hours", "教育学习时长"),
    ("public_welfare_hours", "公益活动时长"),
    ("sessions", "参加活动"),
    ("counseling_sessions", "心理辅导次数"),
    ("discipline", "奖惩记录"),
    ("referrals", "转介及结果"),
];

/// How the CSV is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 with a BOM (Excel shows the Chinese headers).
    #[default]
    Utf8,
    /// GB18030, without a BOM (older provincial systems).
    Gb18030,
}

/// One person's month as CSV cells, in the header's order.
fn csv_row(r: &PersonMonth) -> Vec<String> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let joined = |parts: Vec<String>| parts.join("；");
    let sessions = r
        .sessions
        .iter()
        .map(|s| {
            format!(
                "{} {} {}小时",
                s.date,
                zh(&SESSION_TYPES, &s.session_type),
                num(s.hours)
            )
        })
        .collect();
    let discipline = r
        .discipline
        .iter()
        .map(|d| format!("{} {}", d.date, zh(&DISCIPLINE_KINDS, &d.kind)))
        .collect();
    let referrals = r
        .referrals
        .iter()
        .map(|x| {
            let answer = x
                .response
                .as_deref()
                .map(|a| format!("：{a}"))
                .unwrap_or_default();
            let need = crate::domain::care::need_label(&x.need);
            format!("{need} {}{answer}", zh(&REFERRAL_STATUSES, &x.status))
        })
        .collect();
    let label = |table: &[(&str, &str)], v: &Option<String>| {
        v.as_deref()
            .map(|c| zh(table, c).to_string())
            .unwrap_or_default()
    };
    vec![
        r.name.clone(),
        r.id_number.clone().unwrap_or_default(),
        r.phone.clone().unwrap_or_default(),
        label(&CORRECTION_TYPES, &r.correction_type),
        label(&SUPERVISION_LEVELS, &r.supervision_level),
        date(r.correction_start),
        date(r.correction_end),
        r.code.clone(),
        r.month.clone(),
        num(r.education_hours),
        num(r.public_welfare_hours),
        joined(sessions),
        r.counseling_sessions.to_string(),
        joined(discipline),
        joined(referrals),
    ]
}

/// The rows as CSV: identity columns as the roster import spells them, then
/// the record; lists joined with `；`.
pub fn to_csv(rows: &[PersonMonth], encoding: Encoding) -> ApiResult<Vec<u8>> {
    let lines: Vec<Vec<String>> = rows.iter().map(csv_row).collect();
    let header: Vec<&str> = IDENTITY
        .iter()
        .copied()
        .chain(RECORD_COLUMNS.iter().map(|(_, zh)| *zh))
        .collect();
    let utf8 = csv(&header, &lines)?;
    Ok(match encoding {
        Encoding::Utf8 => utf8,
        Encoding::Gb18030 => {
            let text = std::str::from_utf8(&utf8[3..])
                .map_err(|e| ApiError::Internal(anyhow::anyhow!("csv: {e}")))?;
            encoding_rs::GB18030.encode(text).0.into_owned()
        }
    })
}
