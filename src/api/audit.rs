//! `/api/v1/audit-events`: the hash-chained trail, for the admin and the
//! procuratorate, and its verification.

use poem_openapi::{Object, OpenApi, param::Query, payload::Json};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    api::{ApiTags, Ctx, Page},
    auth::{authz::Permission, scheme::BearerAuth},
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
    /// `user`, `client`, `anonymous` or `system`.
    pub actor_type: String,
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
            actor_type: m.actor_type,
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

/// Result of walking the chain.
#[derive(Object)]
pub struct AuditVerification {
    pub ok: bool,
    /// Events that verified before the first bad one (all, when `ok`).
    pub checked: u64,
    #[oai(nullable)]
    pub first_bad_id: Option<Uuid>,
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
        cursor: Query<Option<String>>,
    ) -> ApiResult<Json<Page<AuditEvent>>> {
        use entity::audit_event::{Column, Entity};
        auth.0.require(Permission::ReadAuditEvents)?;
        let page = PageRequest::<i64>::parse(limit.0, cursor.0.as_deref())?;
        let mut q = Entity::find();
        if let Some(v) = action.0 {
            q = q.filter(Column::Action.eq(v));
        }
        if let Some(v) = object_type.0 {
            q = q.filter(Column::ObjectType.eq(v));
        }
        if let Some(v) = object_id.0 {
            q = q.filter(Column::ObjectId.eq(v));
        }
        if let Some(v) = actor_id.0 {
            q = q.filter(Column::ActorId.eq(v));
        }
        let (rows, next) =
            store::page::fetch(&ctx.state.db.read, q, Column::Seq, &page, |m| m.seq).await?;
        Ok(Page::from_rows(rows, next, AuditEvent::from))
    }

    /// Verify the audit chain
    ///
    /// Recomputes every hash in order; reports the first event whose content,
    /// link or position does not match.
    #[oai(
        path = "/audit-events/verify",
        method = "get",
        operation_id = "verify_audit_events"
    )]
    async fn verify(&self, ctx: Ctx, auth: BearerAuth) -> ApiResult<Json<AuditVerification>> {
        auth.0.require(Permission::ReadAuditEvents)?;
        let v = store::audit::verify(&ctx.state.db.read).await?;
        Ok(Json(AuditVerification {
            ok: v.ok,
            checked: v.checked,
            first_bad_id: v.first_bad_id,
        }))
    }
}
