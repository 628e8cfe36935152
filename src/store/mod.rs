//! Database access. Functions take `&impl ConnectionTrait` so they run inside
//! the caller's transaction, and every read is scoped by the caller.

pub mod api_clients;
pub mod audit;
pub mod care;
pub mod contracts;
pub mod findings;
pub mod group_commit;
pub mod hours;
pub mod idempotency;
pub mod meetings;
pub mod notices;
pub mod organizations;
pub mod outbox;
pub mod outcomes;
pub mod page;
pub mod participants;
pub mod plans;
pub mod procurements;
pub mod records;
pub mod reports;
pub mod rollups;
pub mod sessions;
pub mod stats;
pub mod teams;
pub mod tokens;
pub mod users;

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

use crate::config::Settings;

/// The application's connections. On SQLite all writes go through one writer
/// connection (so they never fail with "database is locked") and reads use a
/// pool; on PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Db {
    pub read: DatabaseConnection,
    pub write: DatabaseConnection,
}

impl Db {
    /// Connects according to the settings (creating the SQLite file and its directory).
    pub async fn connect(settings: &Settings) -> Result<Self, DbErr> {
        let url = settings.database_url();
        let acquire = Duration::from_millis(settings.db_acquire_timeout_ms);
        if url.starts_with("sqlite:") {
            if settings.database_url.is_none() {
                crate::auth::jwt::create_private_dir(&settings.data_dir)
                    .map_err(|e| DbErr::Custom(format!("creating data dir: {e}")))?;
            }
            // The database holds criminal-justice records: owner-only (0600),
            // like the key files; its WAL and shared-memory files follow.
            if let Some(path) = sqlite_file(&url) {
                crate::auth::jwt::ensure_private_file(&path)
                    .map_err(|e| DbErr::Custom(format!("creating database file: {e}")))?;
            }
            let write = Database::connect(sqlite_options(
                &url,
                1,
                Duration::from_secs(30),
                WRITER_CACHE_KIB,
            ))
            .await?;
            // WAL is a property of the file: set it once on the writer before readers open.
            write.execute_unprepared("PRAGMA journal_mode=WAL").await?;
            // The writer never checkpoints on commit: `checkpoints` does it beside it.
            write
                .execute_unprepared("PRAGMA wal_autocheckpoint=0")
                .await?;
            write
                .execute_unprepared(&format!("PRAGMA journal_size_limit={WAL_KEEP_BYTES}"))
                .await?;
            let read = Database::connect(sqlite_options(
                &url,
                settings.db_max_connections.max(1),
                acquire,
                READER_CACHE_KIB,
            ))
            .await?;
            let db = Self { read, write };
            tokio::spawn(checkpoints(db.read.clone()));
            // Planner statistics as SQLite recommends for long-lived connections:
            // brought up to date at open (bounded work), then by the `optimize` job.
            db.optimize().await?;
            Ok(db)
        } else {
            let mut opts = ConnectOptions::new(url);
            opts.max_connections(settings.db_max_connections.max(2))
                .min_connections(1)
                .acquire_timeout(acquire)
                .connect_timeout(acquire)
                .idle_timeout(Duration::from_secs(300))
                .sqlx_logging(false);
            let pool = Database::connect(opts).await?;
            Ok(Self {
                read: pool.clone(),
                write: pool,
            })
        }
    }

    /// Refreshes SQLite's planner statistics for tables that changed much
    /// since they were last analysed (`PRAGMA optimize`, all tables; the
    /// `optimize` job).
    /// Stale statistics make the planner scan: a table analysed when it had 35
    /// rows kept being scanned at 400,000. PostgreSQL's autovacuum does this
    /// itself.
    pub async fn optimize(&self) -> Result<(), DbErr> {
        if self.backend() == DbBackend::Sqlite {
            self.write
                .execute_unprepared(&format!("PRAGMA analysis_limit={ANALYSIS_LIMIT}"))
                .await?;
            self.write
                .execute_unprepared("PRAGMA optimize=0x10002")
                .await?;
        }
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a transaction that reads before it writes never
    /// has to upgrade a read snapshot — SQLite refuses that upgrade without
    /// waiting (`SQLITE_BUSY`, `SQLITE_BUSY_SNAPSHOT`) when another process
    /// holds or took the lock, e.g. a second instance on the same file.
    /// Within one process all writes share the one writer connection anyway.
    pub async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        if self.backend() == DbBackend::Sqlite {
            let immediate = TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            };
            self.write.begin_with_options(immediate).await
        } else {
            self.write.begin().await
        }
    }

    pub fn backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        Migrator::up(&self.write, None).await
    }

    /// Reachable and fully migrated.
    pub async fn ready(&self) -> Result<bool, DbErr> {
        self.read.execute_unprepared("SELECT 1").await?;
        Ok(Migrator::get_pending_migrations(&self.write)
            .await?
            .is_empty())
    }

    /// Closes all connections (graceful shutdown).
    pub async fn close(self) {
        let _ = self.read.close().await;
        let _ = self.write.close().await;
    }
}

/// The file of a `sqlite:` URL (`None` for in-memory databases).
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:") && !url.contains("mode=memory"))
        .then(|| std::path::PathBuf::from(path))
}

/// The current time at microsecond precision, so that what PostgreSQL stores
/// and what the API returned at creation are the same instant.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

/// Maps "no row matched the version" to 412, everything else as usual.
pub fn stale_on_not_updated(err: DbErr) -> crate::error::ApiError {
    match err {
        DbErr::RecordNotUpdated => crate::error::ApiError::PreconditionFailed,
        e => e.into(),
    }
}

/// How often the WAL is copied back into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// A WAL longer than this many frames (4 KiB pages) after a passive
/// checkpoint is checkpointed in full, briefly holding writers back.
const WAL_MAX_FRAMES: i64 = 65_536;

/// What of an emptied WAL file is kept on disk.
const WAL_KEEP_BYTES: i64 = 64 * 1024 * 1024;

/// SQLite's checkpoints, beside the writer instead of inside its commits
/// (SQLite's default runs one in the commit that passes 1,000 WAL pages,
/// which made every few hundredth check-in wait for it, and copies a page
/// once per checkpoint however often it changed since). Twice a second a
/// passive checkpoint copies what readers allow without blocking anyone; a
/// WAL that still holds more than [`WAL_MAX_FRAMES`] is checkpointed in full.
/// Runs on a reader connection for the life of the pool.
async fn checkpoints(conn: DatabaseConnection) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let left = match conn
            .query_one_raw(sea_orm::Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA wal_checkpoint(PASSIVE)",
            ))
            .await
        {
            // (busy, frames in the WAL, frames checkpointed)
            Ok(Some(row)) => {
                let log: i64 = row.try_get_by_index(1).unwrap_or(0);
                let done: i64 = row.try_get_by_index(2).unwrap_or(0);
                log - done
            }
            Ok(None) => 0,
            Err(e) => {
                tracing::warn!(error = %e, "WAL checkpoint");
                0
            }
        };
        if left > WAL_MAX_FRAMES
            && let Err(e) = conn
                .execute_unprepared("PRAGMA wal_checkpoint(RESTART)")
                .await
        {
            tracing::warn!(error = %e, "full WAL checkpoint");
        }
    }
}

/// Rows per index `ANALYZE` looks at (approximate statistics in bounded time).
const ANALYSIS_LIMIT: u32 = 1000;

/// Page cache of the SQLite writer connection (SQLite's default).
const WRITER_CACHE_KIB: u32 = 2048;

/// Page cache of each SQLite reader connection. Readers are many (one thread
/// each) and mostly touch roll-ups and indexes; the OS page cache holds the
/// rest of the file.
const READER_CACHE_KIB: u32 = 512;

fn sqlite_options(url: &str, max: u32, acquire: Duration, cache_kib: u32) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(max)
        .min_connections(1)
        .acquire_timeout(acquire)
        .idle_timeout(None::<Duration>)
        .max_lifetime(None::<Duration>)
        // An embedded file has no link to lose: a ping before every use would
        // only cost a round trip to the connection's worker thread.
        .test_before_acquire(false)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .pragma("cache_size", format!("-{cache_kib}"))
        });
    opts
}
