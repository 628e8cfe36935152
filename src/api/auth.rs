//! `/api/v1/auth/*` and `/api/v1/me`: password login, refresh rotation,
//! logout, client credentials for partner apps.

use crate::api::text::{Credential, Email};
use crate::api::wire::TokenType;
use poem_openapi::{Object, OpenApi, payload::Json};
use serde_json::json;

use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Ctx, NoContent,
        types::{ClientScope, OrganizationKind, UserRole, stored},
    },
    auth::{
        authz::Permission,
        jwt::{Claims, Subject},
        password,
        scheme::BearerAuth,
        throttle,
    },
    domain::roles::{OrgKind, Role, Scope},
    error::{ApiError, ApiResult},
    state::AppState,
    store::{self, audit, tokens::Presented},
};

/// Password login.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct TokenRequest {
    pub email: Email,
    pub password: Credential,
}

/// An access token and its refresh token.
#[derive(Object)]
pub struct TokenPair {
    pub access_token: String,
    pub token_type: TokenType,
    /// Access-token lifetime in seconds.
    pub expires_in: u64,
    /// Opaque; rotated on every refresh.
    pub refresh_token: String,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: Credential,
}

/// Client-credentials grant for partner apps.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ClientTokenRequest {
    pub client_id: Credential,
    pub client_secret: Credential,
}

/// An access token for a partner app.
#[derive(Object)]
pub struct ClientToken {
    pub access_token: String,
    pub token_type: TokenType,
    pub expires_in: u64,
    /// Space-separated scopes granted (the OAuth 2.0 form).
    pub scope: String,
    /// The same scopes as a list.
    pub scopes: Vec<ClientScope>,
}

/// The logged-in user.
#[derive(Object)]
pub struct Me {
    pub user_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: UserRole,
    pub organization_id: Uuid,
    pub organization_kind: OrganizationKind,
    /// What this role may do (the server's permission matrix): show only the controls that can work.
    pub permissions: Vec<Permission>,
    /// The bureau's time zone (IANA name): months, "today" and session days are counted in it.
    pub time_zone: String,
}

/// Signs an access token for a user or client.
fn sign_access(
    state: &AppState,
    typ: Subject,
    sub: Uuid,
    org: Uuid,
    okind: OrgKind,
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

/// A user's access token (the organisation kind follows from the role).
fn user_access(state: &AppState, user: &entity::user::Model) -> ApiResult<(String, u64)> {
    let role: Role = stored(&user.role)?;
    sign_access(
        state,
        Subject::User,
        user.id,
        user.organization_id,
        role.org_kind(),
        Some(role),
        None,
    )
}

pub struct AuthApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Auth")]
impl AuthApi {
    /// Log in with e-mail and password
    ///
    /// Returns a 15-minute access token and a rotating refresh token. Unknown
    /// e-mail and wrong password answer the same 401; repeated failures per
    /// account or per IP answer 429 with `Retry-After`.
    #[oai(path = "/auth/token", method = "post", operation_id = "create_token")]
    async fn token(&self, ctx: Ctx, body: Json<TokenRequest>) -> ApiResult<Json<TokenPair>> {
        let state = &ctx.state;
        let account = throttle::account_key(&store::users::normalize_email(&body.email));
        let ip = throttle::ip_key(ctx.ip.as_deref());
        let user = state
            .throttle
            .guard(&account, &ip, async {
                let user = store::users::find_by_email(&state.db.read, &body.email).await?;
                let ok = password::verify(
                    body.password.0.clone(),
                    user.as_ref().map(|u| u.password_hash.clone()),
                )
                .await?;
                Ok(user.filter(|u| ok && !u.disabled))
            })
            .await?
            .ok_or(ApiError::Unauthorized)?;
        let txn = state.db.begin().await?;
        let refresh_token =
            store::tokens::issue(&txn, user.id, None, state.settings.refresh_token_ttl_secs)
                .await?;
        let actor = audit::Actor {
            actor_type: "user",
            actor_id: Some(user.id),
            org_id: Some(user.organization_id),
            request_id: ctx.request_id.clone(),
        };
        audit::record(
            &txn,
            &actor,
            "auth.login",
            "user",
            Some(user.id.to_string()),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        let (access_token, expires_in) = user_access(state, &user)?;
        Ok(Json(TokenPair {
            access_token,
            token_type: TokenType::Bearer,
            expires_in,
            refresh_token,
        }))
    }

    /// Exchange a refresh token for a new pair
    ///
    /// The presented token is consumed. Presenting a token that was already
    /// rotated revokes its whole family (all sessions from that login).
    #[oai(
        path = "/auth/refresh",
        method = "post",
        operation_id = "refresh_token"
    )]
    async fn refresh(&self, ctx: Ctx, body: Json<RefreshRequest>) -> ApiResult<Json<TokenPair>> {
        let state = &ctx.state;
        let txn = state.db.begin().await?;
        let outcome = store::tokens::consume(&txn, &body.refresh_token).await?;
        let (user_id, family_id) = match outcome {
            Presented::Rotated { user_id, family_id } => (user_id, family_id),
            Presented::Reused => {
                audit::record(
                    &txn,
                    &ctx.anonymous(),
                    "auth.refresh_reuse",
                    "refresh_token_family",
                    None,
                    json!({"family_revoked": true}),
                )
                .await?;
                txn.commit().await?;
                return Err(ApiError::Unauthorized);
            }
            Presented::Invalid => return Err(ApiError::Unauthorized),
        };
        let user = match store::users::find(&txn, user_id).await? {
            Some(u) if !u.disabled => u,
            _ => {
                store::tokens::revoke_family(&txn, family_id).await?;
                txn.commit().await?;
                return Err(ApiError::Unauthorized);
            }
        };
        let refresh_token = store::tokens::issue(
            &txn,
            user.id,
            Some(family_id),
            state.settings.refresh_token_ttl_secs,
        )
        .await?;
        let actor = audit::Actor {
            actor_type: "user",
            actor_id: Some(user.id),
            org_id: Some(user.organization_id),
            request_id: ctx.request_id.clone(),
        };
        audit::record(
            &txn,
            &actor,
            "auth.refresh",
            "user",
            Some(user.id.to_string()),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        let (access_token, expires_in) = user_access(state, &user)?;
        Ok(Json(TokenPair {
            access_token,
            token_type: TokenType::Bearer,
            expires_in,
            refresh_token,
        }))
    }

    /// Log out: revoke a refresh token's family
    ///
    /// Always 204, also for unknown tokens, so that logout is idempotent.
    #[oai(path = "/auth/logout", method = "post", operation_id = "logout")]
    async fn logout(&self, ctx: Ctx, body: Json<RefreshRequest>) -> ApiResult<NoContent> {
        let state = &ctx.state;
        if !body.refresh_token.fits() {
            return Err(ApiError::field("refresh_token", "is not a refresh token"));
        }
        let txn = state.db.begin().await?;
        if let Some((family, user_id)) = store::tokens::family_of(&txn, &body.refresh_token).await?
        {
            store::tokens::revoke_family(&txn, family).await?;
            let mut actor = ctx.anonymous();
            actor.actor_type = "user";
            actor.actor_id = Some(user_id);
            audit::record(
                &txn,
                &actor,
                "auth.logout",
                "user",
                Some(user_id.to_string()),
                json!({}),
            )
            .await?;
        }
        txn.commit().await?;
        Ok(NoContent::NoContent)
    }

    /// Partner-app token (client credentials)
    ///
    /// Returns an access token carrying the client's scopes. Revoked clients
    /// and wrong secrets answer 401.
    #[oai(
        path = "/auth/client-token",
        method = "post",
        operation_id = "create_client_token"
    )]
    async fn client_token(
        &self,
        ctx: Ctx,
        body: Json<ClientTokenRequest>,
    ) -> ApiResult<Json<ClientToken>> {
        let state = &ctx.state;
        let key = format!("client:{}", &*body.client_id);
        let ip = throttle::ip_key(ctx.ip.as_deref());
        let client = state
            .throttle
            .guard(&key, &ip, async {
                let client =
                    store::api_clients::find_by_client_id(&state.db.read, &body.client_id).await?;
                let ok = password::verify(
                    body.client_secret.0.clone(),
                    client.as_ref().map(|c| c.secret_hash.clone()),
                )
                .await?;
                Ok(client.filter(|c| ok && c.revoked_at.is_none()))
            })
            .await?
            .ok_or(ApiError::Unauthorized)?;
        let scope = client.scopes.clone();
        let (access_token, expires_in) = sign_access(
            state,
            Subject::Client,
            client.id,
            client.organization_id,
            OrgKind::Ngo,
            None,
            Some(scope.clone()),
        )?;
        let scopes = scope
            .split_whitespace()
            .filter_map(|s| s.parse::<Scope>().ok())
            .map(ClientScope::from)
            .collect();
        Ok(Json(ClientToken {
            access_token,
            token_type: TokenType::Bearer,
            expires_in,
            scope,
            scopes,
        }))
    }

    /// The logged-in user
    #[oai(path = "/me", method = "get", operation_id = "get_me")]
    async fn me(&self, ctx: Ctx, auth: BearerAuth) -> ApiResult<Json<Me>> {
        let caller = auth.0.require(Permission::ReadMe)?;
        let user = match store::users::find(&ctx.state.db.read, caller.user_id).await? {
            Some(u) if !u.disabled => u,
            _ => return Err(ApiError::Unauthorized),
        };
        let role: Role = stored(&user.role)?;
        Ok(Json(Me {
            user_id: user.id,
            email: user.email,
            display_name: user.display_name,
            role: role.into(),
            organization_id: user.organization_id,
            organization_kind: role.org_kind().into(),
            permissions: Permission::ALL
                .iter()
                .copied()
                .filter(|p| crate::auth::authz::allowed(role, *p))
                .collect(),
            time_zone: ctx.state.settings.timezone.clone(),
        }))
    }
}
