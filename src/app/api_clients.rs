//! Partner-app clients of an NGO: created with a secret shown once and
//! stored only as an argon2 hash; revoked at once.
//!
//! Depends on `auth` and `store`; called by the api-clients handlers.

use entity::api_client;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::{authz::UserCaller, password, random_secret},
    domain::roles::Scope,
    error::ApiResult,
    state::AppState,
    store::{
        self,
        api_clients::NewClient,
        audit::{self, Actor},
    },
};

/// Creates a client of the caller's NGO with these scopes (deduplicated).
/// Returns it and its secret, which is not kept.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    name: String,
    mut scopes: Vec<Scope>,
) -> ApiResult<(api_client::Model, String)> {
    scopes.sort_by_key(|s| s.as_str());
    scopes.dedup();
    let client_id = format!("hgc_{}", &random_secret(12));
    let client_secret = random_secret(32);
    let secret_hash = password::hash(client_secret.clone()).await?;
    let txn = state.db.begin().await?;
    let new = NewClient {
        organization_id: caller.org_id,
        name,
        client_id,
        secret_hash,
        scopes,
        created_by: caller.user_id,
    };
    let client = store::api_clients::insert(&txn, new).await?;
    let detail = json!({"name": client.name, "scopes": client.scopes});
    let object = Some(client.id.to_string());
    audit::record(
        &txn,
        actor,
        "api_client.create",
        "api_client",
        object,
        detail,
    )
    .await?;
    txn.commit().await?;
    Ok((client, client_secret))
}

/// Revokes a client the caller sees: no more tokens are issued for it.
pub async fn revoke<C: sea_orm::ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<api_client::Model> {
    let client = store::api_clients::get_visible(txn, caller, id).await?;
    let client = store::api_clients::revoke(txn, client).await?;
    let object = Some(client.id.to_string());
    audit::record(
        txn,
        actor,
        "api_client.revoke",
        "api_client",
        object,
        json!({}),
    )
    .await?;
    Ok(client)
}
