//! Users, scoped by caller: bureau staff and the auditor see all, everyone
//! else only the users of their own organisation.

use entity::user::{self, Entity as Users};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::roles::Role,
    error::ApiError,
    store::page::{self, PageRequest},
};

fn visible(caller: &UserCaller) -> Condition {
    if caller.sees_all_tenants() {
        Condition::all()
    } else {
        Condition::all().add(user::Column::OrganizationId.eq(caller.org_id))
    }
}

/// Normalises an e-mail address for storage and lookup.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Fields of a new user; the password is already hashed.
pub struct NewUser {
    pub organization_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, new: NewUser) -> Result<user::Model, ApiError> {
    let now = super::now();
    Ok(user::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(new.organization_id),
        email: Set(normalize_email(&new.email)),
        display_name: Set(new.display_name),
        role: Set(new.role.as_str().into()),
        password_hash: Set(new.password_hash),
        disabled: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await?)
}

/// Unscoped lookups for authentication.
pub async fn find_by_email<C: ConnectionTrait>(
    conn: &C,
    email: &str,
) -> Result<Option<user::Model>, ApiError> {
    Ok(Users::find()
        .filter(user::Column::Email.eq(normalize_email(email)))
        .one(conn)
        .await?)
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<user::Model>, ApiError> {
    Ok(Users::find_by_id(id).one(conn).await?)
}

/// The user if the caller may see it; 404 otherwise.
pub async fn get_visible<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<user::Model, ApiError> {
    Users::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

#[derive(Default)]
pub struct UserFilter {
    pub organization_id: Option<Uuid>,
    pub role: Option<Role>,
}

pub async fn list_visible<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    filter: UserFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<user::Model>, Option<String>), ApiError> {
    let mut q = Users::find().filter(visible(caller));
    if let Some(org) = filter.organization_id {
        q = q.filter(user::Column::OrganizationId.eq(org));
    }
    if let Some(role) = filter.role {
        q = q.filter(user::Column::Role.eq(role.as_str()));
    }
    page::fetch(conn, q, user::Column::Id, page, |m| m.id).await
}

#[derive(Default)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub disabled: Option<bool>,
    pub password_hash: Option<String>,
}

/// Applies changes, bumping `version`.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    current: user::Model,
    changes: UserChanges,
) -> Result<user::Model, ApiError> {
    let version = current.version;
    let mut am = current.into_active_model();
    if let Some(v) = changes.display_name {
        am.display_name = Set(v);
    }
    if let Some(v) = changes.role {
        am.role = Set(v.as_str().into());
    }
    if let Some(v) = changes.disabled {
        am.disabled = Set(v);
    }
    if let Some(v) = changes.password_hash {
        am.password_hash = Set(v);
    }
    am.version = Set(version + 1);
    am.updated_at = Set(super::now());
    // Compare-and-set on version: of two racing updates exactly one wins.
    Users::update(am)
        .validate()?
        .filter(user::Column::Version.eq(version))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// True when no user exists yet (first start).
pub async fn none_exist<C: ConnectionTrait>(conn: &C) -> Result<bool, ApiError> {
    use sea_orm::PaginatorTrait;
    Ok(Users::find().count(conn).await? == 0)
}
