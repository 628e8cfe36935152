//! Partner-app clients of an NGO. Secrets are argon2-hashed and shown once.

use entity::api_client::{self, Entity as ApiClients};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::roles::Scope,
    error::ApiError,
    store::page::{self, PageRequest},
};

fn visible(caller: &UserCaller) -> Condition {
    if caller.sees_all_tenants() {
        Condition::all()
    } else {
        Condition::all().add(api_client::Column::OrganizationId.eq(caller.org_id))
    }
}

/// Parses the stored scope list.
pub fn scopes_of(m: &api_client::Model) -> Vec<Scope> {
    m.scopes
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect()
}

pub struct NewClient {
    pub organization_id: Uuid,
    pub name: String,
    pub client_id: String,
    pub secret_hash: String,
    pub scopes: Vec<Scope>,
    pub created_by: Uuid,
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    new: NewClient,
) -> Result<api_client::Model, ApiError> {
    let scopes = new
        .scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(api_client::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(new.organization_id),
        name: Set(new.name),
        client_id: Set(new.client_id),
        secret_hash: Set(new.secret_hash),
        scopes: Set(scopes),
        created_by: Set(new.created_by),
        created_at: Set(super::now()),
        revoked_at: Set(None),
    }
    .insert(conn)
    .await?)
}

/// Unscoped lookup by public client id, for the client-credentials grant.
pub async fn find_by_client_id<C: ConnectionTrait>(
    conn: &C,
    client_id: &str,
) -> Result<Option<api_client::Model>, ApiError> {
    Ok(ApiClients::find()
        .filter(api_client::Column::ClientId.eq(client_id))
        .one(conn)
        .await?)
}

pub async fn get_visible<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<api_client::Model, ApiError> {
    ApiClients::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn list_visible<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<api_client::Model>, Option<String>), ApiError> {
    let q = ApiClients::find().filter(visible(caller));
    page::fetch(conn, q, api_client::Column::Id, page, |m| m.id).await
}

/// Marks a client revoked (idempotent).
pub async fn revoke<C: ConnectionTrait>(
    conn: &C,
    current: api_client::Model,
) -> Result<api_client::Model, ApiError> {
    if current.revoked_at.is_some() {
        return Ok(current);
    }
    let mut am = current.into_active_model();
    am.revoked_at = Set(Some(super::now()));
    Ok(am.update(conn).await?)
}
