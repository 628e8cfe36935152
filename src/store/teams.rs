//! Correction teams, one row per person (read after the person's own scope check).

use entity::correction_team::{self, Entity as Teams};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use uuid::Uuid;

use crate::error::ApiError;

pub async fn of<C: ConnectionTrait>(
    conn: &C,
    participant: Uuid,
) -> Result<Option<correction_team::Model>, ApiError> {
    Ok(Teams::find_by_id(participant).one(conn).await?)
}

/// Inserts the first team or replaces the one at `existing` version (412 if it changed meanwhile).
pub async fn put<C: ConnectionTrait>(
    conn: &C,
    mut m: correction_team::Model,
    existing: Option<i32>,
) -> Result<correction_team::Model, ApiError> {
    match existing {
        None => Ok(m.into_active_model().reset_all().insert(conn).await?),
        Some(old) => {
            m.version = old + 1;
            Teams::update(m.into_active_model().reset_all())
                .validate()?
                .filter(correction_team::Column::Version.eq(old))
                .exec(conn)
                .await
                .map_err(super::stale_on_not_updated)
        }
    }
}
