//! Refresh tokens: opaque, stored as SHA-256 hashes, rotated on every use.
//! Presenting an already-rotated token revokes its whole family.

use chrono::Duration;
use entity::refresh_token::{self, Entity as RefreshTokens};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr,
};
use uuid::Uuid;

use crate::{
    auth::{random_secret, sha256_hex},
    error::ApiError,
};

/// Issues a new refresh token in `family` (a new family when `None`); returns the plain token.
pub async fn issue<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    family: Option<Uuid>,
    ttl_secs: u64,
) -> Result<String, ApiError> {
    let token = format!("rt_{}", random_secret(32));
    let now = super::now();
    RefreshTokens::insert(refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        family_id: Set(family.unwrap_or_else(Uuid::now_v7)),
        user_id: Set(user_id),
        token_hash: Set(sha256_hex(&token)),
        expires_at: Set(now + Duration::seconds(ttl_secs as i64)),
        created_at: Set(now),
        used_at: Set(None),
        revoked_at: Set(None),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(token)
}

/// What presenting a refresh token led to.
pub enum Presented {
    /// Valid and now consumed: issue a successor in this family for this user.
    Rotated { user_id: Uuid, family_id: Uuid },
    /// Already used: the family has been revoked (commit this!).
    Reused,
    /// Unknown, expired or revoked.
    Invalid,
}

/// Consumes a refresh token atomically.
pub async fn consume<C: ConnectionTrait>(conn: &C, token: &str) -> Result<Presented, ApiError> {
    let Some(row) = RefreshTokens::find()
        .filter(refresh_token::Column::TokenHash.eq(sha256_hex(token)))
        .one(conn)
        .await?
    else {
        return Ok(Presented::Invalid);
    };
    let now = super::now();
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Ok(Presented::Invalid);
    }
    // Conditional update: of two racing uses, exactly one wins.
    let won = RefreshTokens::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected
        == 1;
    if won {
        Ok(Presented::Rotated {
            user_id: row.user_id,
            family_id: row.family_id,
        })
    } else {
        revoke_family(conn, row.family_id).await?;
        Ok(Presented::Reused)
    }
}

/// Revokes every token of a family.
pub async fn revoke_family<C: ConnectionTrait>(conn: &C, family: Uuid) -> Result<(), ApiError> {
    RefreshTokens::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(super::now()))
        .filter(refresh_token::Column::FamilyId.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// The family of a token, if the token exists.
pub async fn family_of<C: ConnectionTrait>(
    conn: &C,
    token: &str,
) -> Result<Option<(Uuid, Uuid)>, ApiError> {
    Ok(RefreshTokens::find()
        .filter(refresh_token::Column::TokenHash.eq(sha256_hex(token)))
        .one(conn)
        .await?
        .map(|r| (r.family_id, r.user_id)))
}

/// Revokes every refresh token of a user (disable, password change).
pub async fn revoke_user<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> Result<(), ApiError> {
    RefreshTokens::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(super::now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
