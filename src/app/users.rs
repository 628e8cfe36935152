//! Users: created and changed by a user manager — a role that fits the
//! organisation's kind and that the manager may hand out, in an organisation
//! they manage, never to oneself; disabling or a new role ends the user's sessions.
//!
//! A password is changed by its owner (with the current one, throttled like
//! logins) or by a user manager; either way the user's sessions end.
//!
//! Depends on `auth` and `store`; called by the users handler.

use entity::user;
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::{
    auth::{
        authz::{Permission, UserCaller, allowed, manages_users_of, may_assign},
        password, throttle,
    },
    domain::roles::{OrgKind, Role},
    error::{ApiError, ApiResult, FieldError, OnConstraint, stored},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
        users::{NewUser, UserChanges},
    },
};

/// Changes a user the caller manages (as read inside this transaction).
/// `broken` are the caller's field errors, reported with these.
pub async fn update<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    caller: &UserCaller,
    current: user::Model,
    changes: UserChanges,
    mut broken: Vec<FieldError>,
) -> ApiResult<user::Model> {
    if let Some(r) = changes.role {
        let current_role: Role = stored(&current.role)?;
        if r.org_kind() != current_role.org_kind() {
            broken.push(FieldError::new(
                "role",
                "must fit the user's organisation kind",
            ));
        } else if !may_assign(caller, r) {
            broken.push(FieldError::new("role", "you may not assign this role"));
        }
    }
    let revoke = changes.disabled == Some(true) || changes.role.is_some();
    if current.id == caller.user_id && revoke {
        broken.push(FieldError::new(
            "disabled",
            "you may not disable yourself or change your own role",
        ));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let user = store::users::update(txn, current, changes).await?;
    if revoke {
        store::tokens::revoke_user(txn, user.id).await?;
    }
    let detail = json!({"version": user.version, "role": user.role, "disabled": user.disabled});
    audit::record(
        txn,
        actor,
        "user.update",
        "user",
        Some(user.id.to_string()),
        detail,
    )
    .await?;
    Ok(user)
}

/// What is wrong with a new user of `role` in `organization_id`, field by
/// field: a role the manager may not hand out, an organisation that is not
/// theirs to manage (or does not exist), a role that does not fit its kind.
pub async fn new_user_problems<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    role: Role,
    organization_id: uuid::Uuid,
) -> ApiResult<Vec<FieldError>> {
    let mut out = Vec::new();
    if !may_assign(caller, role) {
        out.push(FieldError::new("role", "you may not assign this role"));
    }
    match store::organizations::get_visible(conn, caller, organization_id).await {
        Ok(org) if !manages_users_of(caller, org.id) => out.push(FieldError::new(
            "organization_id",
            "must be your own organisation",
        )),
        Ok(org) => {
            let kind: OrgKind = stored(&org.kind)?;
            if role.org_kind() != kind {
                out.push(FieldError::new(
                    "role",
                    format!("`{role}` users belong to a `{}`", role.org_kind()),
                ));
            }
        }
        Err(ApiError::NotFound) => {
            out.push(FieldError::new("organization_id", "no such organisation"))
        }
        Err(e) => return Err(e),
    }
    Ok(out)
}

/// Creates a user (checked by [`new_user_problems`], password already hashed) with its audit event.
pub async fn create<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    new: NewUser,
) -> ApiResult<user::Model> {
    let user = store::users::insert(txn, new)
        .await
        .on_constraint(("users_email_key", "users.email"), || {
            ApiError::Conflict("a user with this e-mail address exists".into())
        })?;
    let detail = json!({"role": user.role, "organization_id": user.organization_id});
    audit::record(
        txn,
        actor,
        "user.create",
        "user",
        Some(user.id.to_string()),
        detail,
    )
    .await?;
    Ok(user)
}

/// Sets a new password for a user the caller sees: their own (the current
/// password is required and checked under the per-account login throttle, so
/// that a stolen access token is no password oracle) or, for a user
/// manager, anyone's they see (403 for others). Ends the user's sessions.
/// `broken` are the caller's field errors (the new password's rules).
#[allow(clippy::too_many_arguments)]
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    user_id: uuid::Uuid,
    current: Option<String>,
    new: String,
    ip: Option<&str>,
    mut broken: Vec<FieldError>,
) -> ApiResult<()> {
    let target = store::users::get_visible(&state.db.read, caller, user_id).await?;
    let own = target.id == caller.user_id;
    if !own && !allowed(caller.role, Permission::UpdateUser) {
        return Err(ApiError::Forbidden);
    }
    if own {
        let verified = match current {
            Some(pw) => {
                let stored_hash = Some(target.password_hash.clone());
                let (account, from) = (throttle::account_key(&target.email), throttle::ip_key(ip));
                let check = async { Ok(password::verify(pw, stored_hash).await?.then_some(())) };
                state
                    .throttle
                    .guard(&account, &from, check)
                    .await?
                    .is_some()
            }
            None => false,
        };
        if !verified {
            broken.push(FieldError::new("current_password", "is missing or wrong"));
        }
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let hash = password::hash(new).await?;
    let txn = state.db.begin().await?;
    let changes = UserChanges {
        password_hash: Some(hash),
        ..Default::default()
    };
    let user = store::users::update(&txn, target, changes).await?;
    store::tokens::revoke_user(&txn, user.id).await?;
    let object = Some(user.id.to_string());
    audit::record(
        &txn,
        actor,
        "user.password_change",
        "user",
        object,
        json!({"own": own}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
