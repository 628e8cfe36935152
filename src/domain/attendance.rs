//! Turning check events into an outcome and credited hours when a session
//! closes. Hours are integers ×100, rounded down to quarter hours.

use chrono::{DateTime, Duration, Utc};

/// A session's time window and credit.
pub struct Window {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub credit_hours_x100: i64,
    /// Minutes after the start (and before the end) that still count as on time.
    pub grace_minutes: i64,
}

/// The outcome of one enrolment.
#[derive(Debug, PartialEq, Eq)]
pub struct Finalized {
    pub outcome: &'static str,
    pub check_in_at: Option<DateTime<Utc>>,
    pub check_out_at: Option<DateTime<Utc>>,
    pub hours_x100: i64,
    /// No check-out was recorded: credited to the session end.
    pub auto_checkout: bool,
}

/// Quarter hours (×100) of overlap between `[from, to]` and the window, capped at the credit.
pub fn credited_x100(w: &Window, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let start = from.max(w.starts_at);
    let end = to.min(w.ends_at);
    let minutes = (end - start).num_minutes().max(0);
    ((minutes / 15) * 25).min(w.credit_hours_x100)
}

/// `events`: `(is_check_in, at)` in any order.
pub fn finalize(w: &Window, events: &[(bool, DateTime<Utc>)]) -> Finalized {
    let Some(check_in) = events.iter().filter(|e| e.0).map(|e| e.1).min() else {
        return Finalized {
            outcome: "no_show",
            check_in_at: None,
            check_out_at: None,
            hours_x100: 0,
            auto_checkout: false,
        };
    };
    let check_out = events
        .iter()
        .filter(|e| !e.0 && e.1 > check_in)
        .map(|e| e.1)
        .max();
    let auto_checkout = check_out.is_none();
    let out = check_out.unwrap_or(w.ends_at);
    let grace = Duration::minutes(w.grace_minutes);
    let outcome = if check_in > w.starts_at + grace {
        "late"
    } else if !auto_checkout && out < w.ends_at - grace {
        "left_early"
    } else {
        "present"
    };
    Finalized {
        outcome,
        check_in_at: Some(check_in),
        check_out_at: Some(out),
        hours_x100: credited_x100(w, check_in, out),
        auto_checkout,
    }
}

/// While a session runs: the first check-in and the last check-out after it
/// (`events` as for [`finalize`]); nothing is inferred before the session closes.
pub fn so_far(events: &[(bool, DateTime<Utc>)]) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let check_in = events.iter().filter(|e| e.0).map(|e| e.1).min();
    let check_out = check_in.and_then(|first| {
        events
            .iter()
            .filter(|e| !e.0 && e.1 > first)
            .map(|e| e.1)
            .max()
    });
    (check_in, check_out)
}

/// Where a check event comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// NGO staff at the session.
    Staff,
    /// The session's rotating QR code.
    Qr,
    /// A partner app on the person's device.
    App,
}

impl Source {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Staff => "staff",
            Source::Qr => "qr",
            Source::App => "app",
        }
    }
}

/// What is known about one check event when it arrives.
pub struct Arrival {
    pub source: Source,
    /// Recorded by a partner app (client credentials) rather than a user.
    pub by_client: bool,
    /// For `Qr`: whether its token is this session's current code.
    pub qr_valid: bool,
    /// The session's point and radius in metres, if it has one.
    pub point: Option<(f64, f64, f64)>,
    /// The device location sent with the event.
    pub location: Option<(f64, f64)>,
    pub at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub now: DateTime<Utc>,
    pub enrolled: bool,
    /// The person is still under correction (or volunteering): `active`.
    pub active: bool,
}

/// Why a check event is refused, field by field (empty: accepted). Staff
/// record `staff` events and apps `app` or `qr` ones; a QR event carries the
/// current code; an app event inside a session's radius when it has one;
/// the time within two hours of the session and not in the future; the
/// person enrolled and still active.
pub fn refusals(a: &Arrival) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    match a.source {
        Source::Staff if a.by_client => {
            out.push(("source", "partner apps record `app` or `qr` events"))
        }
        Source::App if !a.by_client => out.push(("source", "`app` events come from partner apps")),
        Source::Qr if !a.qr_valid => {
            out.push(("qr_token", "missing, expired or not this session's code"))
        }
        _ => {}
    }
    if let (Source::App, Some((lat, lon, r))) = (a.source, a.point) {
        match a.location {
            Some((la, lo)) if crate::domain::geo::distance_m(la, lo, lat, lon) <= r => {}
            Some(_) => out.push(("latitude", "the location is outside the session's radius")),
            None => out.push(("latitude", "this session needs the device location")),
        }
    }
    if a.at < a.starts_at - Duration::hours(2)
        || a.at > a.ends_at + Duration::hours(2)
        || a.at > a.now + Duration::minutes(5)
    {
        out.push(("at", "must be near the session time and not in the future"));
    }
    if !a.enrolled {
        out.push(("participant_id", "is not enrolled in this session"));
    } else if !a.active {
        out.push((
            "participant_id",
            "is no longer active (released, revoked or transferred)",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn so_far_shows_the_first_check_in_and_a_later_check_out_only() {
        assert_eq!(so_far(&[]), (None, None));
        assert_eq!(
            so_far(&[(false, t(9, 30))]),
            (None, None),
            "a check-out alone"
        );
        assert_eq!(
            so_far(&[(true, t(9, 10)), (true, t(9, 5)), (false, t(9, 0))]),
            (Some(t(9, 5)), None),
            "a check-out before the check-in is not one"
        );
        assert_eq!(
            so_far(&[(true, t(9, 5)), (false, t(10, 0)), (false, t(10, 30))]),
            (Some(t(9, 5)), Some(t(10, 30)))
        );
    }

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        format!("2027-03-01T{h:02}:{m:02}:00Z").parse().unwrap()
    }

    fn window() -> Window {
        Window {
            starts_at: t(9, 0),
            ends_at: t(11, 0),
            credit_hours_x100: 150,
            grace_minutes: 10,
        }
    }

    #[test]
    fn outcomes() {
        let w = window();
        assert_eq!(finalize(&w, &[]).outcome, "no_show");
        let p = finalize(&w, &[(true, t(8, 55)), (false, t(11, 5))]);
        assert_eq!(
            (p.outcome, p.hours_x100, p.auto_checkout),
            ("present", 150, false)
        );
        let l = finalize(&w, &[(true, t(9, 20)), (false, t(11, 0))]);
        assert_eq!((l.outcome, l.hours_x100), ("late", 150));
        let e = finalize(&w, &[(false, t(10, 0)), (true, t(9, 0))]);
        assert_eq!((e.outcome, e.hours_x100), ("left_early", 100));
        let a = finalize(&w, &[(true, t(9, 5))]);
        assert_eq!(
            (a.outcome, a.auto_checkout, a.check_out_at),
            ("present", true, Some(t(11, 0)))
        );
    }

    #[test]
    fn hours_round_down_to_quarters_and_cap() {
        let w = window();
        assert_eq!(credited_x100(&w, t(9, 0), t(9, 44)), 50);
        assert_eq!(credited_x100(&w, t(9, 0), t(9, 45)), 75);
        assert_eq!(credited_x100(&w, t(8, 0), t(12, 0)), 150);
        assert_eq!(credited_x100(&w, t(11, 30), t(12, 0)), 0);
    }

    fn arrival(source: Source) -> Arrival {
        let start: DateTime<Utc> = "2027-03-01T06:00:00Z".parse().unwrap();
        Arrival {
            source,
            by_client: source != Source::Staff,
            qr_valid: true,
            point: Some((37.43, 112.03, 300.0)),
            location: Some((37.4301, 112.0301)),
            at: start,
            starts_at: start,
            ends_at: start + Duration::hours(2),
            now: start + Duration::minutes(10),
            enrolled: true,
            active: true,
        }
    }

    #[test]
    fn a_check_event_is_accepted_only_from_its_proper_source_place_and_time() {
        for s in [Source::Staff, Source::Qr, Source::App] {
            assert!(refusals(&arrival(s)).is_empty(), "{s:?}");
        }
        let fields = |a: &Arrival| refusals(a).into_iter().map(|r| r.0).collect::<Vec<_>>();
        let mut a = arrival(Source::Staff);
        a.by_client = true;
        assert_eq!(fields(&a), ["source"]);
        let mut a = arrival(Source::App);
        a.by_client = false;
        assert_eq!(fields(&a), ["source"]);
        let mut a = arrival(Source::Qr);
        a.qr_valid = false;
        assert_eq!(fields(&a), ["qr_token"]);
        let mut a = arrival(Source::App);
        a.location = Some((37.45, 112.03)); // about 2 km north
        assert_eq!(fields(&a), ["latitude"]);
        a.location = None;
        assert_eq!(fields(&a), ["latitude"]);
        a.point = None;
        assert!(fields(&a).is_empty(), "no point, no geofence");
        let mut a = arrival(Source::Staff);
        a.at = a.now + Duration::minutes(6);
        assert_eq!(fields(&a), ["at"]);
        a.at = a.starts_at - Duration::hours(3);
        a.enrolled = false;
        assert_eq!(fields(&a), ["at", "participant_id"]);
        let mut a = arrival(Source::Staff);
        a.active = false;
        assert_eq!(
            refusals(&a),
            [(
                "participant_id",
                "is no longer active (released, revoked or transferred)"
            )]
        );
    }
}
