//! Named enums for the statuses and other closed values of responses and
//! filters (the same schema for both), each with its stored string.

use poem_openapi::Enum;

use super::types::api_enum;
use crate::domain::{
    care::ReferralStatus,
    contract::{AmendmentStatus, ContractStatus, MilestoneStatus},
    hours::MonthStatus,
    id_number::Gender,
    procurement::{BidStatus, ProcurementStatus},
    report::ReportStatus,
};

api_enum!(
    /// A contract's status.
    ContractState <=> ContractStatus {
        Draft = "draft",
        Active = "active",
        Suspended = "suspended",
        Completed = "completed",
        Terminated = "terminated",
    }
);

api_enum!(
    /// An amendment's status.
    AmendmentState <=> AmendmentStatus {
        Proposed = "proposed",
        Approved = "approved",
        Rejected = "rejected",
    }
);

api_enum!(
    /// A payment milestone's status.
    MilestoneState <=> MilestoneStatus {
        Scheduled = "scheduled",
        Eligible = "eligible",
        Approved = "approved",
        Paid = "paid",
        Withheld = "withheld",
    }
);

api_enum!(
    /// A call for proposals' status.
    ProcurementState <=> ProcurementStatus {
        Draft = "draft",
        Published = "published",
        Closed = "closed",
        Awarded = "awarded",
        Cancelled = "cancelled",
    }
);

api_enum!(
    /// A bid's status.
    BidState <=> BidStatus {
        Submitted = "submitted",
        Withdrawn = "withdrawn",
        Awarded = "awarded",
        NotAwarded = "not_awarded",
    }
);

api_enum!(
    /// A periodic report's status.
    ReportState <=> ReportStatus {
        Draft = "draft",
        Submitted = "submitted",
        Returned = "returned",
        Accepted = "accepted",
    }
);

api_enum!(
    /// Gender, as the ID number encodes it.
    GenderCode <=> Gender {
        Male = "male",
        Female = "female",
    }
);

api_enum!(
    /// A session's status.
    SessionState {
        Scheduled = "scheduled",
        Closed = "closed",
        Cancelled = "cancelled",
    }
);

api_enum!(
    /// A participant's status.
    ParticipantState {
        Active = "active",
        Released = "released",
        Revoked = "revoked",
        Transferred = "transferred",
    }
);

api_enum!(
    /// What attendance at a session came to, fixed when the session closes.
    EnrollmentOutcome {
        Present = "present",
        Late = "late",
        LeftEarly = "left_early",
        Excused = "excused",
        NoShow = "no_show",
    }
);

api_enum!(
    /// Where an hours entry comes from.
    EntrySource {
        Attendance = "attendance",
        Manual = "manual",
        Reversal = "reversal",
    }
);

api_enum!(
    /// An hours entry's status: `pending` (manual, awaiting approval),
    /// `approved`, `rejected` (reversed before approval), `posted` (attendance
    /// or reversal), `reversed`.
    EntryStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
        Posted = "posted",
        Reversed = "reversed",
    }
);

api_enum!(
    /// Who wrote an audit event.
    ActorType {
        User = "user",
        Client = "client",
        Anonymous = "anonymous",
        System = "system",
    }
);

api_enum!(
    /// The token type of an access token (RFC 6750).
    TokenType {
        Bearer = "Bearer",
    }
);

api_enum!(
    /// `ok` from `/health`, `ready` from `/ready`.
    HealthState {
        Ok = "ok",
        Ready = "ready",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_values_are_the_domain_values() {
        for s in ContractStatus::ALL {
            assert_eq!(ContractState::from(*s).as_str(), s.as_str());
        }
        for s in AmendmentStatus::ALL {
            assert_eq!(AmendmentState::from(*s).as_str(), s.as_str());
        }
        for s in MilestoneStatus::ALL {
            assert_eq!(MilestoneState::from(*s).as_str(), s.as_str());
        }
        for s in ProcurementStatus::ALL {
            assert_eq!(ProcurementState::from(*s).as_str(), s.as_str());
        }
        for s in BidStatus::ALL {
            assert_eq!(BidState::from(*s).as_str(), s.as_str());
        }
        for s in ReportStatus::ALL {
            assert_eq!(ReportState::from(*s).as_str(), s.as_str());
        }
    }
}

api_enum!(
    /// A month's status.
    HoursStatus <=> MonthStatus {
        OnTrack = "on_track",
        AtRisk = "at_risk",
        Met = "met",
        NotMet = "not_met",
    }
);

// Closed values shared by more than one handler group (the records export
// names them too); each group re-exports its own.

/// 管制 control, 缓刑 probation, 假释 parole, 暂予监外执行 medical_parole.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum CorrectionType {
    Control,
    Probation,
    Parole,
    MedicalParole,
}

/// 严管 strict, 普管 ordinary, 宽管 lenient.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum SupervisionLevel {
    Strict,
    Ordinary,
    Lenient,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum DisciplineKind {
    Commendation,
    Reprimand,
    Warning,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum ReferralNeed {
    Medical,
    Subsistence,
    Employment,
    Housing,
    Education,
    Psychological,
}

api_enum!(
    ReferralState <=> ReferralStatus {
        Open = "open",
        Accepted = "accepted",
        Resolved = "resolved",
        Declined = "declined",
    }
);
