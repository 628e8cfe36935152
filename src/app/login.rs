//! Signing in and out: password login (throttled per account and per IP),
//! refresh-token rotation with reuse detection, logout, and the partner
//! apps' client-credentials grant. Access tokens are signed here.
//!
//! Depends on `auth` (JWT, passwords, throttle) and `store`; called by the
//! auth handlers.

use entity::user;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::{
        jwt::{Claims, Subject},
        password, throttle,
    },
    domain::roles::{OrgKind, Role},
    error::{ApiError, ApiResult, stored},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
        tokens::Presented,
    },
};

/// A user's access token (with its lifetime in seconds) and refresh token.
pub struct Tokens {
    pub access_token: String,
    pub expires_in: u64,
    pub refresh_token: String,
}

/// A partner app's access token and its space-separated scopes.
pub struct ClientGrant {
    pub access_token: String,
    pub expires_in: u64,
    pub scope: String,
}

/// Signs an access token for a user or client.
fn sign_access(
    state: &AppState,
    (typ, sub, org, okind): (Subject, Uuid, Uuid, OrgKind),
    role: Option<Role>,
    scope: Option<String>,
) -> ApiResult<(String, u64)> {
    let now = chrono::Utc::now().timestamp();
    let ttl = state.settings.access_token_ttl_secs;
    let (iss, aud) = state.jwt.issuer();
    let claims = Claims {
        iss: iss.into(),
        aud: aud.into(),
        sub: sub.to_string(),
        iat: now,
        nbf: now,
        exp: now + ttl as i64,
        jti: Uuid::now_v7().to_string(),
        typ,
        org,
        okind: okind.as_str().into(),
        role: role.map(|r| r.as_str().into()),
        scope,
    };
    let token = state
        .jwt
        .sign(&claims)
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok((token, ttl))
}

/// A new refresh token (in `family`, or a new one) and the access token for
/// `user`, audited as `action` by the user (`anonymous` carries the request id).
async fn issue(
    state: &AppState,
    anonymous: Actor,
    user: &user::Model,
    family: Option<Uuid>,
    action: &str,
    txn: sea_orm::DatabaseTransaction,
) -> ApiResult<Tokens> {
    let ttl = state.settings.refresh_token_ttl_secs;
    let refresh_token = store::tokens::issue(&txn, user.id, family, ttl).await?;
    let actor = Actor {
        actor_type: "user",
        actor_id: Some(user.id),
        org_id: Some(user.organization_id),
        ..anonymous
    };
    audit::record(
        &txn,
        &actor,
        action,
        "user",
        Some(user.id.to_string()),
        json!({}),
    )
    .await?;
    txn.commit().await?;
    let role: Role = stored(&user.role)?;
    let subject = (
        Subject::User,
        user.id,
        user.organization_id,
        role.org_kind(),
    );
    let (access_token, expires_in) = sign_access(state, subject, Some(role), None)?;
    Ok(Tokens {
        access_token,
        expires_in,
        refresh_token,
    })
}

/// Logs in with e-mail and password. Unknown e-mail, wrong password and a
/// disabled user are the same 401; repeated failures per account or per IP
/// are 429.
pub async fn login(
    state: &AppState,
    anonymous: Actor,
    ip: Option<&str>,
    email: &str,
    secret: String,
) -> ApiResult<Tokens> {
    let account = throttle::account_key(&store::users::normalize_email(email));
    let from = throttle::ip_key(ip);
    let attempt = async {
        let user = store::users::find_by_email(&state.db.read, email).await?;
        let ok = password::verify(secret, user.as_ref().map(|u| u.password_hash.clone())).await?;
        Ok(user.filter(|u| ok && !u.disabled))
    };
    let user = state
        .throttle
        .guard(&account, &from, attempt)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let txn = state.db.begin().await?;
    issue(state, anonymous, &user, None, "auth.login", txn).await
}

/// Exchanges a refresh token for a new pair. The presented token is
/// consumed; one that was already rotated revokes its whole family (401,
/// audited), as does a disabled user.
pub async fn refresh(state: &AppState, anonymous: Actor, token: &str) -> ApiResult<Tokens> {
    let txn = state.db.begin().await?;
    let (user_id, family_id) = match store::tokens::consume(&txn, token).await? {
        Presented::Rotated { user_id, family_id } => (user_id, family_id),
        Presented::Reused => {
            let detail = json!({"family_revoked": true});
            let (action, object) = ("auth.refresh_reuse", "refresh_token_family");
            audit::record(&txn, &anonymous, action, object, None, detail).await?;
            txn.commit().await?;
            return Err(ApiError::Unauthorized);
        }
        Presented::Invalid => return Err(ApiError::Unauthorized),
    };
    match store::users::find(&txn, user_id).await? {
        Some(user) if !user.disabled => {
            issue(
                state,
                anonymous,
                &user,
                Some(family_id),
                "auth.refresh",
                txn,
            )
            .await
        }
        _ => {
            store::tokens::revoke_family(&txn, family_id).await?;
            txn.commit().await?;
            Err(ApiError::Unauthorized)
        }
    }
}

/// Revokes a refresh token's family; unknown tokens change nothing.
pub async fn logout(state: &AppState, anonymous: Actor, token: &str) -> ApiResult<()> {
    let txn = state.db.begin().await?;
    if let Some((family, user_id)) = store::tokens::family_of(&txn, token).await? {
        store::tokens::revoke_family(&txn, family).await?;
        let actor = Actor {
            actor_type: "user",
            actor_id: Some(user_id),
            ..anonymous
        };
        let object = Some(user_id.to_string());
        audit::record(&txn, &actor, "auth.logout", "user", object, json!({})).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The client-credentials grant: an access token carrying the client's
/// scopes. Revoked clients and wrong secrets are 401; repeated failures 429.
pub async fn client_token(
    state: &AppState,
    ip: Option<&str>,
    client_id: &str,
    secret: String,
) -> ApiResult<ClientGrant> {
    let key = format!("client:{client_id}");
    let from = throttle::ip_key(ip);
    let attempt = async {
        let client = store::api_clients::find_by_client_id(&state.db.read, client_id).await?;
        let ok = password::verify(secret, client.as_ref().map(|c| c.secret_hash.clone())).await?;
        Ok(client.filter(|c| ok && c.revoked_at.is_none()))
    };
    let client = state
        .throttle
        .guard(&key, &from, attempt)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let subject = (
        Subject::Client,
        client.id,
        client.organization_id,
        OrgKind::Ngo,
    );
    let scope = client.scopes;
    let (access_token, expires_in) = sign_access(state, subject, None, Some(scope.clone()))?;
    Ok(ClientGrant {
        access_token,
        expires_in,
        scope,
    })
}
