//! Individual correction plans (矫正方案, Art. 24): the person's judicial
//! office adds versions (never changes one); the version in effect for a
//! month sets what the person owes (`app::hours::owed`) and the session
//! goals met or missed in it.
//!
//! Depends on `domain` and `store`; called by the plan handlers, the hours
//! view and the demo.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{correction_plan, participant};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        hours::{Month, Requirement},
        plan::{
            GoalStatus, PlanShown, SessionGoal, goal_status, governs, new_version_problems,
            plan_shown,
        },
    },
    error::{ApiError, ApiResult, FieldError, OnConstraint, from_json_text, to_json_text},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
        page::PageRequest,
    },
};

/// A new version's fields, clean.
pub struct NewPlan {
    pub effective_from: NaiveDate,
    pub reason: String,
    /// Replaces the supervision-level requirement while this version is in effect.
    pub monthly_hours: Option<Requirement>,
    pub session_goals: Vec<SessionGoal>,
    pub notes: String,
}

/// Adds the next plan version for a person of the caller's office (404 for
/// anyone else's), by the rules of `domain::plan::new_version_problems`;
/// with whether it is already the version in effect for the current month.
pub async fn add<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    participant_id: Uuid,
    new: NewPlan,
    mut broken: Vec<FieldError>,
) -> ApiResult<(correction_plan::Model, bool)> {
    let p = store::participants::get(txn, caller, participant_id).await?;
    if p.judicial_office_id != Some(caller.org_id) || p.kind != "correction_subject" {
        return Err(ApiError::NotFound);
    }
    let newest = store::plans::newest(txn, p.id).await?;
    let today = state.clock.today(state.settings.tz());
    let day = newest.as_ref().map(|n| n.effective_from);
    for (field, problem) in new_version_problems(new.effective_from, day, &new.session_goals, today)
    {
        broken.push(FieldError::new(field, problem));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let version = newest.map(|n| n.version).unwrap_or(0) + 1;
    let row = correction_plan::Model {
        id: Uuid::now_v7(),
        participant_id: p.id,
        version,
        effective_from: new.effective_from,
        reason: new.reason,
        education_x100: new.monthly_hours.map(|h| h.education_x100),
        public_welfare_x100: new.monthly_hours.map(|h| h.public_welfare_x100),
        session_goals: to_json_text(&new.session_goals),
        notes: new.notes,
        created_by: caller.user_id,
        created_at: state.clock.now(),
    };
    let row = store::plans::insert(txn, row).await.on_constraint(
        (
            "uq_correction_plans_version",
            "correction_plans.participant_id",
        ),
        || {
            ApiError::Conflict(
                "another plan version was added meanwhile; read the plans again".into(),
            )
        },
    )?;
    // The notes and reason stay out of the audit trail's detail (sensitive).
    let detail = json!({"participant_id": p.id, "version": row.version,
        "effective_from": row.effective_from, "monthly_hours": new.monthly_hours.is_some(),
        "session_goals": new.session_goals.len()});
    audit::record(
        txn,
        actor,
        "plan.create",
        "correction_plan",
        Some(row.id.to_string()),
        detail,
    )
    .await?;
    // Versions never go back in time, so one that governs this month is the one in effect.
    let in_effect = governs(row.effective_from, Month::of(today));
    Ok((row, in_effect))
}

/// A page of the plan versions of a person the caller sees (404 otherwise),
/// oldest first, and the id of the version in effect this month.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    participant_id: Uuid,
    page: &PageRequest<Uuid>,
    today: NaiveDate,
) -> ApiResult<(Vec<correction_plan::Model>, Option<String>, Option<Uuid>)> {
    let p = store::participants::get(conn, caller, participant_id).await?;
    let (rows, next) = store::plans::list(conn, p.id, page).await?;
    let current = store::plans::in_effect(conn, &[p.id], Month::of(today))
        .await?
        .remove(&p.id)
        .map(|m| m.id);
    Ok((rows, next, current))
}

/// Which parts of a plan this caller sees (`domain::plan::plan_shown`).
pub fn shown_to(caller: &UserCaller) -> PlanShown {
    plan_shown(caller.role)
}

/// A plan's monthly hours as stored, when it sets them.
pub fn hours_of(plan: &correction_plan::Model) -> Option<Requirement> {
    Some(Requirement {
        education_x100: plan.education_x100?,
        public_welfare_x100: plan.public_welfare_x100?,
    })
}

/// A plan's goals as stored.
pub fn goals_of(plan: &correction_plan::Model) -> ApiResult<Vec<SessionGoal>> {
    from_json_text(&plan.session_goals)
}

/// One goal in a month: sessions of its type attended, and its status.
pub struct GoalProgress {
    pub goal: SessionGoal,
    pub attended: i64,
    pub status: GoalStatus,
}

/// The goals of `plan` in `month` for person `p`, counted from the closed
/// sessions they attended (present, late or left early) that month.
pub async fn progress<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    p: &participant::Model,
    plan: &correction_plan::Model,
    month: Month,
) -> ApiResult<Vec<GoalProgress>> {
    let goals = goals_of(plan)?;
    if goals.is_empty() {
        return Ok(Vec::new());
    }
    let tz = state.settings.tz();
    let bounds = store::rollups::month_bounds(tz, month);
    let mut by_type: HashMap<String, i64> = HashMap::new();
    for (_, _, session_type, _) in store::records::attended(conn, &[p.id], bounds).await? {
        *by_type.entry(session_type).or_default() += 1;
    }
    let today = state.clock.today(tz);
    Ok(goals
        .into_iter()
        .map(|goal| {
            let attended = by_type.get(&goal.session_type).copied().unwrap_or(0);
            let status = goal_status(goal.per_month, attended, month, today);
            GoalProgress {
                goal,
                attended,
                status,
            }
        })
        .collect())
}
