//! Organisations, scoped by caller: NGOs see themselves plus the bureau and
//! judicial offices; agencies see themselves; everyone else sees all.

use entity::organization::{self, Entity as Organizations};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter,
};
use uuid::Uuid;

use crate::domain::collaboration::AgencyType;
use crate::{
    auth::authz::UserCaller,
    domain::roles::{OrgKind, Role},
    error::ApiError,
    store::page::{self, PageRequest},
};

/// The rows a caller may see.
fn visible(caller: &UserCaller) -> Condition {
    match caller.role {
        Role::NgoAdmin | Role::NgoStaff => Condition::any()
            .add(organization::Column::Id.eq(caller.org_id))
            .add(
                organization::Column::Kind
                    .is_in([OrgKind::Bureau.as_str(), OrgKind::JudicialOffice.as_str()]),
            ),
        Role::AgencyStaff => Condition::all().add(organization::Column::Id.eq(caller.org_id)),
        _ => Condition::all(),
    }
}

/// Fields of a new organisation, already validated.
pub struct NewOrganization {
    pub kind: OrgKind,
    /// Agencies only.
    pub agency_type: Option<AgencyType>,
    pub name: String,
    pub uscc: String,
    pub parent_id: Option<Uuid>,
    pub township: Option<String>,
    pub contact_email: Option<String>,
}

/// Inserts an organisation.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    new: NewOrganization,
) -> Result<organization::Model, ApiError> {
    let now = super::now();
    let model = organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(new.kind.as_str().into()),
        name: Set(new.name),
        uscc: Set(new.uscc),
        parent_id: Set(new.parent_id),
        township: Set(new.township),
        contact_email: Set(new.contact_email),
        police_station_id: Set(None),
        agency_type: Set(new.agency_type.map(|t| t.as_str().into())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    Ok(model.insert(conn).await?)
}

/// Every agency of one type by name (unscoped: agencies are public
/// partners), e.g. the village committees a roster names.
pub async fn agencies_by_name<C: ConnectionTrait>(
    conn: &C,
    agency_type: AgencyType,
) -> Result<std::collections::HashMap<String, Uuid>, ApiError> {
    use sea_orm::QuerySelect;
    let rows: Vec<(String, Uuid)> = Organizations::find()
        .select_only()
        .column(organization::Column::Name)
        .column(organization::Column::Id)
        .filter(organization::Column::Kind.eq(OrgKind::Agency.as_str()))
        .filter(organization::Column::AgencyType.eq(agency_type.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Ids of every organisation of a kind (unscoped: for server-side mail).
pub async fn of_kind<C: ConnectionTrait>(conn: &C, kind: OrgKind) -> Result<Vec<Uuid>, ApiError> {
    use sea_orm::QuerySelect;
    Ok(Organizations::find()
        .select_only()
        .column(organization::Column::Id)
        .filter(organization::Column::Kind.eq(kind.as_str()))
        .into_tuple()
        .all(conn)
        .await?)
}

/// Any organisation by id, unscoped (internal use: validation, tokens).
pub async fn find<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<organization::Model>, ApiError> {
    Ok(Organizations::find_by_id(id).one(conn).await?)
}

/// The organisation if the caller may see it; 404 otherwise.
pub async fn get_visible<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<organization::Model, ApiError> {
    Organizations::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// List filters.
#[derive(Default)]
pub struct OrgFilter {
    pub kind: Option<OrgKind>,
    pub agency_type: Option<AgencyType>,
    pub parent_id: Option<Uuid>,
}

/// A page of visible organisations.
pub async fn list_visible<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    filter: OrgFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<organization::Model>, Option<String>), ApiError> {
    let mut q = Organizations::find().filter(visible(caller));
    if let Some(kind) = filter.kind {
        q = q.filter(organization::Column::Kind.eq(kind.as_str()));
    }
    if let Some(parent) = filter.parent_id {
        q = q.filter(organization::Column::ParentId.eq(parent));
    }
    if let Some(t) = filter.agency_type {
        q = q.filter(organization::Column::AgencyType.eq(t.as_str()));
    }
    page::fetch(conn, q, organization::Column::Id, page, |m| m.id).await
}

/// Changes to an organisation; `None` leaves a field as it is.
#[derive(Default)]
pub struct OrgChanges {
    pub name: Option<String>,
    pub agency_type: Option<AgencyType>,
    pub township: Option<Option<String>>,
    pub contact_email: Option<Option<String>>,
    pub police_station_id: Option<Option<Uuid>>,
}

/// Applies changes, bumping `version`.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    current: organization::Model,
    changes: OrgChanges,
) -> Result<organization::Model, ApiError> {
    let version = current.version;
    let mut am = current.into_active_model();
    if let Some(name) = changes.name {
        am.name = Set(name);
    }
    if let Some(t) = changes.township {
        am.township = Set(t);
    }
    if let Some(e) = changes.contact_email {
        am.contact_email = Set(e);
    }
    if let Some(p) = changes.police_station_id {
        am.police_station_id = Set(p);
    }
    if let Some(t) = changes.agency_type {
        am.agency_type = Set(Some(t.as_str().into()));
    }
    am.version = Set(version + 1);
    am.updated_at = Set(super::now());
    // Compare-and-set on version: of two racing updates exactly one wins.
    Organizations::update(am)
        .validate()?
        .filter(organization::Column::Version.eq(version))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// Judicial offices by name (one, when `only` names it).
pub async fn judicial_offices<C: ConnectionTrait>(
    conn: &C,
    only: Option<Uuid>,
) -> Result<Vec<organization::Model>, ApiError> {
    use sea_orm::QueryOrder;
    let mut q = Organizations::find()
        .filter(organization::Column::Kind.eq(OrgKind::JudicialOffice.as_str()))
        .order_by_asc(organization::Column::Name)
        .order_by_asc(organization::Column::Id);
    if let Some(o) = only {
        q = q.filter(organization::Column::Id.eq(o));
    }
    Ok(q.all(conn).await?)
}

/// The bureaus' ids, oldest first (the first is the default bureau).
pub async fn bureau_ids<C: ConnectionTrait>(conn: &C) -> Result<Vec<Uuid>, ApiError> {
    use sea_orm::QueryOrder;
    Ok(Organizations::find()
        .filter(organization::Column::Kind.eq(OrgKind::Bureau.as_str()))
        .order_by_asc(organization::Column::CreatedAt)
        .order_by_asc(organization::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|b| b.id)
        .collect())
}

/// Organisations by id, unscoped (names and settings for views).
pub async fn by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, organization::Model>, ApiError> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(Organizations::find()
        .filter(organization::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect())
}
