//! `/api/v1/auth/*` and `/api/v1/me`: password login, refresh rotation,
//! logout, client credentials for partner apps.

use crate::api::text::{Credential, Email};
use crate::api::wire::TokenType;
use poem_openapi::{Object, OpenApi, payload::Json};

use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Ctx, NoContent,
        types::{ClientScope, OrganizationKind, UserRole, stored},
    },
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    domain::roles::{Role, Scope},
    error::{ApiError, ApiResult},
    store,
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

fn pair(t: app::login::Tokens) -> Json<TokenPair> {
    Json(TokenPair {
        access_token: t.access_token,
        token_type: TokenType::Bearer,
        expires_in: t.expires_in,
        refresh_token: t.refresh_token,
    })
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
        let (ip, secret) = (ctx.ip.as_deref(), body.password.0.clone());
        let tokens =
            app::login::login(&ctx.state, ctx.anonymous(), ip, &body.email, secret).await?;
        Ok(pair(tokens))
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
        let tokens = app::login::refresh(&ctx.state, ctx.anonymous(), &body.refresh_token).await?;
        Ok(pair(tokens))
    }

    /// Log out: revoke a refresh token's family
    ///
    /// Always 204, also for unknown tokens, so that logout is idempotent.
    #[oai(path = "/auth/logout", method = "post", operation_id = "logout")]
    async fn logout(&self, ctx: Ctx, body: Json<RefreshRequest>) -> ApiResult<NoContent> {
        if !body.refresh_token.fits() {
            return Err(ApiError::field("refresh_token", "is not a refresh token"));
        }
        app::login::logout(&ctx.state, ctx.anonymous(), &body.refresh_token).await?;
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
        let (ip, secret) = (ctx.ip.as_deref(), body.client_secret.0.clone());
        let grant = app::login::client_token(&ctx.state, ip, &body.client_id, secret).await?;
        let scopes = grant
            .scope
            .split_whitespace()
            .filter_map(|s| s.parse::<Scope>().ok())
            .map(ClientScope::from)
            .collect();
        Ok(Json(ClientToken {
            access_token: grant.access_token,
            token_type: TokenType::Bearer,
            expires_in: grant.expires_in,
            scope: grant.scope,
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
