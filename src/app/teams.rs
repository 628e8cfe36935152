//! Correction teams (矫正小组, Art. 24–25): the judicial office sets each of
//! its people's team as a whole — members with role, organisation, gender
//! and phone — and a woman under correction has a woman on her team.
//!
//! Depends on `domain` and `store`; called by the team handlers.

use entity::correction_team;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::collaboration::{TeamMember, team_problem},
    error::{ApiError, ApiResult, FieldError, from_json_text, to_json_text},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A person's team as the caller may read it (the person must be visible)
/// and its version (0 before the first).
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    participant_id: Uuid,
) -> ApiResult<(Vec<TeamMember>, i32)> {
    let p = store::participants::get(conn, caller, participant_id).await?;
    Ok(match store::teams::of(conn, p.id).await? {
        Some(t) => (from_json_text(&t.members)?, t.version),
        None => (Vec::new(), 0),
    })
}

/// Replaces the team of a person of the caller's office (404 for anyone
/// else's): every member's organisation must exist, and the Art. 25 rule
/// holds. `precondition` (the request's `If-Match`) is asked about the
/// current version (0 before the first team) before anything is written.
#[allow(clippy::too_many_arguments)]
pub async fn put<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    participant_id: Uuid,
    members: Vec<TeamMember>,
    mut broken: Vec<FieldError>,
    precondition: impl FnOnce(i32) -> ApiResult<()>,
) -> ApiResult<(Vec<TeamMember>, i32)> {
    let p = store::participants::get(txn, caller, participant_id).await?;
    if p.judicial_office_id != Some(caller.org_id) {
        return Err(ApiError::NotFound);
    }
    let orgs: Vec<Uuid> = members.iter().filter_map(|m| m.organization_id).collect();
    let known = store::organizations::by_ids(txn, &orgs).await?;
    for (i, m) in members.iter().enumerate() {
        if let Some(org) = m.organization_id
            && !known.contains_key(&org)
        {
            broken.push(FieldError::new(
                format!("members[{i}].organization_id"),
                "no such organisation",
            ));
        }
    }
    if let Some(rule) = team_problem(p.gender.as_deref(), &members) {
        broken.push(FieldError::new("members", rule));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let existing = store::teams::of(txn, p.id).await?.map(|t| t.version);
    precondition(existing.unwrap_or(0))?;
    let row = correction_team::Model {
        participant_id: p.id,
        members: to_json_text(&members),
        updated_by: caller.user_id,
        version: 1,
        updated_at: state.clock.now(),
    };
    let t = store::teams::put(txn, row, existing).await?;
    let detail = json!({"members": members.len(), "version": t.version});
    audit::record(
        txn,
        actor,
        "team.update",
        "participant",
        Some(p.id.to_string()),
        detail,
    )
    .await?;
    Ok((members, t.version))
}
