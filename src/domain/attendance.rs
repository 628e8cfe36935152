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
}
