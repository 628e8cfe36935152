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
