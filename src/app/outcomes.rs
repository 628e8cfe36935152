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
