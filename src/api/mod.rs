//! The HTTP API, declared with poem-openapi. One module per resource group;
//! request and response objects are separate from table rows.

pub mod alerts;
pub mod api_clients;
pub mod audit;
pub mod auth;
pub mod discipline;
pub mod export;
pub mod findings;
pub mod hours;
pub mod meetings;
pub mod notices;
pub mod ops;
pub mod organizations;
pub mod outcomes;
pub mod participants;
pub mod procurement;
pub mod records;
pub mod referrals;
pub mod reports;
pub mod sessions;
pub mod spec;
pub mod stats;
pub mod teams;
pub mod text;
pub mod types;
pub mod users;
pub mod wire;

use std::sync::Arc;

use poem::{FromRequest, Request, RequestBody};
use poem_openapi::{
    ApiResponse, Object, Tags,
    payload::Json,
    types::{ParseFromJSON, ToJSON, Type},
};

use crate::{
    auth::authz::Caller, error::ApiError, middleware::RequestId, state::AppState,
    store::audit::Actor,
};

/// Every operation's tag.
#[derive(Tags)]
pub enum ApiTags {
    /// Liveness, readiness, metrics.
    Operations,
    /// Tokens for users and partner apps.
    Auth,
    /// Bureau, judicial offices, NGOs, agencies, procuratorate.
    Organizations,
    /// People who log in.
    Users,
    /// Partner-app machine clients of an NGO.
    ApiClients,
    /// The hash-chained audit trail.
    Audit,
    /// Calls for proposals, bids, scoring and award (政府购买服务).
    Procurement,
    /// Contracts, KPIs, milestones, amendments and evaluations.
    Contracts,
    /// Persons under correction and volunteers.
    Participants,
    /// Sessions, enrolments and attendance.
    Sessions,
    /// The hours ledger, monthly obligations and requirement policies.
    Hours,
    /// Early warning, discipline and assistance referrals (司法预警—乡镇响应—民生兜底).
    Alerts,
    /// Periodic contract reports, dashboards and CSV exports for the bureau.
    Reports,
    /// Multi-agency collaboration (多部门协同): procuratorate findings, joint meetings and their tasks.
    Collaboration,
}

/// All operations, in spec order (two groups: a tuple implements `OpenApi` up to 16 members).
pub type Apis = (
    (
        ops::OpsApi,
        auth::AuthApi,
        organizations::OrganizationsApi,
        users::UsersApi,
        api_clients::ApiClientsApi,
        audit::AuditApi,
        procurement::procurements::ProcurementsApi,
        procurement::contracts::ContractsApi,
    ),
    (
        participants::ParticipantsApi,
        participants::roster::RosterApi,
        outcomes::OutcomesApi,
        sessions::SessionsApi,
        sessions::attendance::AttendanceApi,
        hours::HoursApi,
        alerts::AlertsApi,
        discipline::DisciplineApi,
        referrals::ReferralsApi,
        reports::ReportsApi,
        stats::StatsApi,
        findings::FindingsApi,
        meetings::MeetingsApi,
        notices::NoticesApi,
        records::RecordsApi,
        teams::TeamsApi,
    ),
);

/// The value of [`Apis`].
pub fn apis() -> Apis {
    (
        (
            ops::OpsApi,
            auth::AuthApi,
            organizations::OrganizationsApi,
            users::UsersApi,
            api_clients::ApiClientsApi,
            audit::AuditApi,
            procurement::procurements::ProcurementsApi,
            procurement::contracts::ContractsApi,
        ),
        (
            participants::ParticipantsApi,
            participants::roster::RosterApi,
            outcomes::OutcomesApi,
            sessions::SessionsApi,
            sessions::attendance::AttendanceApi,
            hours::HoursApi,
            alerts::AlertsApi,
            discipline::DisciplineApi,
            referrals::ReferralsApi,
            reports::ReportsApi,
            stats::StatsApi,
            findings::FindingsApi,
            meetings::MeetingsApi,
            notices::NoticesApi,
            records::RecordsApi,
            teams::TeamsApi,
        ),
    )
}

/// Per-request context: application state, request id and client address.
pub struct Ctx {
    pub state: Arc<AppState>,
    pub request_id: String,
    pub ip: Option<String>,
}

impl<'a> FromRequest<'a> for Ctx {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state = req
            .data::<Arc<AppState>>()
            .cloned()
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
        let request_id = req
            .data::<RequestId>()
            .map(|r| r.0.clone())
            .unwrap_or_default();
        let ip = req
            .remote_addr()
            .as_socket_addr()
            .map(|a| a.ip().to_string());
        Ok(Self {
            state,
            request_id,
            ip,
        })
    }
}

impl Ctx {
    /// The audit actor for a caller in this request.
    /// Today in the bureau's time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        self.state.clock.today(self.state.settings.tz())
    }

    pub fn actor(&self, caller: &Caller) -> Actor {
        let (actor_type, id) = caller.actor();
        Actor {
            actor_type,
            actor_id: Some(id),
            org_id: Some(caller.org_id()),
            request_id: self.request_id.clone(),
        }
    }

    /// The audit actor for an unauthenticated call (login).
    pub fn anonymous(&self) -> Actor {
        Actor {
            actor_type: "anonymous",
            actor_id: None,
            org_id: None,
            request_id: self.request_id.clone(),
        }
    }
}

/// A page of a list: `{items, next_cursor}`.
#[derive(Object)]
pub struct Page<T: ParseFromJSON + ToJSON + Send + Sync> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    #[oai(nullable)]
    pub next_cursor: Option<String>,
}

impl<T: ParseFromJSON + ToJSON + Send + Sync> Page<T> {
    /// Converts rows and wraps them.
    pub fn from_rows<M>(rows: Vec<M>, next: Option<String>, f: impl Fn(M) -> T) -> Json<Self> {
        Json(Self {
            items: rows.into_iter().map(f).collect(),
            next_cursor: next,
        })
    }

    /// Like [`Page::from_rows`] for conversions that can fail.
    pub fn try_from_rows<M>(
        rows: Vec<M>,
        next: Option<String>,
        f: impl Fn(M) -> Result<T, ApiError>,
    ) -> Result<Json<Self>, ApiError> {
        Ok(Json(Self {
            items: rows.into_iter().map(f).collect::<Result<_, _>>()?,
            next_cursor: next,
        }))
    }
}

/// 201 with the new resource and its `Location`.
#[derive(ApiResponse)]
pub enum Created<T: ToJSON + Type + Send + Sync> {
    #[oai(status = 201)]
    Created(
        Json<T>,
        /// URL of the new resource.
        #[oai(header = "Location")]
        String,
    ),
}

/// 200 with a versioned resource and its `ETag`.
#[derive(ApiResponse)]
pub enum Versioned<T: ToJSON + Type + Send + Sync> {
    #[oai(status = 200)]
    Ok(
        Json<T>,
        /// The resource version, for `If-Match`.
        #[oai(header = "ETag")]
        String,
    ),
}

/// The ETag for a version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// Checks `If-Match` against the current version: absent passes unless `required`.
pub fn check_if_match(header: Option<&str>, version: i32, required: bool) -> Result<(), ApiError> {
    let Some(raw) = header else {
        return if required {
            Err(ApiError::PreconditionRequired)
        } else {
            Ok(())
        };
    };
    let matches = raw.split(',').map(str::trim).any(|tag| {
        tag == "*" || tag.trim_start_matches("W/").trim_matches('"') == version.to_string()
    });
    if matches {
        Ok(())
    } else {
        Err(ApiError::PreconditionFailed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_accepts_quoted_weak_and_star() {
        assert!(check_if_match(Some("\"3\""), 3, true).is_ok());
        assert!(check_if_match(Some("W/\"3\""), 3, true).is_ok());
        assert!(check_if_match(Some("*"), 3, true).is_ok());
        assert!(matches!(
            check_if_match(Some("\"2\""), 3, true),
            Err(ApiError::PreconditionFailed)
        ));
        assert!(matches!(
            check_if_match(None, 3, true),
            Err(ApiError::PreconditionRequired)
        ));
        assert!(check_if_match(None, 3, false).is_ok());
    }
}

/// 204 with no body.
#[derive(ApiResponse)]
pub enum NoContent {
    #[oai(status = 204)]
    NoContent,
}
