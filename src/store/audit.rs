//! The one audit writer, called inside the same transaction as the write it
//! records, and the chain verification the procuratorate relies on.

use entity::audit_event::{self, Entity as AuditEvents};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::domain::audit_chain::{ChainContent, GENESIS, chain_hash};

/// Advisory-lock key serialising chain appends on PostgreSQL.
const CHAIN_LOCK: i64 = 0x6875_6967_7569; // "huigui"

/// Who did it, for whom, in which request.
#[derive(Clone, Debug)]
pub struct Actor {
    /// `user`, `client` or `system`.
    pub actor_type: &'static str,
    pub actor_id: Option<Uuid>,
    pub org_id: Option<Uuid>,
    pub request_id: String,
}

impl Actor {
    /// The server itself (bootstrap, jobs, CLI).
    pub fn system(request_id: &str) -> Self {
        Self {
            actor_type: "system",
            actor_id: None,
            org_id: None,
            request_id: request_id.into(),
        }
    }
}

/// One event to append.
#[derive(Clone, Debug)]
pub struct Entry {
    pub actor: Actor,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    /// Must carry no secrets and no ID numbers.
    pub summary: serde_json::Value,
}

/// Appends one event to the chain. Call it inside the write's transaction.
/// `summary` must carry no secrets and no ID numbers.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    action: &str,
    object_type: &str,
    object_id: Option<String>,
    summary: serde_json::Value,
) -> Result<(), DbErr> {
    record_many(
        conn,
        vec![Entry {
            actor: actor.clone(),
            action: action.into(),
            object_type: object_type.into(),
            object_id,
            summary,
        }],
    )
    .await
}

/// Appends events to the chain in order, reading the head once and inserting
/// them in multi-row statements (group commits of check-ins). Call it inside
/// the writes' transaction.
pub async fn record_many<C: ConnectionTrait>(conn: &C, entries: Vec<Entry>) -> Result<(), DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    if conn.get_database_backend() == DbBackend::Postgres {
        conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
            .await?;
    }
    let last = head(conn).await?;
    let (mut seq, mut prev_hash) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let at = chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string();
    let mut rows = Vec::with_capacity(entries.len());
    for e in entries {
        let id = Uuid::now_v7();
        let summary = e.summary.to_string();
        let id_s = id.to_string();
        let actor_id = e.actor.actor_id.map(|u| u.to_string());
        let org_id = e.actor.org_id.map(|u| u.to_string());
        let hash = chain_hash(
            &prev_hash,
            &ChainContent {
                seq,
                id: &id_s,
                at: &at,
                actor_type: e.actor.actor_type,
                actor_id: actor_id.as_deref(),
                organization_id: org_id.as_deref(),
                action: &e.action,
                object_type: &e.object_type,
                object_id: e.object_id.as_deref(),
                request_id: &e.actor.request_id,
                summary: &summary,
            },
        );
        rows.push(audit_event::ActiveModel {
            seq: Set(seq),
            id: Set(id),
            at: Set(at.clone()),
            actor_type: Set(e.actor.actor_type.into()),
            actor_id: Set(e.actor.actor_id),
            organization_id: Set(e.actor.org_id),
            action: Set(e.action),
            object_type: Set(e.object_type),
            object_id: Set(e.object_id),
            request_id: Set(e.actor.request_id),
            summary: Set(summary),
            prev_hash: Set(std::mem::replace(&mut prev_hash, hash.clone())),
            hash: Set(hash),
        });
        seq += 1;
    }
    // 13 columns a row: 500 rows stay far below SQLite's bound-parameter limit.
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(500).collect();
        AuditEvents::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// The hash a stored row should have, given its predecessor's hash.
fn expected_hash(prev_hash: &str, m: &audit_event::Model) -> String {
    let id = m.id.to_string();
    let actor_id = m.actor_id.map(|u| u.to_string());
    let org_id = m.organization_id.map(|u| u.to_string());
    chain_hash(
        prev_hash,
        &ChainContent {
            seq: m.seq,
            id: &id,
            at: &m.at,
            actor_type: &m.actor_type,
            actor_id: actor_id.as_deref(),
            organization_id: org_id.as_deref(),
            action: &m.action,
            object_type: &m.object_type,
            object_id: m.object_id.as_deref(),
            request_id: &m.request_id,
            summary: &m.summary,
        },
    )
}

/// Result of walking the chain.
#[derive(Debug, PartialEq, Eq)]
pub struct Verification {
    pub ok: bool,
    pub checked: u64,
    pub first_bad_id: Option<Uuid>,
}

/// Walks the whole chain in `seq` order: gap-free numbering, each `prev_hash`
/// equal to the predecessor's `hash`, each `hash` recomputed from content.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> Result<Verification, DbErr> {
    const CHUNK: u64 = 2000;
    let mut prev = GENESIS.to_string();
    let mut expected_seq = 1i64;
    let mut checked = 0u64;
    loop {
        let rows = AuditEvents::find()
            .filter(audit_event::Column::Seq.gte(expected_seq))
            .order_by_asc(audit_event::Column::Seq)
            .limit(CHUNK)
            .all(conn)
            .await?;
        if rows.is_empty() {
            return Ok(Verification {
                ok: true,
                checked,
                first_bad_id: None,
            });
        }
        for m in &rows {
            let good =
                m.seq == expected_seq && m.prev_hash == prev && m.hash == expected_hash(&prev, m);
            if !good {
                return Ok(Verification {
                    ok: false,
                    checked,
                    first_bad_id: Some(m.id),
                });
            }
            checked += 1;
            prev = m.hash.clone();
            expected_seq += 1;
        }
    }
}

/// The chain head `(seq, hash)`, if any event exists.
pub async fn head<C: ConnectionTrait>(conn: &C) -> Result<Option<(i64, String)>, DbErr> {
    AuditEvents::find()
        .select_only()
        .column(audit_event::Column::Seq)
        .column(audit_event::Column::Hash)
        .order_by_desc(audit_event::Column::Seq)
        .limit(1)
        .into_tuple::<(i64, String)>()
        .one(conn)
        .await
}

/// The stored hash of the event at `seq`.
pub async fn hash_at<C: ConnectionTrait>(conn: &C, seq: i64) -> Result<Option<String>, DbErr> {
    AuditEvents::find()
        .select_only()
        .column(audit_event::Column::Hash)
        .filter(audit_event::Column::Seq.eq(seq))
        .into_tuple::<String>()
        .one(conn)
        .await
}

/// Stores a signed checkpoint.
pub async fn insert_checkpoint<C: ConnectionTrait>(
    conn: &C,
    m: entity::audit_checkpoint::Model,
) -> Result<entity::audit_checkpoint::Model, DbErr> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    m.into_active_model().reset_all().insert(conn).await
}

/// The newest checkpoint.
pub async fn latest_checkpoint<C: ConnectionTrait>(
    conn: &C,
) -> Result<Option<entity::audit_checkpoint::Model>, DbErr> {
    entity::audit_checkpoint::Entity::find()
        .order_by_desc(entity::audit_checkpoint::Column::Id)
        .one(conn)
        .await
}

/// Filters of the audit trail (all optional, combined with AND).
#[derive(Default)]
pub struct EventFilter {
    pub action: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub actor_id: Option<Uuid>,
}

/// A page of audit events in chain order.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    f: EventFilter,
    page: &super::page::PageRequest<i64>,
) -> Result<(Vec<entity::audit_event::Model>, Option<String>), crate::error::ApiError> {
    use entity::audit_event::{Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let mut q = Entity::find();
    if let Some(v) = f.action {
        q = q.filter(Column::Action.eq(v));
    }
    if let Some(v) = f.object_type {
        q = q.filter(Column::ObjectType.eq(v));
    }
    if let Some(v) = f.object_id {
        q = q.filter(Column::ObjectId.eq(v));
    }
    if let Some(v) = f.actor_id {
        q = q.filter(Column::ActorId.eq(v));
    }
    super::page::fetch(conn, q, Column::Seq, page, |m| m.seq).await
}
