//! Authorization: one permission matrix (role × operation), checked by a
//! visible `caller.require(Permission::…)` at the top of every handler.
//! Tenant scoping (which rows) lives in `store`, keyed by the same caller.

use uuid::Uuid;

use crate::{
    auth::jwt::{Claims, Subject},
    domain::roles::{OrgKind, Role, Scope},
    error::ApiError,
};

/// A logged-in user.
#[derive(Clone, Debug)]
pub struct UserCaller {
    pub user_id: Uuid,
    pub org_id: Uuid,
    pub org_kind: OrgKind,
    pub role: Role,
}

/// A partner-app client acting for its NGO.
#[derive(Clone, Debug)]
pub struct ClientCaller {
    /// `api_clients.id`.
    pub id: Uuid,
    pub org_id: Uuid,
    pub scopes: Vec<Scope>,
}

/// Whoever presented a valid access token.
#[derive(Clone, Debug)]
pub enum Caller {
    User(UserCaller),
    Client(ClientCaller),
}

/// Operations that need a permission. Reads that every role may do still
/// appear here, so that the matrix is the one place to look. `GET /me` lists
/// the caller's, so a client (the console) shows only the controls that can work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum Permission {
    ReadMe,
    ReadOrganizations,
    CreateOrganization,
    UpdateOrganization,
    ReadUsers,
    CreateUser,
    UpdateUser,
    ChangePassword,
    ReadApiClients,
    ManageApiClients,
    ReadAuditEvents,
    CreateCheckpoint,
    ReadProcurements,
    ManageProcurements,
    SubmitBid,
    ScoreBid,
    ReadContracts,
    ManageContracts,
    ReadContractDetails,
    ProposeAmendment,
    DecideAmendment,
    RecordEvaluation,
    ManageMilestones,
    ReadParticipants,
    RegisterParticipant,
    UpdateParticipant,
    ChangeParticipantStatus,
    /// The provincial roster, imported by a judicial office.
    ImportRoster,
    ReadSessions,
    ManageSessions,
    Enroll,
    RecordAttendance,
    ExcuseAbsence,
    ReadHours,
    LogHours,
    ApproveHours,
    ReadPolicies,
    ManagePolicies,
    ReadAlerts,
    RaiseConcern,
    HandleAlerts,
    /// An agency closes an alert escalated to it, with what it did.
    ResolveEscalatedAlert,
    ReadDiscipline,
    RecordDiscipline,
    ReadReferrals,
    CreateReferral,
    AnswerReferral,
    RecordOutcome,
    ReadReports,
    WriteReports,
    DecideReports,
    ReadCompliance,
    ReadOverview,
    RateAttendance,
    /// Supervision findings: the bureau and the procuratorate all, an office or NGO its own.
    ReadFindings,
    /// The procuratorate's one write: recording a finding…
    RecordFinding,
    /// …and closing or reopening it.
    DecideFinding,
    /// The addressed organisation answers with its rectification.
    RespondFinding,
    /// Joint meetings: every organisation sees those it takes part in.
    ReadMeetings,
    /// The bureau convenes county meetings, a judicial office township ones.
    ConveneMeeting,
    /// Follow-up tasks: an organisation sees those it owns.
    ReadTasks,
    /// The owning organisation reports a task done.
    CompleteTask,
    /// Assistance notices: the bureau and the procuratorate all, an office its people's, a committee its own.
    ReadNotices,
    /// A judicial office issues a notice to a person's village committee.
    IssueNotice,
    /// The committee's staff acknowledge it.
    AcknowledgeNotice,
    /// The month's education and assistance records (full ID numbers): offices their own, the bureau all.
    ExportRecords,
    /// A person's correction team: the bureau, the procuratorate and the person's office (never NGOs).
    ReadTeam,
    /// The person's judicial office sets the team.
    ManageTeam,
    /// A person's plan versions: the bureau, the procuratorate (no notes), the person's office, NGOs with the person enrolled (goals only).
    ReadPlans,
    /// The person's judicial office adds a plan version.
    AddPlan,
}

impl Permission {
    /// Every permission, for exhaustive matrix tests.
    pub const ALL: &'static [Permission] = &[
        Permission::ReadMe,
        Permission::ReadOrganizations,
        Permission::CreateOrganization,
        Permission::UpdateOrganization,
        Permission::ReadUsers,
        Permission::CreateUser,
        Permission::UpdateUser,
        Permission::ChangePassword,
        Permission::ReadApiClients,
        Permission::ManageApiClients,
        Permission::ReadAuditEvents,
        Permission::CreateCheckpoint,
        Permission::ReadProcurements,
        Permission::ManageProcurements,
        Permission::SubmitBid,
        Permission::ScoreBid,
        Permission::ReadContracts,
        Permission::ManageContracts,
        Permission::ReadContractDetails,
        Permission::ProposeAmendment,
        Permission::DecideAmendment,
        Permission::RecordEvaluation,
        Permission::ManageMilestones,
        Permission::ReadParticipants,
        Permission::RegisterParticipant,
        Permission::UpdateParticipant,
        Permission::ChangeParticipantStatus,
        Permission::ImportRoster,
        Permission::ReadSessions,
        Permission::ManageSessions,
        Permission::Enroll,
        Permission::RecordAttendance,
        Permission::ExcuseAbsence,
        Permission::ReadHours,
        Permission::LogHours,
        Permission::ApproveHours,
        Permission::ReadPolicies,
        Permission::ManagePolicies,
        Permission::ReadAlerts,
        Permission::RaiseConcern,
        Permission::HandleAlerts,
        Permission::ResolveEscalatedAlert,
        Permission::ReadDiscipline,
        Permission::RecordDiscipline,
        Permission::ReadReferrals,
        Permission::CreateReferral,
        Permission::AnswerReferral,
        Permission::RecordOutcome,
        Permission::ReadReports,
        Permission::WriteReports,
        Permission::DecideReports,
        Permission::ReadCompliance,
        Permission::ReadOverview,
        Permission::RateAttendance,
        Permission::ReadFindings,
        Permission::RecordFinding,
        Permission::DecideFinding,
        Permission::RespondFinding,
        Permission::ReadMeetings,
        Permission::ConveneMeeting,
        Permission::ReadTasks,
        Permission::CompleteTask,
        Permission::ReadNotices,
        Permission::IssueNotice,
        Permission::AcknowledgeNotice,
        Permission::ExportRecords,
        Permission::ReadTeam,
        Permission::ManageTeam,
        Permission::ReadPlans,
        Permission::AddPlan,
    ];
}

/// The matrix. `ngo_admin` manages users and clients of its own NGO only
/// (enforced by the store scope); the auditor writes only supervision
/// findings (and signs checkpoints of the trail, which changes no record).
pub fn allowed(role: Role, permission: Permission) -> bool {
    use Permission as P;
    use Role::*;
    match permission {
        P::ReadMe | P::ReadOrganizations | P::ReadUsers | P::ChangePassword => true,
        P::CreateOrganization | P::UpdateOrganization => role == Admin,
        P::CreateUser | P::UpdateUser => matches!(role, Admin | NgoAdmin),
        P::ReadApiClients => matches!(role, Admin | Auditor | NgoAdmin),
        P::ManageApiClients => role == NgoAdmin,
        P::ReadAuditEvents => matches!(role, Admin | Auditor),
        // Signing the chain head changes no record: it is the auditor's own
        // supervision tool (and the admin's), like reading the trail.
        P::CreateCheckpoint => matches!(role, Admin | Auditor),
        P::ReadProcurements | P::ReadContractDetails => {
            matches!(role, Admin | Officer | Auditor | NgoAdmin | NgoStaff)
        }
        P::ReadContracts => matches!(
            role,
            Admin | Officer | Auditor | OfficeStaff | NgoAdmin | NgoStaff
        ),
        P::ManageProcurements
        | P::ScoreBid
        | P::ManageContracts
        | P::DecideAmendment
        | P::RecordEvaluation
        | P::ManageMilestones => role == Officer,
        P::SubmitBid => role == NgoAdmin,
        P::ProposeAmendment => matches!(role, Officer | NgoAdmin),
        P::ReadParticipants => true,
        P::RegisterParticipant | P::UpdateParticipant => {
            matches!(role, OfficeStaff | NgoAdmin | NgoStaff)
        }
        P::ChangeParticipantStatus | P::ImportRoster => role == OfficeStaff,
        P::ReadSessions => role != AgencyStaff,
        P::ManageSessions | P::RecordAttendance => matches!(role, NgoAdmin | NgoStaff),
        P::Enroll | P::LogHours => matches!(role, OfficeStaff | NgoAdmin | NgoStaff),
        P::ExcuseAbsence => role == OfficeStaff,
        P::ReadHours => role != AgencyStaff,
        // Offices approve their people's hours; an NGO's admin its volunteers'.
        P::ApproveHours => matches!(role, OfficeStaff | NgoAdmin),
        P::ReadPolicies => true,
        P::ManagePolicies => role == Admin,
        P::ReadAlerts => true,
        P::RaiseConcern => matches!(role, NgoAdmin | NgoStaff),
        P::HandleAlerts | P::RecordDiscipline | P::CreateReferral => role == OfficeStaff,
        // NGOs never see discipline records.
        P::ReadDiscipline => matches!(role, Admin | Officer | Auditor | OfficeStaff),
        P::ReadReferrals => matches!(role, Admin | Officer | Auditor | OfficeStaff | AgencyStaff),
        P::AnswerReferral | P::ResolveEscalatedAlert => role == AgencyStaff,
        P::RecordOutcome => matches!(role, OfficeStaff | NgoAdmin | NgoStaff),
        P::ReadReports => matches!(role, Admin | Officer | Auditor | NgoAdmin | NgoStaff),
        P::WriteReports | P::RateAttendance => matches!(role, NgoAdmin | NgoStaff),
        P::DecideReports => role == Officer,
        P::ReadCompliance => matches!(role, Admin | Officer | Auditor | OfficeStaff),
        P::ReadOverview => matches!(role, Admin | Officer | Auditor),
        P::ReadFindings => role != AgencyStaff,
        P::RecordFinding | P::DecideFinding => role == Auditor,
        P::RespondFinding => matches!(role, Admin | Officer | OfficeStaff | NgoAdmin),
        P::ReadMeetings | P::ReadTasks => true,
        P::ConveneMeeting => matches!(role, Officer | OfficeStaff),
        P::CompleteTask => role != Auditor,
        P::ReadNotices => matches!(role, Admin | Officer | Auditor | OfficeStaff | AgencyStaff),
        P::IssueNotice => role == OfficeStaff,
        P::AcknowledgeNotice => role == AgencyStaff,
        P::ExportRecords => matches!(role, Admin | Officer | OfficeStaff),
        P::ReadTeam => matches!(role, Admin | Officer | Auditor | OfficeStaff),
        P::ManageTeam => role == OfficeStaff,
        P::ReadPlans => role != AgencyStaff,
        P::AddPlan => role == OfficeStaff,
    }
}

impl Caller {
    /// Builds a caller from verified claims; `None` if they are inconsistent.
    pub fn from_claims(claims: &Claims) -> Option<Self> {
        let id = claims.sub.parse().ok()?;
        let org_kind: OrgKind = claims.okind.parse().ok()?;
        match claims.typ {
            Subject::User => {
                let role: Role = claims.role.as_deref()?.parse().ok()?;
                (role.org_kind() == org_kind).then_some(Caller::User(UserCaller {
                    user_id: id,
                    org_id: claims.org,
                    org_kind,
                    role,
                }))
            }
            Subject::Client => {
                let scopes = claims
                    .scope
                    .as_deref()
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::parse)
                    .collect::<Result<Vec<Scope>, _>>()
                    .ok()?;
                (org_kind == OrgKind::Ngo).then_some(Caller::Client(ClientCaller {
                    id,
                    org_id: claims.org,
                    scopes,
                }))
            }
        }
    }

    /// The user behind this call, if the role may perform `permission`; 403 otherwise.
    pub fn require(&self, permission: Permission) -> Result<&UserCaller, ApiError> {
        match self {
            Caller::User(u) if allowed(u.role, permission) => Ok(u),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// For reads that partner apps may also do: a user with `permission`, or
    /// a client with `scope`, which then reads exactly as its NGO's staff do.
    pub fn reader(&self, permission: Permission, scope: Scope) -> Result<UserCaller, ApiError> {
        match self {
            Caller::Client(c) if c.scopes.contains(&scope) => Ok(UserCaller {
                user_id: c.id,
                org_id: c.org_id,
                org_kind: OrgKind::Ngo,
                role: Role::NgoStaff,
            }),
            _ => self.require(permission).cloned(),
        }
    }

    /// The organisation the caller acts for.
    pub fn org_id(&self) -> Uuid {
        match self {
            Caller::User(u) => u.org_id,
            Caller::Client(c) => c.org_id,
        }
    }

    /// `("user" | "client", id)` for the audit trail.
    pub fn actor(&self) -> (&'static str, Uuid) {
        match self {
            Caller::User(u) => ("user", u.user_id),
            Caller::Client(c) => ("client", c.id),
        }
    }
}

impl UserCaller {
    /// True for bureau staff and the procuratorate, who see every tenant.
    pub fn sees_all_tenants(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Officer | Role::Auditor)
    }
}

/// Which roles a user manager may hand out: the bureau admin any, an NGO
/// admin only NGO roles.
pub fn may_assign(caller: &UserCaller, role: Role) -> bool {
    caller.role == Role::Admin || matches!(role, Role::NgoAdmin | Role::NgoStaff)
}

/// Whose users a user manager manages: the bureau admin every
/// organisation's, an NGO admin its own NGO's.
pub fn manages_users_of(caller: &UserCaller, org_id: Uuid) -> bool {
    caller.role != Role::NgoAdmin || org_id == caller.org_id
}

/// Whose monthly compliance a reader sees: a judicial office only its own
/// (asking for another is a 404), everyone else with `ReadCompliance` the
/// office asked for or all (`None`).
pub fn compliance_scope(
    caller: &UserCaller,
    requested: Option<Uuid>,
) -> Result<Option<Uuid>, ApiError> {
    if caller.role != Role::OfficeStaff {
        return Ok(requested);
    }
    match requested {
        Some(o) if o != caller.org_id => Err(ApiError::NotFound),
        _ => Ok(Some(caller.org_id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_auditor_writes_only_findings() {
        for p in [Permission::RecordFinding, Permission::DecideFinding] {
            for r in Role::ALL {
                assert_eq!(allowed(*r, p), *r == Role::Auditor, "{r:?} {p:?}");
            }
        }
        assert!(!allowed(Role::Auditor, Permission::RespondFinding));
    }

    #[test]
    fn auditor_never_writes() {
        for p in Permission::ALL {
            let write = !matches!(
                p,
                Permission::ReadMe
                    | Permission::ReadOrganizations
                    | Permission::ReadUsers
                    | Permission::ReadApiClients
                    | Permission::ReadAuditEvents
                    | Permission::CreateCheckpoint
                    | Permission::ChangePassword
                    | Permission::ReadProcurements
                    | Permission::ReadContracts
                    | Permission::ReadContractDetails
                    | Permission::ReadParticipants
                    | Permission::ReadSessions
                    | Permission::ReadHours
                    | Permission::ReadPolicies
                    | Permission::ReadAlerts
                    | Permission::ReadDiscipline
                    | Permission::ReadReferrals
                    | Permission::ReadReports
                    | Permission::ReadCompliance
                    | Permission::ReadOverview
                    | Permission::ReadFindings
                    | Permission::ReadMeetings
                    | Permission::ReadTasks
                    | Permission::ReadNotices
                    | Permission::ReadTeam
                    | Permission::ReadPlans
                    // The supervision findings: the auditor's only write.
                    | Permission::RecordFinding
                    | Permission::DecideFinding
            );
            if write {
                assert!(!allowed(Role::Auditor, *p), "auditor may {p:?}");
            }
        }
    }

    #[test]
    fn only_admin_and_auditor_read_the_audit_trail() {
        for r in Role::ALL {
            assert_eq!(
                allowed(*r, Permission::ReadAuditEvents),
                matches!(r, Role::Admin | Role::Auditor)
            );
        }
    }

    #[test]
    fn only_a_judicial_office_imports_a_roster_and_user_managers_keep_to_their_own() {
        for r in Role::ALL {
            assert_eq!(
                allowed(*r, Permission::ImportRoster),
                *r == Role::OfficeStaff,
                "{r:?}"
            );
        }
        let caller = |role, org| UserCaller {
            user_id: Uuid::nil(),
            org_id: org,
            org_kind: role_org_kind(role),
            role,
        };
        let (ngo, other) = (Uuid::now_v7(), Uuid::now_v7());
        let admin = caller(Role::Admin, Uuid::now_v7());
        let ngo_admin = caller(Role::NgoAdmin, ngo);
        assert!(may_assign(&admin, Role::Officer));
        assert!(may_assign(&ngo_admin, Role::NgoStaff));
        assert!(!may_assign(&ngo_admin, Role::OfficeStaff));
        assert!(manages_users_of(&admin, other));
        assert!(manages_users_of(&ngo_admin, ngo));
        assert!(!manages_users_of(&ngo_admin, other));
        let office = caller(Role::OfficeStaff, ngo);
        assert!(matches!(
            compliance_scope(&office, Some(other)),
            Err(ApiError::NotFound)
        ));
        assert_eq!(compliance_scope(&office, None).ok(), Some(Some(ngo)));
        assert_eq!(compliance_scope(&admin, None).ok(), Some(None));
    }

    fn role_org_kind(r: Role) -> OrgKind {
        r.org_kind()
    }
}
