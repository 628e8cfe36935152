//! Periodic contract reports: draft → submitted → accepted (frozen) or returned.

use crate::domain::transition::transitions;

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
