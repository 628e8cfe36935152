//! Users: changes by a user manager — a role that fits the organisation's
//! kind and that the manager may hand out, never to oneself; disabling or a
//! new role ends the user's sessions.
//!
//! Depends on `auth::authz` and `store`; called by the users handler.

use entity::user;
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::{
    auth::authz::{UserCaller, may_assign},
    domain::roles::Role,
    error::{ApiError, ApiResult, FieldError},
    store::{
        self,
        audit::{self, Actor},
        users::UserChanges,
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
        let current_role: Role = current
            .role
            .parse()
            .map_err(|e: String| ApiError::Internal(anyhow::anyhow!(e)))?;
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
