//! Outcomes rows.

use entity::outcome;
use sea_orm::{ActiveModelTrait, ConnectionTrait, IntoActiveModel};

use crate::error::ApiError;

/// Inserts an outcome.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: outcome::Model,
) -> Result<outcome::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// A page of a person's outcomes.
pub async fn of_participant<C: ConnectionTrait>(
    conn: &C,
    participant_id: uuid::Uuid,
    page: &super::page::PageRequest<uuid::Uuid>,
) -> Result<(Vec<outcome::Model>, Option<String>), ApiError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let q = outcome::Entity::find().filter(outcome::Column::ParticipantId.eq(participant_id));
    super::page::fetch(conn, q, outcome::Column::Id, page, |m| m.id).await
}
