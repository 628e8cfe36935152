//! Outcomes of a person's correction (certificates, employment, assessments,
//! commendations, completion, revocation): the one writer, used by the
//! outcomes handler and by release and revocation.
//!
//! Depends on `store`; no HTTP.

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{error::ApiResult, state::AppState, store};

/// Writes an outcome row (API, release, revocation).
#[allow(clippy::too_many_arguments)]
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    p: &entity::participant::Model,
    kind: &str,
    date: NaiveDate,
    detail: String,
    scores: (Option<i32>, Option<i32>),
    by: (Uuid, Uuid),
) -> ApiResult<entity::outcome::Model> {
    store::outcomes::insert(
        conn,
        entity::outcome::Model {
            id: Uuid::now_v7(),
            participant_id: p.id,
            kind: kind.into(),
            date,
            detail,
            score_before: scores.0,
            score_after: scores.1,
            recorded_by_org: by.0,
            recorded_by: Some(by.1),
            created_at: state.clock.now(),
        },
    )
    .await
}

/// One activity on a certificate.
#[derive(Clone, Debug)]
pub struct CertificateActivity {
    pub session_id: Option<Uuid>,
    pub title: String,
    pub date: NaiveDate,
    pub hours: f64,
}

/// A volunteer's certificate of service (谁组织谁记录、谁记录谁证明).
#[derive(Clone, Debug)]
pub struct Certificate {
    pub number: String,
    pub participant_name: String,
    pub total_hours: f64,
    pub activities: Vec<CertificateActivity>,
    pub issuer: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
}

/// The certificate of a volunteer the caller sees: the volunteer ledger's
/// counted entries (approved manual ones, never reversed ones), each session
/// by its title, the issuing NGO; a minor by code for whoever sees codes only.
pub async fn certificate<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    caller: &crate::auth::authz::UserCaller,
    p: entity::participant::Model,
) -> ApiResult<Certificate> {
    let issuer = match p.ngo_id {
        Some(n) => store::organizations::find(conn, n)
            .await?
            .map(|o| o.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let (entries, approved) = store::hours::volunteer_ledger(conn, p.id).await?;
    let reversed: std::collections::HashSet<Uuid> =
        entries.iter().filter_map(|e| e.reverses_id).collect();
    let sids: Vec<Uuid> = entries.iter().filter_map(|e| e.session_id).collect();
    let sessions = store::sessions::titles(conn, &sids).await?;
    let activities: Vec<CertificateActivity> = entries
        .iter()
        .filter(|e| e.source != "reversal" && !reversed.contains(&e.id))
        .filter(|e| crate::domain::hours::counts(&e.source, approved.contains(&e.id)))
        .map(|e| CertificateActivity {
            session_id: e.session_id,
            title: e
                .session_id
                .and_then(|s| sessions.get(&s).cloned())
                .unwrap_or_else(|| e.description.clone()),
            date: e.date,
            hours: e.hours_x100 as f64 / 100.0,
        })
        .collect();
    let total = activities
        .iter()
        .map(|a| (a.hours * 100.0).round() as i64)
        .sum::<i64>() as f64
        / 100.0;
    let code_only = store::participants::disclosure_for(caller, &p)
        == crate::domain::disclosure::Disclosure::CodeOnly;
    Ok(Certificate {
        number: format!("VC-{}", p.code.trim_start_matches("HG-")),
        participant_name: if code_only { p.code.clone() } else { p.name },
        total_hours: total,
        activities,
        issuer,
        issued_at: state.clock.now(),
    })
}

/// An outcome recorded by hand: its stored kind, day, facts and (for an
/// assessment) the scores before and after.
pub struct NewOutcome {
    pub kind: &'static str,
    pub date: NaiveDate,
    pub detail: String,
    pub scores: (Option<i32>, Option<i32>),
}

/// Records an outcome for a person the caller sees — an office only for
/// its own people (404 otherwise) — with its audit event: a day not in the
/// future, and the kinds and scores `domain::care::outcome_problems` allows
/// the caller's organisation. `broken` are the caller's field errors; all
/// are reported only once the person is known to be visible.
pub async fn record_by<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &crate::store::audit::Actor,
    caller: &crate::auth::authz::UserCaller,
    participant_id: Uuid,
    new: NewOutcome,
    mut broken: Vec<crate::error::FieldError>,
) -> ApiResult<(entity::outcome::Model, entity::participant::Model)> {
    use crate::{domain::roles::OrgKind, error::FieldError};
    if new.date > state.clock.today(state.settings.tz()) {
        broken.push(FieldError::new("date", "must not be in the future"));
    }
    let by_ngo = caller.org_kind == OrgKind::Ngo;
    for (field, message) in crate::domain::care::outcome_problems(new.kind, by_ngo, new.scores) {
        broken.push(FieldError::new(field, message));
    }
    let p = store::participants::get(txn, caller, participant_id).await?;
    if caller.org_kind == OrgKind::JudicialOffice && p.judicial_office_id != Some(caller.org_id) {
        return Err(crate::error::ApiError::NotFound);
    }
    if !broken.is_empty() {
        return Err(crate::error::ApiError::Validation(broken));
    }
    let by = (caller.org_id, caller.user_id);
    let o = record(
        txn, state, &p, new.kind, new.date, new.detail, new.scores, by,
    )
    .await?;
    let detail = serde_json::json!({"kind": o.kind, "outcome_id": o.id});
    let object = Some(p.id.to_string());
    crate::store::audit::record(txn, actor, "outcome.create", "participant", object, detail)
        .await?;
    Ok((o, p))
}
