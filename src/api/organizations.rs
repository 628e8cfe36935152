//! `/api/v1/organizations`: tenants of every kind. Admin creates and edits;
//! reads are scoped by the caller's organisation (see `store::organizations`).

use crate::api::text::{CreditCode, Cursor, Email};
use crate::app;
use crate::error::FieldError;
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
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        types::{AgencyType, Check, OrganizationKind, stored},
    },
    auth::{authz::Permission, scheme::BearerAuth},
    domain::{roles::OrgKind, uscc::Uscc},
    error::ApiResult,
    store::{
        self,
        organizations::{NewOrganization, OrgChanges, OrgFilter},
        page::PageRequest,
    },
};

/// An organisation.
#[derive(Object)]
pub struct Organization {
    pub id: Uuid,
    pub kind: OrganizationKind,
    pub name: String,
    /// Unified social credit code (GB 32100).
    pub uscc: String,
    /// The bureau a judicial office belongs to.
    #[oai(nullable)]
    pub parent_id: Option<Uuid>,
    /// Township, for judicial offices.
    #[oai(nullable)]
    pub township: Option<String>,
    #[oai(nullable)]
    pub contact_email: Option<String>,
    /// For judicial offices: the police station (a `police` agency) alerts escalate to by default.
    #[oai(nullable)]
    pub police_station_id: Option<Uuid>,
    // For agencies only (absent for every other kind). No doc comment on an
    // enum field: it would become an `allOf` the Python generator rejects.
    #[oai(skip_serializing_if_is_none)]
    pub agency_type: Option<AgencyType>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Organization {
    fn from_model(m: entity::organization::Model) -> ApiResult<Self> {
        let kind: OrgKind = stored(&m.kind)?;
        Ok(Self {
            id: m.id,
            kind: kind.into(),
            name: m.name,
            uscc: m.uscc,
            parent_id: m.parent_id,
            township: m.township,
            contact_email: m.contact_email,
            police_station_id: m.police_station_id,
            agency_type: m
                .agency_type
                .as_deref()
                .map(stored::<crate::domain::collaboration::AgencyType>)
                .transpose()?
                .map(Into::into),
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// A new organisation. `agency_type` is required for an agency and refused for every other kind.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateOrganization {
    pub kind: OrganizationKind,
    // Required for agencies, refused for every other kind (see the struct doc).
    pub agency_type: Option<AgencyType>,
    pub name: Text<200>,
    pub uscc: CreditCode,
    /// For judicial offices: their bureau (default: the caller's bureau).
    #[oai(nullable)]
    pub parent_id: Option<Uuid>,
    /// Required for judicial offices.
    #[oai(nullable)]
    pub township: Option<Text<100>>,
    #[oai(nullable)]
    pub contact_email: Option<Email>,
}

/// Changes to an organisation; absent fields stay, `null` clears.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateOrganization {
    #[oai(nullable)]
    pub name: Option<Text<200>>,
    // Agencies only.
    pub agency_type: Option<AgencyType>,
    #[oai(nullable)]
    pub township: MaybeUndefined<Text<100>>,
    #[oai(nullable)]
    pub contact_email: MaybeUndefined<Email>,
    /// Judicial offices only: an agency organisation.
    #[oai(nullable)]
    pub police_station_id: MaybeUndefined<Uuid>,
}

fn location(id: Uuid) -> String {
    format!("/api/v1/organizations/{id}")
}

impl CreateOrganization {
    /// The organisation to register and the request's field errors.
    fn input(&self) -> (NewOrganization, Vec<FieldError>) {
        let mut check = Check::new();
        let name = check.text("name", &self.name);
        let uscc = Uscc::parse(&self.uscc).map_or_else(
            |e| {
                check.fail("uscc", e.to_string());
                String::new()
            },
            |u| u.as_str().to_string(),
        );
        let township = check.opt_text("township", self.township.as_ref());
        let contact_email = self
            .contact_email
            .as_deref()
            .map(|e| check.email("contact_email", e));
        let new = NewOrganization {
            kind: self.kind.into(),
            agency_type: self.agency_type.map(Into::into),
            name,
            uscc,
            parent_id: self.parent_id,
            township,
            contact_email,
        };
        (new, check.into_errors())
    }
}

/// Absent → `None` (unchanged), `null` → `Some(None)` (removed), a value → `Some(Some(_))`.
fn change<T, U>(v: &MaybeUndefined<T>, f: impl FnOnce(&T) -> U) -> Option<Option<U>> {
    match v {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(x) => Some(Some(f(x))),
    }
}

impl UpdateOrganization {
    /// The changes (422 naming every bad field).
    fn input(&self) -> ApiResult<OrgChanges> {
        let mut check = Check::new();
        let name = self.name.as_ref().map(|n| check.text("name", n));
        let township = change(&self.township, |t| check.text("township", t));
        let contact_email = change(&self.contact_email, |e| check.email("contact_email", e));
        check.finish()?;
        Ok(OrgChanges {
            name,
            agency_type: self.agency_type.map(Into::into),
            township,
            contact_email,
            police_station_id: change(&self.police_station_id, |p| *p),
        })
    }
}

pub struct OrganizationsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Organizations")]
impl OrganizationsApi {
    /// List organisations
    ///
    /// NGOs see themselves, the bureau and the judicial offices; agencies see
    /// themselves; bureau staff, judicial offices and the auditor see all.
    #[oai(
        path = "/organizations",
        method = "get",
        operation_id = "list_organizations"
    )]
    #[allow(clippy::too_many_arguments)] // one per query parameter
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        kind: Query<Option<OrganizationKind>>,
        parent_id: Query<Option<Uuid>>,
        agency_type: Query<Option<AgencyType>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Organization>>> {
        let caller = auth.0.require(Permission::ReadOrganizations)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let filter = OrgFilter {
            kind: kind.0.map(Into::into),
            parent_id: parent_id.0,
            agency_type: agency_type.0.map(Into::into),
        };
        let (rows, next) =
            store::organizations::list_visible(&ctx.state.db.read, caller, filter, &page).await?;
        Page::try_from_rows(rows, next, Organization::from_model)
    }

    /// Create an organisation
    ///
    /// The credit code must pass the GB 32100 and GB 11714 checks. A judicial
    /// office needs a township and belongs to a bureau.
    #[oai(
        path = "/organizations",
        method = "post",
        operation_id = "create_organization"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateOrganization>,
    ) -> ApiResult<Created<Organization>> {
        let caller = auth.0.require(Permission::CreateOrganization)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let org = app::organizations::create(&txn, &actor, caller, new, broken).await?;
        txn.commit().await?;
        let id = org.id;
        Ok(Created::Created(
            Json(Organization::from_model(org)?),
            location(id),
        ))
    }

    /// Get an organisation
    #[oai(
        path = "/organizations/:id",
        method = "get",
        operation_id = "get_organization"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Versioned<Organization>> {
        let caller = auth.0.require(Permission::ReadOrganizations)?;
        let org = store::organizations::get_visible(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(org.version);
        Ok(Versioned::Ok(Json(Organization::from_model(org)?), tag))
    }

    /// Update an organisation
    ///
    /// Honours `If-Match: "<version>"` (412 when stale).
    #[oai(
        path = "/organizations/:id",
        method = "patch",
        operation_id = "update_organization"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateOrganization>,
    ) -> ApiResult<Versioned<Organization>> {
        let caller = auth.0.require(Permission::UpdateOrganization)?;
        let changes = body.input()?;
        let txn = ctx.state.db.begin().await?;
        let current = store::organizations::get_visible(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), current.version, false)?;
        let org = app::organizations::update(&txn, &ctx.actor(&auth.0), current, changes).await?;
        txn.commit().await?;
        let tag = etag(org.version);
        Ok(Versioned::Ok(Json(Organization::from_model(org)?), tag))
    }
}
