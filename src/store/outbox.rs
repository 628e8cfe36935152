//! The mail outbox and the job tables (leases, once-only marks).

use chrono::{DateTime, Utc};
use entity::{
    job_lease::{self, Entity as Leases},
    job_mark::{self, Entity as Marks},
    outbox_mail::{self, Entity as Outbox},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, OnConflict},
};
use uuid::Uuid;

use crate::{error::ApiError, store::Db};

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<outbox_mail::Model>,
) -> Result<(), ApiError> {
    for chunk in rows.chunks(200) {
        Outbox::insert_many(
            chunk
                .iter()
                .cloned()
                .map(|m| m.into_active_model().reset_all()),
        )
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// Claims up to `limit` due mails for `claim_secs` (PostgreSQL: `FOR UPDATE
/// SKIP LOCKED`, so concurrent deliverers never take the same row; SQLite has
/// a single writer).
pub async fn claim_due(
    db: &Db,
    now: DateTime<Utc>,
    limit: u64,
    claim_secs: i64,
) -> Result<Vec<outbox_mail::Model>, ApiError> {
    let txn = db.begin().await?;
    let mut q = Outbox::find()
        .filter(outbox_mail::Column::Status.eq("pending"))
        .filter(outbox_mail::Column::NextAttemptAt.lte(now))
        .filter(
            Condition::any()
                .add(outbox_mail::Column::ClaimedUntil.is_null())
                .add(outbox_mail::Column::ClaimedUntil.lt(now)),
        )
        .order_by_asc(outbox_mail::Column::NextAttemptAt)
        .order_by_asc(outbox_mail::Column::Id)
        .limit(limit);
    if db.backend() == DbBackend::Postgres {
        q = q.lock_with_behavior(
            sea_orm::sea_query::LockType::Update,
            sea_orm::sea_query::LockBehavior::SkipLocked,
        );
    }
    let rows = q.all(&txn).await?;
    if !rows.is_empty() {
        Outbox::update_many()
            .col_expr(
                outbox_mail::Column::ClaimedUntil,
                Expr::value(now + chrono::Duration::seconds(claim_secs)),
            )
            .filter(outbox_mail::Column::Id.is_in(rows.iter().map(|r| r.id)))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(rows)
}

/// Records a delivery attempt.
pub async fn record_attempt<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    attempts: i32,
    result: Result<DateTime<Utc>, (String, Option<DateTime<Utc>>)>,
) -> Result<(), ApiError> {
    let mut q = Outbox::update_many()
        .col_expr(outbox_mail::Column::Attempts, Expr::value(attempts))
        .col_expr(
            outbox_mail::Column::ClaimedUntil,
            Expr::value(None::<DateTime<Utc>>),
        );
    q = match result {
        Ok(sent_at) => q
            .col_expr(outbox_mail::Column::Status, Expr::value("sent"))
            .col_expr(outbox_mail::Column::SentAt, Expr::value(Some(sent_at))),
        Err((error, Some(next))) => q
            .col_expr(outbox_mail::Column::LastError, Expr::value(Some(error)))
            .col_expr(outbox_mail::Column::NextAttemptAt, Expr::value(next)),
        Err((error, None)) => q
            .col_expr(outbox_mail::Column::LastError, Expr::value(Some(error)))
            .col_expr(outbox_mail::Column::Status, Expr::value("failed")),
    };
    q.filter(outbox_mail::Column::Id.eq(id)).exec(conn).await?;
    Ok(())
}

/// Takes (or renews) the lease of a job for `holder` until `until`; `false`
/// when another holder has an unexpired lease.
pub async fn acquire_lease<C: ConnectionTrait>(
    conn: &C,
    name: &str,
    holder: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, ApiError> {
    Leases::insert(
        job_lease::Model {
            name: name.into(),
            holder: String::new(),
            lease_until: DateTime::<Utc>::UNIX_EPOCH,
            last_run_at: None,
        }
        .into_active_model(),
    )
    .on_conflict(
        OnConflict::column(job_lease::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    let res = Leases::update_many()
        .col_expr(job_lease::Column::Holder, Expr::value(holder))
        .col_expr(job_lease::Column::LeaseUntil, Expr::value(until))
        .filter(job_lease::Column::Name.eq(name))
        .filter(
            Condition::any()
                .add(job_lease::Column::LeaseUntil.lt(now))
                .add(job_lease::Column::Holder.eq(holder)),
        )
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Ends a lease after a run.
pub async fn release_lease<C: ConnectionTrait>(
    conn: &C,
    name: &str,
    holder: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    Leases::update_many()
        .col_expr(job_lease::Column::LeaseUntil, Expr::value(now))
        .col_expr(job_lease::Column::LastRunAt, Expr::value(Some(now)))
        .filter(job_lease::Column::Name.eq(name))
        .filter(job_lease::Column::Holder.eq(holder))
        .exec(conn)
        .await?;
    Ok(())
}

/// Records that `key` was done; `false` if it had been already (so the caller skips it).
pub async fn mark_once<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let res = Marks::insert(
        job_mark::Model {
            key: key.into(),
            created_at: now,
        }
        .into_active_model(),
    )
    .on_conflict(
        OnConflict::column(job_mark::Column::Key)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(res == 1)
}
