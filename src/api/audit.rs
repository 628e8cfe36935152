//! `/api/v1/audit-events`: the hash-chained trail, for the admin and the
//! procuratorate, and its verification.

use crate::api::text::{Cursor, Stored};
use crate::api::types::IdempotencyKey;
use crate::api::wire::ActorType;
use chrono::{DateTime, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    api::{ApiTags, Created, Ctx, Page},
    app::{self, audit::Checkpoint},
    auth::{authz::Permission, scheme::BearerAuth},
    domain::audit_chain::CheckpointStatus,
    error::ApiResult,
    store::{self, page::PageRequest},
};

/// One audit event.
#[derive(Object)]
pub struct AuditEvent {
    pub id: Uuid,
    /// Position in the chain.
    pub seq: i64,
    /// RFC 3339 UTC time.
    pub at: String,
    pub actor_type: Stored<ActorType>,
    #[oai(nullable)]
    pub actor_id: Option<Uuid>,
    #[oai(nullable)]
    pub organization_id: Option<Uuid>,
    pub action: String,
    pub object_type: String,
    #[oai(nullable)]
    pub object_id: Option<String>,
    pub request_id: String,
    /// JSON summary of the change (never secrets or ID numbers).
    pub summary: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

impl From<entity::audit_event::Model> for AuditEvent {
    fn from(m: entity::audit_event::Model) -> Self {
        Self {
            summary: serde_json::from_str(&m.summary).unwrap_or(serde_json::Value::Null),
            id: m.id,
            seq: m.seq,
            at: m.at,
            actor_type: Stored::new(m.actor_type),
            actor_id: m.actor_id,
            organization_id: m.organization_id,
            action: m.action,
            object_type: m.object_type,
            object_id: m.object_id,
            request_id: m.request_id,
            prev_hash: m.prev_hash,
            hash: m.hash,
        }
    }
}

/// What a checkpoint says about the stored chain.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum CheckpointResult {
    /// The event at the checkpoint's `seq` still has the signed hash.
    Matches,
    /// The chain ends before the checkpoint's `seq`: newest events were removed.
    Truncated,
    /// The event at `seq` has another hash: history before it was rewritten
    /// (even if the chain was recomputed to look consistent).
    Rewritten,
}

impl From<CheckpointStatus> for CheckpointResult {
    fn from(s: CheckpointStatus) -> Self {
        match s {
            CheckpointStatus::Matches => Self::Matches,
            CheckpointStatus::Truncated => Self::Truncated,
            CheckpointStatus::Rewritten => Self::Rewritten,
        }
    }
}

/// The comparison with one checkpoint.
#[derive(Object)]
pub struct CheckpointCheck {
    pub seq: i64,
    pub hash: String,
    pub signed_at: DateTime<Utc>,
    pub result: CheckpointResult,
}

/// Result of walking the chain and comparing it with a signed checkpoint.
/// `checkpoint` is the one compared: the one passed as `checkpoint`, else the
/// newest stored one; absent when there is none.
#[derive(Object)]
pub struct AuditVerification {
    /// The chain verifies and matches the checkpoint (when there is one).
    pub ok: bool,
    /// Events that verified before the first bad one (all, when the chain verifies).
    pub checked: u64,
    #[oai(nullable)]
    pub first_bad_id: Option<Uuid>,
    #[oai(skip_serializing_if_is_none)]
    pub checkpoint: Option<CheckpointCheck>,
}

/// A signed head of the audit chain.
#[derive(Object)]
pub struct AuditCheckpoint {
    pub id: Uuid,
    /// The chain head's position when it was signed.
    pub seq: i64,
    /// That event's hash.
    pub hash: String,
    pub signed_at: DateTime<Utc>,
    pub key_id: String,
    /// base64url Ed25519 signature over `huigui-audit-checkpoint:v1:<seq>:<hash>:<signed_at unix>`.
    pub signature: String,
    /// base64url Ed25519 public key of `key_id`.
    pub public_key: String,
    /// The text to keep and pass back as `checkpoint` to `verify_audit_events`.
    pub token: String,
}

fn unix(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

impl From<Checkpoint> for AuditCheckpoint {
    fn from(c: Checkpoint) -> Self {
        Self {
            token: c.token.to_string(),
            id: c.row.id,
            seq: c.row.seq,
            hash: c.row.hash,
            signed_at: unix(c.row.signed_at),
            key_id: c.row.key_id,
            signature: c.row.signature,
            public_key: c.public_key,
        }
    }
}

pub struct AuditApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Audit")]
impl AuditApi {
    /// List audit events
    ///
    /// In chain order. Filters: `action`, `object_type`, `object_id`, `actor_id`.
    #[oai(
        path = "/audit-events",
        method = "get",
        operation_id = "list_audit_events"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        action: Query<Option<String>>,
        object_type: Query<Option<String>>,
        object_id: Query<Option<String>>,
        actor_id: Query<Option<Uuid>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<AuditEvent>>> {
        auth.0.require(Permission::ReadAuditEvents)?;
        let page = PageRequest::<i64>::parse(limit.0, cursor.0.as_deref())?;
        let filter = store::audit::EventFilter {
            action: action.0,
            object_type: object_type.0,
            object_id: object_id.0,
            actor_id: actor_id.0,
        };
        let (rows, next) = store::audit::list(&ctx.state.db.read, filter, &page).await?;
        Ok(Page::from_rows(rows, next, AuditEvent::from))
    }

    /// Verify the audit chain
    ///
    /// Recomputes every hash in order and reports the first event whose
    /// content, link or position does not match; then compares the chain
    /// with a signed checkpoint — the `checkpoint` text an auditor kept (a
    /// forged or altered one is a 422), else the newest stored one — which
    /// reveals deleted newest events (`truncated`) and history rewritten with
    /// the chain recomputed (`rewritten`).
    #[oai(
        path = "/audit-events/verify",
        method = "get",
        operation_id = "verify_audit_events"
    )]
    async fn verify(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// A checkpoint's `token`, as mailed to the procuratorate.
        #[oai(validator(max_length = 400))]
        checkpoint: Query<Option<String>>,
    ) -> ApiResult<Json<AuditVerification>> {
        auth.0.require(Permission::ReadAuditEvents)?;
        let r = app::audit::verify(&ctx.state, checkpoint.0.as_deref()).await?;
        Ok(Json(AuditVerification {
            ok: r.ok(),
            checked: r.chain.checked,
            first_bad_id: r.chain.first_bad_id,
            checkpoint: r.checkpoint.map(|(t, status)| CheckpointCheck {
                seq: t.seq,
                hash: t.hash,
                signed_at: unix(t.signed_at),
                result: status.into(),
            }),
        }))
    }

    /// List audit checkpoints
    ///
    /// Signed heads of the chain, oldest first: taken at least daily by the
    /// server and on demand, each mailed to the procuratorate's contact address.
    #[oai(
        path = "/audit-events/checkpoints",
        method = "get",
        operation_id = "list_audit_checkpoints"
    )]
    async fn checkpoints(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<AuditCheckpoint>>> {
        auth.0.require(Permission::ReadAuditEvents)?;
        let page = PageRequest::<Uuid>::parse(limit.0, cursor.0.as_deref())?;
        let (items, next) = app::audit::list_checkpoints(&ctx.state, &page).await?;
        Ok(Json(Page {
            items: items.into_iter().map(AuditCheckpoint::from).collect(),
            next_cursor: next,
        }))
    }

    /// Take an audit checkpoint now
    ///
    /// Signs the current head of the chain (including the event recording
    /// this request) and mails it to the procuratorate. The admin and the
    /// auditor may ask for one at any time, e.g. before an inspection.
    #[oai(
        path = "/audit-events/checkpoints",
        method = "post",
        operation_id = "create_audit_checkpoint"
    )]
    async fn create_checkpoint(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
    ) -> ApiResult<Created<AuditCheckpoint>> {
        auth.0.require(Permission::CreateCheckpoint)?;
        let cp = app::audit::take_checkpoint(&ctx.state, &ctx.actor(&auth.0)).await?;
        let location = format!("/api/v1/audit-events/checkpoints?cursor={}", cp.row.id);
        Ok(Created::Created(Json(cp.into()), location))
    }
}
