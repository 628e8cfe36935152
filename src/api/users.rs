//! `/api/v1/users`: admin manages every user; an NGO admin manages the users
//! of its own NGO. Everyone may change their own password.

use crate::api::text::{Credential, Cursor, Email, NewPassword};
use crate::app;
use chrono::{DateTime, Utc};
use poem_openapi::{
    Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
    types::MaybeUndefined,
};

use crate::api::types::Text;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, NoContent, Page, Versioned, check_if_match, etag,
        types::{Check, UserRole, stored},
    },
    auth::{authz::Permission, password, scheme::BearerAuth},
    domain::roles::Role,
    error::ApiResult,
    store::{
        self,
        page::PageRequest,
        users::{NewUser, UserChanges, UserFilter},
    },
};

/// A user (never with a password hash).
#[derive(Object)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: UserRole,
    pub organization_id: Uuid,
    pub disabled: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl User {
    fn from_model(m: entity::user::Model) -> ApiResult<Self> {
        let role: Role = stored(&m.role)?;
        Ok(Self {
            id: m.id,
            email: m.email,
            display_name: m.display_name,
            role: role.into(),
            organization_id: m.organization_id,
            disabled: m.disabled,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// A new user.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateUser {
    pub email: Email,
    pub display_name: Text<100>,
    pub role: UserRole,
    pub organization_id: Uuid,
    /// At least 10 characters.
    pub password: NewPassword,
}

/// Changes to a user; absent fields stay (`role` must not be `null`).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateUser {
    #[oai(nullable)]
    pub display_name: Option<Text<100>>,
    pub role: MaybeUndefined<UserRole>,
    /// Disabling also revokes the user's refresh tokens.
    #[oai(nullable)]
    pub disabled: Option<bool>,
}

/// A password change; `current_password` is required when changing your own.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ChangePassword {
    #[oai(nullable)]
    pub current_password: Option<Credential>,
    pub new_password: NewPassword,
}

pub struct UsersApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Users")]
impl UsersApi {
    /// List users
    ///
    /// Bureau staff and the auditor see all users; everyone else the users
    /// of their own organisation.
    #[oai(path = "/users", method = "get", operation_id = "list_users")]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        organization_id: Query<Option<Uuid>>,
        role: Query<Option<UserRole>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<User>>> {
        let caller = auth.0.require(Permission::ReadUsers)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let filter = UserFilter {
            organization_id: organization_id.0,
            role: role.0.map(Into::into),
        };
        let (rows, next) =
            store::users::list_visible(&ctx.state.db.read, caller, filter, &page).await?;
        Page::try_from_rows(rows, next, User::from_model)
    }

    /// Create a user
    ///
    /// The role must fit the organisation's kind (e.g. `office_staff` in a
    /// judicial office). NGO admins create NGO users of their own NGO.
    #[oai(path = "/users", method = "post", operation_id = "create_user")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateUser>,
    ) -> ApiResult<Created<User>> {
        let caller = auth.0.require(Permission::CreateUser)?;
        let db = &ctx.state.db;
        let role: Role = body.role.into();
        let mut check = Check::new();
        let email = check.email("email", &body.email);
        let display_name = check.text("display_name", &body.display_name);
        check.password("password", &body.password);
        let problems = app::users::new_user_problems(&db.read, caller, role, body.organization_id);
        check.absorb(problems.await?);
        check.finish()?;
        // Hashed before the transaction: argon2 takes a while, the writer must not wait on it.
        let password_hash = password::hash(body.password.0.clone()).await?;
        let new = NewUser {
            organization_id: body.organization_id,
            email,
            display_name,
            role,
            password_hash,
        };
        let txn = db.begin().await?;
        let user = app::users::create(&txn, &ctx.actor(&auth.0), new).await?;
        txn.commit().await?;
        let location = format!("/api/v1/users/{}", user.id);
        Ok(Created::Created(Json(User::from_model(user)?), location))
    }

    /// Get a user
    #[oai(path = "/users/:id", method = "get", operation_id = "get_user")]
    async fn get(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Versioned<User>> {
        let caller = auth.0.require(Permission::ReadUsers)?;
        let user = store::users::get_visible(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(user.version);
        Ok(Versioned::Ok(Json(User::from_model(user)?), tag))
    }

    /// Update a user: display name, role, disabled
    ///
    /// Honours `If-Match: "<version>"`. Disabling or changing the role
    /// revokes the user's refresh tokens.
    #[oai(path = "/users/:id", method = "patch", operation_id = "update_user")]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateUser>,
    ) -> ApiResult<Versioned<User>> {
        let caller = auth.0.require(Permission::UpdateUser)?;
        let mut check = Check::new();
        let display_name = body
            .display_name
            .as_ref()
            .map(|n| check.text("display_name", n));
        let role: Option<Role> = match body.role {
            MaybeUndefined::Value(r) => Some(r.into()),
            MaybeUndefined::Null => {
                check.fail("role", "must not be null");
                None
            }
            MaybeUndefined::Undefined => None,
        };
        let txn = ctx.state.db.begin().await?;
        let current = store::users::get_visible(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), current.version, false)?;
        let changes = UserChanges {
            display_name,
            role,
            disabled: body.disabled,
            password_hash: None,
        };
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let user = app::users::update(&txn, &actor, caller, current, changes, broken).await?;
        txn.commit().await?;
        let tag = etag(user.version);
        Ok(Versioned::Ok(Json(User::from_model(user)?), tag))
    }

    /// Change a password
    ///
    /// Your own (with `current_password`), or, as admin (or NGO admin for
    /// your NGO's users), someone else's. Revokes that user's refresh tokens.
    #[oai(
        path = "/users/:id/password",
        method = "post",
        operation_id = "change_password"
    )]
    async fn change_password(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<ChangePassword>,
    ) -> ApiResult<NoContent> {
        let caller = auth.0.require(Permission::ChangePassword)?;
        let mut check = Check::new();
        check.password("new_password", &body.new_password);
        let current = body.current_password.as_ref().map(|pw| pw.0.clone());
        let new = body.new_password.0.clone();
        let (actor, ip) = (ctx.actor(&auth.0), ctx.ip.as_deref());
        let broken = check.into_errors();
        app::users::change_password(&ctx.state, &actor, caller, id.0, current, new, ip, broken)
            .await?;
        Ok(NoContent::NoContent)
    }
}
