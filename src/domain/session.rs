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

/// A session's time, place, capacity and credit, as asked for.
#[derive(Clone, Copy, Debug)]
pub struct Schedule {
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub radius_m: Option<i32>,
    pub capacity: i32,
    pub credit_hours: f64,
}

/// A schedule as stored: credit hours ×100 and the point `(lat e6, lon e6, radius)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stored {
    pub credit_hours_x100: i64,
    pub point: Option<(i64, i64, i32)>,
}

impl Schedule {
    /// The stored form and what is wrong, field by field: the end after the
    /// start, the credit positive and at most the duration, a capacity of
    /// 1–10000, and a point given whole (latitude, longitude and radius) or not at all.
    pub fn check(&self) -> (Stored, Vec<(&'static str, &'static str)>) {
        let mut wrong = Vec::new();
        let minutes = (self.ends_at - self.starts_at).num_minutes();
        if minutes <= 0 {
            wrong.push(("ends_at", "must be after starts_at"));
        }
        let credit_x100 = (self.credit_hours * 100.0).round() as i64;
        if !self.credit_hours.is_finite() || credit_x100 <= 0 || credit_x100 * 60 > minutes * 100 {
            wrong.push(("credit_hours", "must be positive and at most the duration"));
        }
        if self.capacity < 1 || self.capacity > 10_000 {
            wrong.push(("capacity", "must be 1–10000"));
        }
        let point = match (self.latitude, self.longitude, self.radius_m) {
            (None, None, None) => None,
            (Some(la), Some(lo), Some(r))
                if (-90.0..=90.0).contains(&la)
                    && (-180.0..=180.0).contains(&lo)
                    && (1..=100_000).contains(&r) =>
            {
                Some(((la * 1e6).round() as i64, (lo * 1e6).round() as i64, r))
            }
            _ => {
                wrong.push((
                    "latitude",
                    "latitude, longitude and radius_m go together and must be valid",
                ));
                None
            }
        };
        (
            Stored {
                credit_hours_x100: credit_x100,
                point,
            },
            wrong,
        )
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

    #[test]
    fn a_schedule_is_checked_as_a_whole() {
        let start: chrono::DateTime<chrono::Utc> = "2027-03-01T06:00:00Z".parse().unwrap();
        let ok = Schedule {
            starts_at: start,
            ends_at: start + chrono::Duration::hours(2),
            latitude: Some(37.43),
            longitude: Some(112.03),
            radius_m: Some(300),
            capacity: 20,
            credit_hours: 2.0,
        };
        let (stored, wrong) = ok.check();
        assert!(wrong.is_empty());
        assert_eq!(stored.credit_hours_x100, 200);
        assert_eq!(stored.point, Some((37_430_000, 112_030_000, 300)));
        let bad = Schedule {
            ends_at: start,
            radius_m: None,
            capacity: 0,
            ..ok
        };
        let fields: Vec<_> = bad.check().1.into_iter().map(|w| w.0).collect();
        assert_eq!(fields, ["ends_at", "credit_hours", "capacity", "latitude"]);
        let too_much = Schedule {
            credit_hours: 2.5,
            ..ok
        };
        assert_eq!(
            too_much.check().1,
            [("credit_hours", "must be positive and at most the duration")]
        );
    }
}
