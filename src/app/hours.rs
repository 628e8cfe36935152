//! Hours: a person's month judged against the requirement that applies to
//! them (the one rule of `domain::hours::status`, for many people at once);
//! the ledger entries a closed session credits; manual entries logged,
//! approved and reversed by the person's owner.
//!
//! Depends on `domain` and `store` only; called by handlers, `app::sessions` and jobs.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{correction_plan, hours_entry, participant, requirement_policy};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        hours::{
            Category, Month, MonthStatus, Policy, Requirement, counts, reversal_hours, status,
        },
        plan,
    },
    error::{ApiError, ApiResult, FieldError, OnConstraint, stored},
    state::AppState,
    store,
    store::{
        audit::{self, Actor},
        hours::Entry,
    },
};

/// The requirement policy of each judicial office, read once per office.
#[derive(Default)]
pub struct Policies(HashMap<Uuid, Policy>);

impl Policies {
    /// The policy that applies to an office's people (its bureau's, or the defaults).
    pub async fn of_office<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        office: Uuid,
    ) -> ApiResult<Policy> {
        if let Some(p) = self.0.get(&office) {
            return Ok(*p);
        }
        let p = store::hours::policy_for_org(conn, office).await?;
        self.0.insert(office, p);
        Ok(p)
    }
}

/// What a person under correction owes in a month, and the plan version
/// that decides it (if any).
#[derive(Clone, Debug)]
pub struct Owed {
    pub required: Requirement,
    pub at_risk_day: u32,
    pub plan: Option<correction_plan::Model>,
}

/// What each of these people under correction owes in `month`: the hours of
/// the plan in effect where it sets them, else their bureau's requirement
/// for the supervision level (`domain::plan::required`).
pub async fn owed<C: ConnectionTrait>(
    conn: &C,
    policies: &mut Policies,
    people: &[&participant::Model],
    month: Month,
) -> ApiResult<HashMap<Uuid, Owed>> {
    let ids: Vec<Uuid> = people.iter().map(|p| p.id).collect();
    let mut plans = store::plans::in_effect(conn, &ids, month).await?;
    let mut out = HashMap::with_capacity(people.len());
    for p in people {
        let policy = match p.judicial_office_id {
            Some(office) => policies.of_office(conn, office).await?,
            None => Policy::default(),
        };
        let plan = plans.remove(&p.id);
        let required = plan::required(
            plan.as_ref().and_then(super::plans::hours_of),
            &policy,
            p.supervision_level.as_deref(),
        );
        out.insert(
            p.id,
            Owed {
                required,
                at_risk_day: policy.at_risk_day,
                plan,
            },
        );
    }
    Ok(out)
}

/// A person's counted education and public-welfare hours, from a map of
/// earned hours by `(participant, category)` (as `store::hours::earned_*` give it).
pub fn earned_in(map: &HashMap<(Uuid, String), i64>, participant: Uuid) -> Requirement {
    let get = |c: Category| {
        map.get(&(participant, c.as_str().into()))
            .copied()
            .unwrap_or(0)
    };
    Requirement {
        education_x100: get(Category::Education),
        public_welfare_x100: get(Category::PublicWelfare),
    }
}

/// The month status of each person under correction among `people` (volunteers
/// have no requirement and are left out), as of `today`.
pub async fn month_statuses<C: ConnectionTrait>(
    conn: &C,
    policies: &mut Policies,
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
    let owed = owed(conn, policies, &subjects, month).await?;
    Ok(owed
        .into_iter()
        .map(|(id, o)| {
            let earned = earned_in(&earned, id);
            (id, status(o.required, earned, month, today, o.at_risk_day))
        })
        .collect())
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

/// A closed month changes only through reversals.
fn month_closed(month: Month) -> ApiError {
    ApiError::Conflict(format!(
        "{month} is closed; a closed month changes only through reversing entries"
    ))
}

/// An entry and its person, for whoever approves and reverses it: with
/// `ApproveHours` (offices and NGO admins), approving is owning the person —
/// the office its people, the NGO its volunteers (403 for others who see them).
async fn entry_for_approver<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<(Entry, participant::Model)> {
    let e = store::hours::entry(conn, id).await?;
    let p = store::participants::get(conn, caller, e.row.participant_id).await?;
    if !store::participants::owns(caller, &p) {
        return Err(ApiError::Forbidden);
    }
    Ok((e, p))
}

/// A manual entry: hours ×100 of a category on a day, with what was done.
pub struct ManualEntry {
    pub category: Category,
    pub hours_x100: i64,
    pub date: NaiveDate,
    pub description: String,
}

/// Logs a manual entry (pending until approved) for a person the caller
/// sees: volunteers earn volunteer hours, persons under correction education
/// or public-welfare hours; never into a closed month. `broken` are the
/// caller's own field errors, reported together with the category's.
pub async fn log_manual<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    participant_id: Uuid,
    entry: ManualEntry,
    mut broken: Vec<FieldError>,
) -> ApiResult<hours_entry::Model> {
    let p = store::participants::get(txn, caller, participant_id).await?;
    let volunteer = p.kind == "volunteer";
    if volunteer != (entry.category == Category::Volunteer) {
        broken.push(FieldError::new(
            "category",
            if volunteer {
                "volunteers earn volunteer hours"
            } else {
                "persons under correction earn education or public_welfare hours"
            },
        ));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let month = Month::of(entry.date);
    let org = ledger_org(&p).ok_or(ApiError::NotFound)?;
    if store::hours::is_closed(txn, org, month).await? {
        return Err(month_closed(month));
    }
    let row = hours_entry::Model {
        id: Uuid::now_v7(),
        participant_id: p.id,
        category: entry.category.as_str().into(),
        source: "manual".into(),
        hours_x100: entry.hours_x100,
        date: entry.date,
        month: month.to_string(),
        description: entry.description,
        session_id: None,
        enrollment_id: None,
        reverses_id: None,
        created_by: caller.user_id,
        created_at: state.clock.now(),
    };
    store::hours::insert_entries(txn, vec![row.clone()]).await?;
    let detail = json!({"participant_id": p.id, "category": row.category,
        "hours": row.hours_x100 as f64 / 100.0, "date": row.date});
    audit::record(
        txn,
        actor,
        "hours.create",
        "hours_entry",
        Some(row.id.to_string()),
        detail,
    )
    .await?;
    Ok(row)
}

/// Approves a pending manual entry of a person the caller owns, unless its month is closed.
pub async fn approve<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    entry_id: Uuid,
) -> ApiResult<Entry> {
    let (mut e, p) = entry_for_approver(txn, caller, entry_id).await?;
    if e.row.source != "manual" {
        return Err(ApiError::InvalidTransition(
            "only manual entries need approval".into(),
        ));
    }
    if e.approved || e.reversed_by.is_some() {
        return Err(ApiError::InvalidTransition(
            "the entry was already approved or reversed".into(),
        ));
    }
    let month: Month = stored(&e.row.month)?;
    if let Some(org) = ledger_org(&p)
        && store::hours::is_closed(txn, org, month).await?
    {
        return Err(month_closed(month));
    }
    store::hours::approve(txn, &e.row, caller.user_id, state.clock.now()).await?;
    let detail = json!({"participant_id": p.id});
    audit::record(
        txn,
        actor,
        "hours.approve",
        "hours_entry",
        Some(e.row.id.to_string()),
        detail,
    )
    .await?;
    e.approved = true;
    Ok(e)
}

/// Reverses an entry of a person the caller owns with an entry of the
/// opposite sign, dated today in the entry's month (a reversal is never
/// reversed; an entry only once).
pub async fn reverse<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    entry_id: Uuid,
    reason: String,
) -> ApiResult<hours_entry::Model> {
    let (e, p) = entry_for_approver(txn, caller, entry_id).await?;
    if e.row.source == "reversal" {
        return Err(ApiError::InvalidTransition(
            "a reversal cannot be reversed; add a new entry instead".into(),
        ));
    }
    if e.reversed_by.is_some() {
        return Err(ApiError::InvalidTransition(
            "the entry was already reversed".into(),
        ));
    }
    let row = hours_entry::Model {
        id: Uuid::now_v7(),
        participant_id: p.id,
        category: e.row.category.clone(),
        source: "reversal".into(),
        hours_x100: reversal_hours(e.row.hours_x100, counts(&e.row.source, e.approved)),
        date: state.clock.today(state.settings.tz()),
        month: e.row.month.clone(),
        description: reason,
        session_id: e.row.session_id,
        enrollment_id: None,
        reverses_id: Some(e.row.id),
        created_by: caller.user_id,
        created_at: state.clock.now(),
    };
    store::hours::insert_entries(txn, vec![row.clone()]).await?;
    let detail = json!({"participant_id": p.id, "reversal_id": row.id,
        "hours": row.hours_x100 as f64 / 100.0});
    audit::record(
        txn,
        actor,
        "hours.reverse",
        "hours_entry",
        Some(e.row.id.to_string()),
        detail,
    )
    .await?;
    Ok(row)
}

/// Closes one of the caller's organisation's ledger months once it has
/// ended: later changes to it come only as reversals dated in an open month.
pub async fn close_month<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    month: Month,
) -> ApiResult<entity::month_closure::Model> {
    if state.clock.today(state.settings.tz()) <= month.last_day() {
        return Err(ApiError::InvalidTransition(
            "a month closes after it has ended".into(),
        ));
    }
    let closure = store::hours::close_month(
        txn,
        entity::month_closure::Model {
            id: Uuid::now_v7(),
            org_id: caller.org_id,
            month: month.to_string(),
            closed_by: Some(caller.user_id),
            closed_at: state.clock.now(),
        },
    )
    .await
    .on_constraint(("uq_month_closures", "month_closures.org_id"), || {
        ApiError::Conflict(format!("{month} is already closed"))
    })?;
    let c = closure;
    let detail = json!({"month": c.month});
    let object = Some(caller.org_id.to_string());
    audit::record(
        txn,
        actor,
        "hours.close_month",
        "organization",
        object,
        detail,
    )
    .await?;
    Ok(c)
}

/// Sets the caller's bureau's requirement policy, replacing `existing` (as
/// read inside this transaction) or making the first one.
pub async fn put_policy<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    existing: Option<requirement_policy::Model>,
    policy: Policy,
) -> ApiResult<requirement_policy::Model> {
    let row = requirement_policy::Model {
        id: existing.as_ref().map(|r| r.id).unwrap_or_else(Uuid::now_v7),
        bureau_id: caller.org_id,
        strict_education_x100: policy.strict.education_x100,
        strict_public_welfare_x100: policy.strict.public_welfare_x100,
        ordinary_education_x100: policy.ordinary.education_x100,
        ordinary_public_welfare_x100: policy.ordinary.public_welfare_x100,
        lenient_education_x100: policy.lenient.education_x100,
        lenient_public_welfare_x100: policy.lenient.public_welfare_x100,
        at_risk_day: policy.at_risk_day as i32,
        version: 1,
        updated_by: caller.user_id,
        updated_at: state.clock.now(),
    };
    let row = store::hours::save_policy(txn, row, existing.map(|r| r.version)).await?;
    let detail = json!({"version": row.version});
    let object = Some(row.id.to_string());
    audit::record(
        txn,
        actor,
        "policy.update",
        "requirement_policy",
        object,
        detail,
    )
    .await?;
    Ok(row)
}
