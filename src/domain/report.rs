//! Periodic contract reports: draft → submitted → accepted (frozen) or returned.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::{kpi::DeliveryCounts, transition::transitions};

/// A report's metrics as stored: the KPI metric names, volunteers beside
/// them, and outcomes by kind.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Metrics {
    pub sessions_education: i64,
    pub sessions_skills_training: i64,
    pub sessions_group_counseling: i64,
    pub sessions_individual_counseling: i64,
    pub sessions_public_welfare: i64,
    pub participant_hours: f64,
    /// 0–1, to four places.
    pub attendance_rate: f64,
    pub counseling_cases: i64,
    pub public_welfare_hours: f64,
    pub people_served: i64,
    /// Mean 1–5 rating; `None` when none.
    pub satisfaction: Option<f64>,
    pub volunteer_hours: f64,
    pub volunteers_engaged: i64,
    pub outcomes: HashMap<String, i64>,
}

impl Metrics {
    /// The period's delivery figures and outcome counts.
    pub fn from_counts(c: &DeliveryCounts, outcomes: HashMap<String, i64>) -> Self {
        let rate = c.actual("attendance_rate").unwrap_or(0.0);
        Self {
            sessions_education: c.sessions[0],
            sessions_skills_training: c.sessions[1],
            sessions_group_counseling: c.sessions[2],
            sessions_individual_counseling: c.sessions[3],
            sessions_public_welfare: c.sessions[4],
            participant_hours: c.participant_hours,
            attendance_rate: (rate * 10_000.0).round() / 10_000.0,
            counseling_cases: c.counseling_cases,
            public_welfare_hours: c.public_welfare_hours,
            people_served: c.people_served,
            satisfaction: c.satisfaction,
            volunteer_hours: c.volunteer_hours,
            volunteers_engaged: c.volunteers_engaged,
            outcomes,
        }
    }
}

transitions!(
    /// A contract report's life.
    ReportStatus {
        Draft => "draft",
        Submitted => "submitted",
        Returned => "returned",
        Accepted => "accepted",
    }
    actions ReportAction {
        Submit => "submit": [Draft, Returned] => Submitted,
        Accept => "accept": [Submitted] => Accepted,
        Return => "return": [Submitted] => Returned,
    }
);

impl ReportStatus {
    /// The NGO edits the narrative (and the metrics are recomputed) only here.
    pub fn editable(self) -> bool {
        matches!(self, ReportStatus::Draft | ReportStatus::Returned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_reports_are_final() {
        assert_eq!(
            ReportStatus::Returned.apply(ReportAction::Submit),
            Ok(ReportStatus::Submitted)
        );
        for a in [
            ReportAction::Submit,
            ReportAction::Accept,
            ReportAction::Return,
        ] {
            assert!(ReportStatus::Accepted.apply(a).is_err());
        }
        assert!(!ReportStatus::Accepted.editable());
        assert!(!ReportStatus::Submitted.editable());
    }
}
