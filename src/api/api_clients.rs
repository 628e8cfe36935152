//! `/api/v1/api-clients`: partner-app clients. An NGO admin creates them for
//! its NGO; the secret is shown once and stored only as an argon2 hash.

use crate::api::text::Cursor;
use chrono::{DateTime, Utc};
use poem_openapi::{Object, OpenApi, param::Header, param::Path, param::Query, payload::Json};

use crate::api::types::Text;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{ApiTags, Created, Ctx, NoContent, Page, types::Check, types::ClientScope},
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    error::ApiResult,
    store::{self, page::PageRequest},
};

/// A partner-app client (without its secret).
#[derive(Object)]
pub struct ApiClient {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    /// Public identifier used with `/auth/client-token`.
    pub client_id: String,
    pub scopes: Vec<ClientScope>,
    pub created_at: DateTime<Utc>,
    #[oai(nullable)]
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<entity::api_client::Model> for ApiClient {
    fn from(m: entity::api_client::Model) -> Self {
        Self {
            scopes: store::api_clients::scopes_of(&m)
                .into_iter()
                .map(Into::into)
                .collect(),
            id: m.id,
            organization_id: m.organization_id,
            name: m.name,
            client_id: m.client_id,
            created_at: m.created_at,
            revoked_at: m.revoked_at,
        }
    }
}

/// A new client and its secret, shown only in this response.
#[derive(Object)]
pub struct ApiClientCreated {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: Vec<ClientScope>,
    pub created_at: DateTime<Utc>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateApiClient {
    pub name: Text<100>,
    /// At least one scope.
    pub scopes: Vec<ClientScope>,
}

pub struct ApiClientsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::ApiClients")]
impl ApiClientsApi {
    /// List partner-app clients
    #[oai(
        path = "/api-clients",
        method = "get",
        operation_id = "list_api_clients"
    )]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<ApiClient>>> {
        let caller = auth.0.require(Permission::ReadApiClients)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let (rows, next) =
            store::api_clients::list_visible(&ctx.state.db.read, caller, &page).await?;
        Ok(Page::from_rows(rows, next, ApiClient::from))
    }

    /// Create a partner-app client
    ///
    /// Returns `client_secret` once; it cannot be read again.
    #[oai(
        path = "/api-clients",
        method = "post",
        operation_id = "create_api_client"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateApiClient>,
    ) -> ApiResult<Created<ApiClientCreated>> {
        let caller = auth.0.require(Permission::ManageApiClients)?;
        let mut check = Check::new();
        let name = check.text("name", &body.name);
        if body.scopes.is_empty() {
            check.fail("scopes", "must name at least one scope");
        }
        check.finish()?;
        let scopes = body.scopes.iter().map(|s| (*s).into()).collect();
        let actor = ctx.actor(&auth.0);
        let (client, client_secret) =
            app::api_clients::create(&ctx.state, &actor, caller, name, scopes).await?;
        let view = ApiClient::from(client);
        let location = format!("/api/v1/api-clients/{}", view.id);
        Ok(Created::Created(
            Json(ApiClientCreated {
                id: view.id,
                organization_id: view.organization_id,
                name: view.name,
                client_id: view.client_id,
                client_secret,
                scopes: view.scopes,
                created_at: view.created_at,
            }),
            location,
        ))
    }

    /// Get a partner-app client (without its secret)
    #[oai(
        path = "/api-clients/:id",
        method = "get",
        operation_id = "get_api_client"
    )]
    async fn get(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<ApiClient>> {
        let caller = auth.0.require(Permission::ReadApiClients)?;
        let client = store::api_clients::get_visible(&ctx.state.db.read, caller, id.0).await?;
        Ok(Json(client.into()))
    }

    /// Revoke a partner-app client
    ///
    /// Its tokens stop being issued at once; access tokens already issued
    /// expire within 15 minutes.
    #[oai(
        path = "/api-clients/:id",
        method = "delete",
        operation_id = "revoke_api_client"
    )]
    async fn revoke(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<NoContent> {
        let caller = auth.0.require(Permission::ManageApiClients)?;
        let txn = ctx.state.db.begin().await?;
        app::api_clients::revoke(&txn, &ctx.actor(&auth.0), caller, id.0).await?;
        txn.commit().await?;
        Ok(NoContent::NoContent)
    }
}
