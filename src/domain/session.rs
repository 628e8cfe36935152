//! The lives of a session, an enrolment's outcome and a participant's
//! registration, as types: what may happen from which status, and the
//! rules that read them (excusing an absence, rating an attendance).

use crate::domain::transition::transitions;

transitions!(
    /// A session: scheduled (open for enrolment, edits and check-in) → closed (held) or cancelled.
    SessionStatus {
        Scheduled => "scheduled",
        Closed => "closed",
        Cancelled => "cancelled",
    }
    actions SessionAction {
        Close => "close": [Scheduled] => Closed,
        Cancel => "cancel": [Scheduled] => Cancelled,
    }
);

impl SessionStatus {
    /// `Ok` while the session is scheduled; else the refusal, `the session is closed`.
    pub fn require_scheduled(self) -> Result<(), String> {
        match self {
            SessionStatus::Scheduled => Ok(()),
            other => Err(format!("the session is {other}")),
        }
    }
}

/// What became of an enrolment when its session closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Present,
    Late,
    LeftEarly,
    NoShow,
    Excused,
}

impl Outcome {
    pub const ALL: &'static [Outcome] = &[
        Outcome::Present,
        Outcome::Late,
        Outcome::LeftEarly,
        Outcome::NoShow,
        Outcome::Excused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Present => "present",
            Outcome::Late => "late",
            Outcome::LeftEarly => "left_early",
            Outcome::NoShow => "no_show",
            Outcome::Excused => "excused",
        }
    }

    /// The person came (on time, late or leaving early).
    pub fn attended(self) -> bool {
        matches!(self, Outcome::Present | Outcome::Late | Outcome::LeftEarly)
    }

    /// The stored outcome, if it is one (`None` before the session closed).
    pub fn of(stored: Option<&str>) -> Option<Outcome> {
        stored.and_then(|s| Outcome::ALL.iter().copied().find(|o| o.as_str() == s))
    }
}

/// Whether an absence may be excused (请假): any enrolment while the
/// session is scheduled, a `no_show` (or an already excused one) once it
/// closed; never in a cancelled session. The error is the refusal's text.
pub fn may_excuse(session: SessionStatus, outcome: Option<Outcome>) -> Result<(), String> {
    match (session, outcome) {
        (SessionStatus::Cancelled, _) => Err("the session was cancelled".into()),
        (SessionStatus::Scheduled, _)
        | (SessionStatus::Closed, Some(Outcome::NoShow | Outcome::Excused)) => Ok(()),
        (SessionStatus::Closed, outcome) => Err(format!(
            "only an absence can be excused; the outcome is {}",
            outcome.map(Outcome::as_str).unwrap_or("unknown")
        )),
    }
}

/// Whether an attendance may be rated: one that was attended, in a closed session.
pub fn may_rate(session: SessionStatus, outcome: Option<Outcome>) -> bool {
    session == SessionStatus::Closed && outcome.is_some_and(Outcome::attended)
}

transitions!(
    /// A registration: active → released (解矫), revoked (收监) or transferred out of the county.
    ParticipantStatus {
        Active => "active",
        Released => "released",
        Revoked => "revoked",
        Transferred => "transferred",
    }
    actions ParticipantAction {
        Release => "release": [Active] => Released,
        Revoke => "revoke": [Active] => Revoked,
        Transfer => "transfer": [Active] => Transferred,
    }
);

impl ParticipantStatus {
    /// The outcome of the correction a status records (release: completion,
    /// revocation: revocation).
    pub fn outcome_kind(self) -> Option<&'static str> {
        match self {
            ParticipantStatus::Released => Some("completion"),
            ParticipantStatus::Revoked => Some("revocation"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_closes_or_is_cancelled_once() {
        use SessionAction::*;
        use SessionStatus::*;
        assert_eq!(Scheduled.apply(Close), Ok(Closed));
        assert_eq!(Scheduled.apply(Cancel), Ok(Cancelled));
        for s in [Closed, Cancelled] {
            assert!(s.apply(Close).is_err());
            assert!(s.apply(Cancel).is_err());
            assert_eq!(s.require_scheduled(), Err(format!("the session is {s}")));
        }
        assert_eq!(Scheduled.require_scheduled(), Ok(()));
        assert_eq!("closed".parse::<SessionStatus>(), Ok(Closed));
        assert!("held".parse::<SessionStatus>().is_err());
    }

    #[test]
    fn outcomes_read_back_and_attendance_is_three_of_them() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::of(Some(o.as_str())), Some(*o));
        }
        assert_eq!(Outcome::of(None), None);
        assert_eq!(Outcome::of(Some("absent")), None);
        let attended: Vec<_> = Outcome::ALL.iter().filter(|o| o.attended()).collect();
        assert_eq!(
            attended,
            [&Outcome::Present, &Outcome::Late, &Outcome::LeftEarly]
        );
    }

    #[test]
    fn absences_are_excused_before_the_close_or_as_no_shows_after_it() {
        use SessionStatus::*;
        assert!(may_excuse(Scheduled, None).is_ok());
        assert!(may_excuse(Closed, Some(Outcome::NoShow)).is_ok());
        assert!(may_excuse(Closed, Some(Outcome::Excused)).is_ok());
        assert_eq!(
            may_excuse(Closed, Some(Outcome::Present)),
            Err("only an absence can be excused; the outcome is present".into())
        );
        assert_eq!(
            may_excuse(Cancelled, None),
            Err("the session was cancelled".into())
        );
    }

    #[test]
    fn only_attendance_of_a_closed_session_is_rated() {
        use SessionStatus::*;
        assert!(may_rate(Closed, Some(Outcome::Late)));
        assert!(!may_rate(Closed, Some(Outcome::NoShow)));
        assert!(!may_rate(Closed, None));
        assert!(!may_rate(Scheduled, Some(Outcome::Present)));
    }

    #[test]
    fn a_registration_ends_once() {
        use ParticipantAction::*;
        use ParticipantStatus::*;
        assert_eq!(Active.apply(Release), Ok(Released));
        assert_eq!(Active.apply(Revoke), Ok(Revoked));
        assert_eq!(Active.apply(Transfer), Ok(Transferred));
        for s in [Released, Revoked, Transferred] {
            for a in [Release, Revoke, Transfer] {
                assert!(s.apply(a).is_err(), "{s} {a:?}");
            }
        }
        assert_eq!(Released.outcome_kind(), Some("completion"));
        assert_eq!(Revoked.outcome_kind(), Some("revocation"));
        assert_eq!(Transferred.outcome_kind(), None);
    }
}
