//! Organisations: the bureau admin registers judicial offices (under a
//! bureau, with their township), NGOs, agencies and the procuratorate.
//!
//! Depends on `domain` and `store`; called by the organisations handler.

use entity::organization;
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::{
    auth::authz::UserCaller,
    domain::{collaboration::AgencyType, roles::OrgKind},
    error::{ApiError, ApiResult, FieldError, OnConstraint},
    store::{
        self,
        audit::{self, Actor},
        organizations::{NewOrganization, OrgChanges},
    },
};

/// Registers an organisation: a judicial office needs its township and a
/// bureau as parent (default: the caller's), no other kind has a parent; an
/// agency needs its `agency_type`, no other kind has one.
/// `broken` are the caller's field errors, reported with these.
pub async fn create<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    caller: &UserCaller,
    mut new: NewOrganization,
    mut broken: Vec<FieldError>,
) -> ApiResult<organization::Model> {
    new.parent_id = match new.kind {
        OrgKind::JudicialOffice => {
            if new.township.is_none() {
                broken.push(FieldError::new(
                    "township",
                    "is required for a judicial office",
                ));
            }
            let parent = new.parent_id.unwrap_or(caller.org_id);
            let parent_ok = store::organizations::find(txn, parent)
                .await?
                .is_some_and(|p| p.kind == OrgKind::Bureau.as_str());
            if !parent_ok {
                broken.push(FieldError::new("parent_id", "must be a bureau"));
            }
            Some(parent)
        }
        _ => {
            if new.parent_id.is_some() {
                broken.push(FieldError::new(
                    "parent_id",
                    "only judicial offices have a parent",
                ));
            }
            None
        }
    };
    match (new.kind, new.agency_type) {
        (OrgKind::Agency, None) => {
            broken.push(FieldError::new("agency_type", "is required for an agency"))
        }
        (OrgKind::Agency, Some(_)) | (_, None) => {}
        (_, Some(_)) => broken.push(FieldError::new(
            "agency_type",
            "only agencies have an agency type",
        )),
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let org = store::organizations::insert(txn, new)
        .await
        .on_constraint(("organizations_uscc_key", "organizations.uscc"), || {
            ApiError::Conflict("an organisation with this unified social credit code exists".into())
        })?;
    let detail = json!({"kind": org.kind, "name": org.name});
    let object = Some(org.id.to_string());
    audit::record(
        txn,
        actor,
        "organization.create",
        "organization",
        object,
        detail,
    )
    .await?;
    Ok(org)
}

/// Changes an organisation (as read by the caller, inside this
/// transaction): a police station only for a judicial office and only a
/// police agency; a judicial office keeps its township; only an agency has
/// an agency type.
pub async fn update<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    current: organization::Model,
    changes: OrgChanges,
) -> ApiResult<organization::Model> {
    let office = current.kind == OrgKind::JudicialOffice.as_str();
    if let Some(Some(p)) = changes.police_station_id {
        if !office {
            return Err(ApiError::field(
                "police_station_id",
                "only judicial offices have a police station",
            ));
        }
        match store::organizations::find(txn, p).await? {
            Some(o) if o.agency_type.as_deref() == Some(AgencyType::Police.as_str()) => {}
            _ => {
                return Err(ApiError::field(
                    "police_station_id",
                    "must be a police agency (agency_type police)",
                ));
            }
        }
    }
    if changes.agency_type.is_some() && current.kind != OrgKind::Agency.as_str() {
        return Err(ApiError::field(
            "agency_type",
            "only agencies have an agency type",
        ));
    }
    if office && matches!(changes.township, Some(None)) {
        return Err(ApiError::field(
            "township",
            "is required for a judicial office",
        ));
    }
    let org = store::organizations::update(txn, current, changes).await?;
    let detail = json!({"version": org.version});
    let object = Some(org.id.to_string());
    audit::record(
        txn,
        actor,
        "organization.update",
        "organization",
        object,
        detail,
    )
    .await?;
    Ok(org)
}
