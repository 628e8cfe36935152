//! Hours: a person's month judged against the requirement that applies to
//! them (the one rule of `domain::hours::status`, for many people at once),
//! and the ledger entries a closed session credits.
//!
//! Depends on `domain` and `store` only; called by handlers, `app::sessions` and jobs.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::participant;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{
    domain::hours::{Category, Month, MonthStatus, Policy, Requirement, status},
    error::{ApiError, ApiResult},
    state::AppState,
    store,
};

/// The month status of each person under correction among `people` (volunteers
/// have no requirement and are left out), as of `today`.
pub async fn month_statuses<C: ConnectionTrait>(
    conn: &C,
    people: &[participant::Model],
    month: Month,
    today: NaiveDate,
) -> Result<HashMap<Uuid, MonthStatus>, ApiError> {
    let subjects: Vec<&participant::Model> = people
        .iter()
        .filter(|p| p.kind == "correction_subject")
        .collect();
    let ids: Vec<Uuid> = subjects.iter().map(|p| p.id).collect();
    let earned = store::hours::earned_of(conn, month, &ids).await?;
    let mut policies: HashMap<Uuid, Policy> = HashMap::new();
    let mut out = HashMap::with_capacity(subjects.len());
    for p in subjects {
        let policy = match p.judicial_office_id {
            Some(office) => match policies.get(&office) {
                Some(policy) => *policy,
                None => {
                    let policy = store::hours::policy_for_org(conn, office).await?;
                    policies.insert(office, policy);
                    policy
                }
            },
            None => Policy::default(),
        };
        let got = |c: Category| earned.get(&(p.id, c.as_str().into())).copied().unwrap_or(0);
        let earned = Requirement {
            education_x100: got(Category::Education),
            public_welfare_x100: got(Category::PublicWelfare),
        };
        let required = policy.for_level(p.supervision_level.as_deref());
        out.insert(
            p.id,
            status(required, earned, month, today, policy.at_risk_day),
        );
    }
    Ok(out)
}

/// The organisation whose ledger months a participant's entries fall in:
/// the judicial office, or for volunteers the NGO that registered them.
pub fn ledger_org(p: &entity::participant::Model) -> Option<Uuid> {
    p.judicial_office_id.or(p.ngo_id)
}

/// Ledger entries for the credited hours of a closed session, in the
/// session's month (or, when that month is closed, the current month).
pub async fn post_attendance<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    session: &entity::session::Model,
    enrollments: &[entity::enrollment::Model],
    created_by: Uuid,
) -> ApiResult<()> {
    let credited: Vec<&entity::enrollment::Model> = enrollments
        .iter()
        .filter(|e| e.hours_x100.unwrap_or(0) > 0)
        .collect();
    if credited.is_empty() {
        return Ok(());
    }
    let tz = state.settings.tz();
    let date = session.starts_at.with_timezone(&tz).date_naive();
    let month = Month::of(date);
    let current = Month::of(state.clock.today(tz));
    let people = store::participants::by_ids(
        conn,
        &credited
            .iter()
            .map(|e| e.participant_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let orgs: Vec<Uuid> = people.values().filter_map(ledger_org).collect();
    let closed = store::hours::closed_among(conn, &orgs, &[month]).await?;
    let now = state.clock.now();
    let rows = credited
        .iter()
        .filter_map(|e| {
            let p = people.get(&e.participant_id)?;
            let posting = match ledger_org(p) {
                Some(org) if closed.contains(&(org, month.to_string())) => current,
                _ => month,
            };
            Some(entity::hours_entry::Model {
                id: Uuid::now_v7(),
                participant_id: p.id,
                category: Category::for_session(&session.session_type, p.kind == "volunteer")
                    .as_str()
                    .into(),
                source: "attendance".into(),
                hours_x100: e.hours_x100.unwrap_or(0),
                date,
                month: posting.to_string(),
                description: session.title.clone(),
                session_id: Some(session.id),
                enrollment_id: Some(e.id),
                reverses_id: None,
                created_by,
                created_at: now,
            })
        })
        .collect();
    store::hours::insert_entries(conn, rows).await
}
