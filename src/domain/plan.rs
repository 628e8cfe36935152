//! Individual correction plans (矫正方案, Community Corrections Law Art. 24):
//! append-only versions per person. Each takes effect on a day; the version
//! in effect for a month is the newest one that has taken effect by the
//! month's last day. Its monthly hours (when it sets them) replace the
//! supervision-level requirement of the bureau's policy for that month, and
//! its session goals (e.g. two individual-counseling sessions a month) are
//! met or missed in the month.

use chrono::NaiveDate;

use crate::domain::{
    hours::{Month, Policy, Requirement},
    roles::Role,
};

/// A goal of so many attended sessions of one type per month.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SessionGoal {
    /// A session type (`individual_counseling`, …).
    pub session_type: String,
    pub per_month: i32,
}

/// Where a month stands against one goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalStatus {
    /// Reached (attended at least `per_month`).
    Met,
    /// The month ended short of it.
    Missed,
    /// The month is not over and the goal not yet reached.
    Open,
}

/// A goal's status in `month`, with `attended` sessions of its type, as of `today`.
pub fn goal_status(per_month: i32, attended: i64, month: Month, today: NaiveDate) -> GoalStatus {
    if attended >= i64::from(per_month) {
        GoalStatus::Met
    } else if today > month.last_day() {
        GoalStatus::Missed
    } else {
        GoalStatus::Open
    }
}

/// Whether a version that takes effect on `effective_from` can govern `month`.
pub fn governs(effective_from: NaiveDate, month: Month) -> bool {
    effective_from <= month.last_day()
}

/// The version in effect for `month` among a person's versions given as
/// `(version, effective_from)`: the newest that governs it. (The compliance
/// statistics say the same in SQL: `MAX(version)` with `effective_from` up
/// to the month's last day — equal because versions never go back in time,
/// see [`new_version_problems`].)
pub fn in_effect<T>(
    versions: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> (i32, NaiveDate),
    month: Month,
) -> Option<T> {
    versions
        .into_iter()
        .filter(|v| governs(key(v).1, month))
        .max_by_key(|v| key(v).0)
}

/// What a person owes in a month: the plan's hours where the plan in effect
/// sets them, else the policy's requirement for the supervision level.
pub fn required(
    plan_hours: Option<Requirement>,
    policy: &Policy,
    level: Option<&str>,
) -> Requirement {
    plan_hours.unwrap_or_else(|| policy.for_level(level))
}

/// The rules of a new version, as `(field, problem)`: it takes effect in the
/// current month or later (a month already ended keeps the plan it was judged
/// by), never before the newest version, and names each session type once.
pub fn new_version_problems(
    effective_from: NaiveDate,
    newest: Option<NaiveDate>,
    goals: &[SessionGoal],
    today: NaiveDate,
) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    if effective_from < Month::of(today).first_day() {
        out.push((
            "effective_from".into(),
            "a plan version takes effect in the current month or later; ended months keep their plan",
        ));
    } else if newest.is_some_and(|n| effective_from < n) {
        out.push((
            "effective_from".into(),
            "must not be before the newest version's effective_from (versions are append-only)",
        ));
    }
    for (i, g) in goals.iter().enumerate() {
        if goals[..i].iter().any(|o| o.session_type == g.session_type) {
            out.push((
                format!("session_goals[{i}].type"),
                "each session type appears at most once",
            ));
        }
    }
    out
}

/// Which parts of a plan a reader sees (Art. 24 plans are personal): the
/// bureau and the person's office everything; the procuratorate all but the
/// notes; an NGO with the person enrolled only the session goals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanShown {
    /// `reason` and `monthly_hours`.
    pub terms: bool,
    pub notes: bool,
}

pub fn plan_shown(role: Role) -> PlanShown {
    match role {
        Role::Admin | Role::Officer | Role::OfficeStaff => PlanShown {
            terms: true,
            notes: true,
        },
        Role::Auditor => PlanShown {
            terms: true,
            notes: false,
        },
        _ => PlanShown {
            terms: false,
            notes: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal(t: &str, n: i32) -> SessionGoal {
        SessionGoal {
            session_type: t.into(),
            per_month: n,
        }
    }

    #[test]
    fn the_newest_version_that_has_begun_by_the_months_end_governs() {
        let versions = [
            (1, d("2027-01-01")),
            (2, d("2027-03-20")),
            (3, d("2027-05-01")),
        ];
        let pick = |m: &str| in_effect(versions.iter(), |v| **v, m.parse().unwrap()).map(|v| v.0);
        assert_eq!(pick("2026-12"), None);
        assert_eq!(pick("2027-02"), Some(1));
        assert_eq!(
            pick("2027-03"),
            Some(2),
            "a version from the 20th judges its month"
        );
        assert_eq!(pick("2027-04"), Some(2));
        assert_eq!(pick("2027-06"), Some(3));
    }

    #[test]
    fn plan_hours_replace_the_level_requirement() {
        let policy = Policy::default();
        let own = Requirement {
            education_x100: 200,
            public_welfare_x100: 0,
        };
        assert_eq!(required(Some(own), &policy, Some("strict")), own);
        assert_eq!(
            required(None, &policy, Some("strict")),
            policy.for_level(Some("strict"))
        );
    }

    #[test]
    fn goals_are_met_open_or_missed() {
        let m: Month = "2027-03".parse().unwrap();
        assert_eq!(goal_status(2, 2, m, d("2027-03-10")), GoalStatus::Met);
        assert_eq!(goal_status(2, 1, m, d("2027-03-31")), GoalStatus::Open);
        assert_eq!(goal_status(2, 1, m, d("2027-04-01")), GoalStatus::Missed);
        assert_eq!(goal_status(2, 3, m, d("2027-04-01")), GoalStatus::Met);
    }

    #[test]
    fn new_versions_start_now_or_later_never_before_the_newest_and_name_types_once() {
        let today = d("2027-03-15");
        assert!(new_version_problems(d("2027-03-01"), None, &[], today).is_empty());
        let past = new_version_problems(d("2027-02-28"), None, &[], today);
        assert_eq!(past[0].0, "effective_from");
        let behind = new_version_problems(d("2027-03-10"), Some(d("2027-04-01")), &[], today);
        assert_eq!(behind[0].0, "effective_from");
        let goals = [
            goal("education", 1),
            goal("individual_counseling", 2),
            goal("education", 3),
        ];
        let twice = new_version_problems(d("2027-04-01"), Some(d("2027-04-01")), &goals, today);
        assert_eq!(
            twice,
            vec![(
                "session_goals[2].type".to_string(),
                "each session type appears at most once"
            )]
        );
    }

    #[test]
    fn ngos_see_goals_only_and_the_procuratorate_no_notes() {
        assert!(!plan_shown(Role::NgoStaff).terms && !plan_shown(Role::NgoAdmin).notes);
        assert_eq!(
            plan_shown(Role::Auditor),
            PlanShown {
                terms: true,
                notes: false
            }
        );
        assert!(plan_shown(Role::OfficeStaff).notes && plan_shown(Role::Officer).notes);
    }
}
