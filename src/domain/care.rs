//! Early warning, discipline and assistance (司法预警 → 乡镇响应 → 民生兜底):
//! alert and referral statuses, and the next disciplinary step the 2020
//! implementing rules suggest.

use crate::domain::transition::transitions;

transitions!(
    /// An alert's life: open → acknowledged → resolved, or escalated to an agency.
    AlertStatus {
        Open => "open",
        Acknowledged => "acknowledged",
        Escalated => "escalated",
        Resolved => "resolved",
    }
    actions AlertAction {
        Acknowledge => "acknowledge": [Open] => Acknowledged,
        Escalate => "escalate": [Open, Acknowledged] => Escalated,
        Resolve => "resolve": [Open, Acknowledged, Escalated] => Resolved,
    }
);

transitions!(
    /// A referral's life: open → accepted → resolved, or declined.
    ReferralStatus {
        Open => "open",
        Accepted => "accepted",
        Resolved => "resolved",
        Declined => "declined",
    }
    actions ReferralAction {
        Accept => "accept": [Open] => Accepted,
        Resolve => "resolve": [Open, Accepted] => Resolved,
        Decline => "decline": [Open] => Declined,
    }
);

/// What an alert is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    NoShow,
    RepeatedAbsence,
    MonthAtRisk,
    MonthNotMet,
    CorrectionEnding,
    BehaviourConcern,
}

impl AlertKind {
    /// The stored (and wire) name.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::NoShow => "no_show",
            AlertKind::RepeatedAbsence => "repeated_absence",
            AlertKind::MonthAtRisk => "month_at_risk",
            AlertKind::MonthNotMet => "month_not_met",
            AlertKind::CorrectionEnding => "correction_ending",
            AlertKind::BehaviourConcern => "behaviour_concern",
        }
    }
}

/// Assistance needs a referral names, with their Chinese names.
pub const NEEDS: &[(&str, &str)] = &[
    ("medical", "医疗救助"),
    ("subsistence", "生活救助"),
    ("employment", "就业帮扶"),
    ("housing", "住房保障"),
    ("education", "教育帮扶"),
    ("psychological", "心理援助"),
];

/// A need as mails name it: `医疗救助 medical` (an unknown code as it is).
pub fn need_label(code: &str) -> String {
    NEEDS
        .iter()
        .find(|n| n.0 == code)
        .map(|n| format!("{} {}", n.1, n.0))
        .unwrap_or_else(|| code.into())
}

/// What is wrong with an outcome recorded by hand: NGOs record
/// `certificate`, `employment` and `assessment`, offices `commendation`,
/// `completion` and `revocation`; an assessment needs both scores (0–100),
/// and only an assessment has scores.
pub fn outcome_problems(
    kind: &str,
    by_ngo: bool,
    scores: (Option<i32>, Option<i32>),
) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let ngo_kind = matches!(kind, "certificate" | "employment" | "assessment");
    if ngo_kind != by_ngo {
        out.push((
            "kind",
            if by_ngo {
                "NGOs record certificate, employment or assessment"
            } else {
                "offices record commendation, completion or revocation"
            },
        ));
    }
    let score_ok = |s: Option<i32>| s.is_some_and(|v| (0..=100).contains(&v));
    if kind == "assessment" {
        for (f, v) in [("score_before", scores.0), ("score_after", scores.1)] {
            if !score_ok(v) {
                out.push((f, "an assessment needs a score of 0–100"));
            }
        }
    } else if scores.0.is_some() || scores.1.is_some() {
        out.push(("score_before", "scores belong to assessments only"));
    }
    out
}

/// Alert kinds raised by the system (the NGO's `behaviour_concern` is the only manual one).
pub const AUTOMATIC_ALERTS: &[&str] = &[
    "no_show",
    "repeated_absence",
    "month_at_risk",
    "month_not_met",
    "correction_ending",
];

/// Unexcused absences in a month that raise `repeated_absence`.
pub const REPEATED_ABSENCES: usize = 2;

/// Days before the end of correction that raise `correction_ending`.
pub const CORRECTION_ENDING_DAYS: i64 = 30;

/// What the rules suggest next, given the records so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Two reprimands (训诫) → a warning (警告).
    Warning,
    /// Two warnings → a proposal to revoke (提请撤销), for the bureau to decide.
    ProposeRevocation,
}

impl NextStep {
    pub fn as_str(self) -> &'static str {
        match self {
            NextStep::Warning => "warning",
            NextStep::ProposeRevocation => "propose_revocation",
        }
    }

    /// A proposal to revoke goes to the bureau.
    pub fn flags_bureau(self) -> bool {
        self == NextStep::ProposeRevocation
    }
}

/// 2020 implementing rules: a warning after two reprimands (counted since the
/// last warning), a proposal to revoke after two warnings.
pub fn suggested_next(kinds_in_date_order: &[&str]) -> Option<NextStep> {
    let warnings = kinds_in_date_order
        .iter()
        .filter(|k| **k == "warning")
        .count();
    if warnings >= 2 {
        return Some(NextStep::ProposeRevocation);
    }
    let since_warning = kinds_in_date_order
        .iter()
        .rev()
        .take_while(|k| **k != "warning")
        .filter(|k| **k == "reprimand")
        .count();
    (since_warning >= 2).then_some(NextStep::Warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discipline_thresholds() {
        assert_eq!(suggested_next(&[]), None);
        assert_eq!(suggested_next(&["reprimand"]), None);
        assert_eq!(
            suggested_next(&["commendation", "reprimand", "reprimand"]),
            Some(NextStep::Warning)
        );
        assert_eq!(
            suggested_next(&["reprimand", "reprimand", "warning"]),
            None,
            "the warning was given"
        );
        assert_eq!(
            suggested_next(&["warning", "reprimand", "reprimand"]),
            Some(NextStep::Warning)
        );
        let two = suggested_next(&["warning", "warning"]).unwrap();
        assert_eq!(two, NextStep::ProposeRevocation);
        assert!(two.flags_bureau());
    }

    #[test]
    fn alert_and_referral_transitions() {
        assert_eq!(
            AlertStatus::Open.apply(AlertAction::Acknowledge),
            Ok(AlertStatus::Acknowledged)
        );
        assert!(AlertStatus::Resolved.apply(AlertAction::Escalate).is_err());
        assert!(
            AlertStatus::Escalated
                .apply(AlertAction::Acknowledge)
                .is_err()
        );
        assert_eq!(
            ReferralStatus::Accepted.apply(ReferralAction::Resolve),
            Ok(ReferralStatus::Resolved)
        );
        assert!(
            ReferralStatus::Accepted
                .apply(ReferralAction::Decline)
                .is_err()
        );
    }

    #[test]
    fn outcomes_belong_to_who_records_them_and_scores_to_assessments() {
        assert!(outcome_problems("employment", true, (None, None)).is_empty());
        assert!(outcome_problems("completion", false, (None, None)).is_empty());
        assert_eq!(
            outcome_problems("completion", true, (None, None))[0].0,
            "kind"
        );
        assert_eq!(
            outcome_problems("certificate", false, (None, None))[0].0,
            "kind"
        );
        assert!(outcome_problems("assessment", true, (Some(40), Some(70))).is_empty());
        let fields: Vec<_> = outcome_problems("assessment", true, (Some(101), None))
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(fields, ["score_before", "score_after"]);
        assert_eq!(
            outcome_problems("employment", true, (Some(1), None)),
            [("score_before", "scores belong to assessments only")]
        );
    }
}
