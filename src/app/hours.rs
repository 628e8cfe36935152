//! Hours: a person's month judged against the requirement that applies to
//! them (the one rule of `domain::hours::status`, for many people at once).
//!
//! Depends on `domain` and `store` only; called by handlers and jobs.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::participant;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{
    domain::hours::{Category, Month, MonthStatus, Policy, Requirement, status},
    error::ApiError,
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
