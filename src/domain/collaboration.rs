//! Multi-agency collaboration (多部门协同): the kinds of agency a bureau works
//! with; joint meetings (联席会议: planned → held → closed, minutes frozen
//! once closed) and their follow-up tasks (open → done, overdue past their
//! day); the procuratorate's supervision findings (检察监督, 即知即改):
//! open → responded (the addressed organisation says what it rectified) →
//! closed by the procuratorate, or reopened.

use chrono::NaiveDate;

use crate::domain::transition::transitions;

/// What kind of agency an agency organisation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgencyType {
    /// 乡镇（街道）综治办 and other township bodies.
    Township,
    /// 民政.
    CivilAffairs,
    /// 公安 (police stations).
    Police,
    /// 村（居）民委员会.
    VillageCommittee,
    /// 法院.
    Court,
    /// 卫生健康 (hospitals, CDC).
    Health,
    /// 政法委.
    PoliticalLegal,
}

impl AgencyType {
    pub const ALL: [AgencyType; 7] = [
        AgencyType::Township,
        AgencyType::CivilAffairs,
        AgencyType::Police,
        AgencyType::VillageCommittee,
        AgencyType::Court,
        AgencyType::Health,
        AgencyType::PoliticalLegal,
    ];

    /// The stored (and wire) name.
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyType::Township => "township",
            AgencyType::CivilAffairs => "civil_affairs",
            AgencyType::Police => "police",
            AgencyType::VillageCommittee => "village_committee",
            AgencyType::Court => "court",
            AgencyType::Health => "health",
            AgencyType::PoliticalLegal => "political_legal",
        }
    }
}

impl std::str::FromStr for AgencyType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        AgencyType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown agency type {s}"))
    }
}

transitions!(
    /// A supervision finding's life.
    FindingStatus {
        Open => "open",
        Responded => "responded",
        Closed => "closed",
    }
    actions FindingAction {
        Respond => "respond": [Open] => Responded,
        Accept => "accept": [Responded] => Closed,
        Reopen => "reopen": [Responded, Closed] => Open,
    }
);

transitions!(
    /// A joint meeting's life: its minutes can change until it is closed.
    MeetingStatus {
        Planned => "planned",
        Held => "held",
        Closed => "closed",
    }
    actions MeetingAction {
        Hold => "hold": [Planned] => Held,
        Close => "close": [Held] => Closed,
    }
);

impl MeetingStatus {
    /// Minutes (the meeting, its items and tasks) change only before closing.
    pub fn editable(self) -> bool {
        self != MeetingStatus::Closed
    }
}

transitions!(
    /// A follow-up task: open until its owner reports the result.
    TaskStatus {
        Open => "open",
        Done => "done",
    }
    actions TaskAction {
        Complete => "complete": [Open] => Done,
    }
);

/// An open task is overdue the day after it was due.
pub fn task_overdue(status: TaskStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    status == TaskStatus::Open && due_on < today
}

transitions!(
    /// An assistance notice: sent to the committee until it acknowledges.
    NoticeStatus {
        Sent => "sent",
        Acknowledged => "acknowledged",
    }
    actions NoticeAction {
        Acknowledge => "acknowledge": [Sent] => Acknowledged,
    }
);

/// Days an assistance notice may stay unacknowledged before the one reminder.
pub const NOTICE_REMINDER_DAYS: i64 = 5;

/// `WS-XZ-2026-007` style numbers (XZ: 协助), per bureau and year.
pub fn notice_no(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}-XZ-{year}-{seq:03}")
}

/// One member of a person's correction team (矫正小组).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TeamMember {
    pub name: String,
    /// office_staff, village_committee, ngo_worker, family, doctor, volunteer or other.
    pub role: String,
    pub organization_id: Option<uuid::Uuid>,
    /// female or male.
    pub gender: String,
    pub phone: Option<String>,
}

/// Art. 25 of the Community Corrections Law: a woman under correction has a
/// woman on her correction team.
pub fn team_problem(person_gender: Option<&str>, members: &[TeamMember]) -> Option<&'static str> {
    let needs_woman = person_gender == Some("female");
    (needs_woman && !members.iter().any(|m| m.gender == "female")).then_some(
        "a woman under correction needs at least one woman on her correction team (Community Corrections Law, Art. 25)",
    )
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectKind {
    Participant,
    Session,
    Contract,
    AuditEvent,
    None,
}

impl SubjectKind {
    /// The stored (and wire) name.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Participant => "participant",
            SubjectKind::Session => "session",
            SubjectKind::Contract => "contract",
            SubjectKind::AuditEvent => "audit_event",
            SubjectKind::None => "none",
        }
    }

    /// Whether a subject of this kind names a record (`id` required) or not
    /// (`id` refused).
    pub fn needs_id(self) -> bool {
        self != SubjectKind::None
    }
}

/// A finding still waiting for the addressed organisation is overdue the
/// day after its rectification deadline.
pub fn finding_overdue(status: FindingStatus, rectify_by: NaiveDate, today: NaiveDate) -> bool {
    status == FindingStatus::Open && rectify_by < today
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_types_round_trip_their_names() {
        for t in AgencyType::ALL {
            assert_eq!(t.as_str().parse::<AgencyType>(), Ok(t));
        }
        assert!("ministry".parse::<AgencyType>().is_err());
    }

    #[test]
    fn a_finding_is_answered_then_closed_or_reopened() {
        use FindingAction::*;
        use FindingStatus::*;
        assert_eq!(Open.apply(Respond), Ok(Responded));
        assert_eq!(Responded.apply(Accept), Ok(Closed));
        assert_eq!(Responded.apply(Reopen), Ok(Open));
        assert_eq!(Closed.apply(Reopen), Ok(Open));
        assert!(
            Open.apply(Accept).is_err(),
            "nothing to accept before an answer"
        );
        assert!(Closed.apply(Respond).is_err());
        assert!(Open.apply(Reopen).is_err());
    }

    #[test]
    fn a_meeting_is_held_then_closed_and_closed_minutes_are_frozen() {
        use MeetingAction::*;
        use MeetingStatus::*;
        assert_eq!(Planned.apply(Hold), Ok(Held));
        assert_eq!(Held.apply(Close), Ok(Closed));
        assert!(Planned.apply(Close).is_err(), "held first");
        assert!(Closed.apply(Hold).is_err());
        assert!(Planned.editable() && Held.editable() && !Closed.editable());
    }

    #[test]
    fn tasks_are_done_once_and_overdue_only_while_open() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        assert_eq!(
            TaskStatus::Open.apply(TaskAction::Complete),
            Ok(TaskStatus::Done)
        );
        assert!(TaskStatus::Done.apply(TaskAction::Complete).is_err());
        assert!(!task_overdue(TaskStatus::Open, d(7), d(7)));
        assert!(task_overdue(TaskStatus::Open, d(7), d(8)));
        assert!(!task_overdue(TaskStatus::Done, d(7), d(8)));
    }

    #[test]
    fn notices_are_numbered_per_year_and_acknowledged_once() {
        assert_eq!(notice_no("WS", 2026, 7), "WS-XZ-2026-007");
        assert_eq!(
            NoticeStatus::Sent.apply(NoticeAction::Acknowledge),
            Ok(NoticeStatus::Acknowledged)
        );
        assert!(
            NoticeStatus::Acknowledged
                .apply(NoticeAction::Acknowledge)
                .is_err()
        );
    }

    #[test]
    fn a_woman_under_correction_has_a_woman_on_her_team() {
        let member = |gender: &str| TeamMember {
            name: "x".into(),
            role: "office_staff".into(),
            organization_id: None,
            gender: gender.into(),
            phone: None,
        };
        assert!(team_problem(Some("female"), &[member("male")]).is_some());
        assert!(team_problem(Some("female"), &[]).is_some());
        assert_eq!(
            team_problem(Some("female"), &[member("male"), member("female")]),
            None
        );
        assert_eq!(team_problem(Some("male"), &[member("male")]), None);
    }

    #[test]
    fn only_unanswered_findings_go_overdue() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        assert!(!finding_overdue(FindingStatus::Open, d(7), d(7)));
        assert!(finding_overdue(FindingStatus::Open, d(7), d(8)));
        assert!(!finding_overdue(FindingStatus::Responded, d(7), d(8)));
        assert!(!finding_overdue(FindingStatus::Closed, d(7), d(8)));
    }
}
