//! Idempotency-key rows: claim a key, finish it with the response, or find
//! what an earlier request stored.

use chrono::Duration;
use entity::idempotency_key::{self, Entity as Keys};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, SqlErr,
    sea_query::Expr,
};
use uuid::Uuid;

/// How long a key is remembered.
pub const RETENTION_HOURS: i64 = 24;

/// Tries to claim `(scope, key)`; `Ok(false)` when someone already holds it.
pub async fn claim<C: ConnectionTrait>(
    conn: &C,
    scope: &str,
    key: &str,
    request_hash: &str,
) -> Result<bool, DbErr> {
    let cutoff = super::now() - Duration::hours(RETENTION_HOURS);
    Keys::delete_many()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .filter(idempotency_key::Column::CreatedAt.lt(cutoff))
        .exec(conn)
        .await?;
    let row = idempotency_key::ActiveModel {
        id: Set(Uuid::now_v7()),
        scope: Set(scope.into()),
        key: Set(key.into()),
        request_hash: Set(request_hash.into()),
        status: Set(None),
        content_type: Set(None),
        location: Set(None),
        body: Set(None),
        created_at: Set(super::now()),
    };
    match Keys::insert(row).exec_without_returning(conn).await {
        Ok(_) => Ok(true),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The stored row for `(scope, key)`.
pub async fn find<C: ConnectionTrait>(
    conn: &C,
    scope: &str,
    key: &str,
) -> Result<Option<idempotency_key::Model>, DbErr> {
    Keys::find()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .one(conn)
        .await
}

/// Records the response of the request that claimed the key.
pub async fn finish<C: ConnectionTrait>(
    conn: &C,
    scope: &str,
    key: &str,
    status: u16,
    content_type: Option<String>,
    location: Option<String>,
    body: String,
) -> Result<(), DbErr> {
    Keys::update_many()
        .col_expr(idempotency_key::Column::Status, Expr::value(status as i32))
        .col_expr(
            idempotency_key::Column::ContentType,
            Expr::value(content_type),
        )
        .col_expr(idempotency_key::Column::Location, Expr::value(location))
        .col_expr(idempotency_key::Column::Body, Expr::value(body))
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .exec(conn)
        .await?;
    Ok(())
}

/// Forgets a claim whose request failed with a server error, so it may be retried.
pub async fn release<C: ConnectionTrait>(conn: &C, scope: &str, key: &str) -> Result<(), DbErr> {
    Keys::delete_many()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .exec(conn)
        .await?;
    Ok(())
}
