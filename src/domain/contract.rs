//! Contract rules: statuses, term limits (MoF Order 102 Art. 24), the 10 %
//! amendment cap, payment rules, contract numbers. Money is integer fen.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::transition::transitions;

transitions!(
    /// A contract's life.
    ContractStatus {
        Draft => "draft",
        Active => "active",
        Suspended => "suspended",
        Completed => "completed",
        Terminated => "terminated",
    }
    actions ContractAction {
        Sign => "sign": [Draft] => Active,
        Suspend => "suspend": [Active] => Suspended,
        Resume => "resume": [Suspended] => Active,
        Complete => "complete": [Active] => Completed,
        Terminate => "terminate": [Draft, Active, Suspended] => Terminated,
    }
);

transitions!(
    /// An amendment's life.
    AmendmentStatus {
        Proposed => "proposed",
        Approved => "approved",
        Rejected => "rejected",
    }
    actions AmendmentAction {
        Approve => "approve": [Proposed] => Approved,
        Reject => "reject": [Proposed] => Rejected,
    }
);

transitions!(
    /// A payment milestone's life.
    MilestoneStatus {
        Scheduled => "scheduled",
        Eligible => "eligible",
        Approved => "approved",
        Paid => "paid",
        Withheld => "withheld",
    }
    actions MilestoneAction {
        Qualify => "qualify": [Scheduled, Withheld] => Eligible,
        Withhold => "withhold": [Scheduled, Withheld] => Withheld,
        Approve => "approve": [Eligible] => Approved,
        Pay => "pay": [Approved] => Paid,
    }
);

/// Why a term is not allowed.
#[derive(Debug, PartialEq, Eq)]
pub enum TermError {
    EndBeforeStart,
    OverTwelveMonths,
    OverThirtySixMonths,
}

/// Term check: at most 12 months (start + 12 months − 1 day), or 36 when multi-year.
pub fn check_term(start: NaiveDate, end: NaiveDate, multi_year: bool) -> Result<(), TermError> {
    if end < start {
        return Err(TermError::EndBeforeStart);
    }
    let months = if multi_year { 36 } else { 12 };
    let limit = start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX);
    match (end > limit, multi_year) {
        (false, _) => Ok(()),
        (true, false) => Err(TermError::OverTwelveMonths),
        (true, true) => Err(TermError::OverThirtySixMonths),
    }
}

/// Approved increases together may not exceed 10 % of the original amount.
pub fn within_amendment_cap(
    original_fen: i64,
    approved_increases_fen: i64,
    new_increase_fen: i64,
) -> bool {
    10 * (approved_increases_fen + new_increase_fen.max(0)) <= original_fen
}

/// One band of a payment rule: from `min_score` up, pay `percent` of the milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentBand {
    pub min_score: i64,
    pub percent: i64,
}

/// The default rule: ≥ 90 → 100 %, 80–89 → 90 %, 70–79 → 80 %, below → withheld.
pub fn default_payment_rule() -> Vec<PaymentBand> {
    [(90, 100), (80, 90), (70, 80)]
        .into_iter()
        .map(|(min_score, percent)| PaymentBand { min_score, percent })
        .collect()
}

/// The amount payable for `score`; `None` means withheld. Floors to whole fen.
pub fn payable_fen(amount_fen: i64, score: i64, rule: &[PaymentBand]) -> Option<i64> {
    let band = rule
        .iter()
        .filter(|b| score >= b.min_score)
        .max_by_key(|b| b.min_score)?;
    (band.percent > 0).then(|| amount_fen * band.percent / 100)
}

/// `WS-2026-007` style numbers, per bureau and year.
pub fn contract_no(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}-{year}-{seq:03}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn contract_transitions() {
        use ContractAction::*;
        use ContractStatus::*;
        assert_eq!(Draft.apply(Sign), Ok(Active));
        assert_eq!(Active.apply(Suspend), Ok(Suspended));
        assert_eq!(Suspended.apply(Resume), Ok(Active));
        assert_eq!(Active.apply(Complete), Ok(Completed));
        assert!(Draft.apply(Complete).is_err());
        assert!(Completed.apply(Terminate).is_err());
        assert!(Suspended.apply(Complete).is_err());
        assert!(Active.apply(Sign).is_err());
    }

    #[test]
    fn terms() {
        assert_eq!(check_term(d("2026-01-01"), d("2026-12-31"), false), Ok(()));
        assert_eq!(
            check_term(d("2026-01-01"), d("2027-01-01"), false),
            Err(TermError::OverTwelveMonths)
        );
        assert_eq!(
            check_term(d("2026-01-01"), d("2027-01-31"), false),
            Err(TermError::OverTwelveMonths)
        );
        assert_eq!(check_term(d("2026-01-01"), d("2028-12-31"), true), Ok(()));
        assert_eq!(
            check_term(d("2026-01-01"), d("2029-01-01"), true),
            Err(TermError::OverThirtySixMonths)
        );
        assert_eq!(
            check_term(d("2026-02-01"), d("2026-01-31"), false),
            Err(TermError::EndBeforeStart)
        );
    }

    #[test]
    fn ten_percent_cap() {
        assert!(within_amendment_cap(1_000_000, 0, 100_000));
        assert!(!within_amendment_cap(1_000_000, 0, 100_001));
        assert!(!within_amendment_cap(1_000_000, 60_000, 50_000));
        assert!(within_amendment_cap(1_000_000, 100_000, -5_000));
    }

    #[test]
    fn payment_rule_bands() {
        let r = default_payment_rule();
        assert_eq!(payable_fen(100_000, 95, &r), Some(100_000));
        assert_eq!(payable_fen(100_000, 90, &r), Some(100_000));
        assert_eq!(payable_fen(100_000, 89, &r), Some(90_000));
        assert_eq!(payable_fen(100_000, 80, &r), Some(90_000));
        assert_eq!(payable_fen(100_000, 79, &r), Some(80_000));
        assert_eq!(payable_fen(100_000, 70, &r), Some(80_000));
        assert_eq!(payable_fen(100_000, 69, &r), None);
        assert_eq!(payable_fen(33_333, 85, &r), Some(29_999)); // floors, no floats
    }

    #[test]
    fn numbers() {
        assert_eq!(contract_no("WS", 2026, 7), "WS-2026-007");
        assert_eq!(contract_no("WS", 2026, 1234), "WS-2026-1234");
    }
}
