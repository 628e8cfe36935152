//! Procurement (政府购买服务) rules: statuses and their transitions, criteria
//! weights, weighted bid scores, who is top.

use super::transition::transitions;

transitions!(
    /// A procurement project's life.
    ProcurementStatus {
        Draft => "draft",
        Published => "published",
        Closed => "closed",
        Awarded => "awarded",
        Cancelled => "cancelled",
    }
    actions ProcurementAction {
        Publish => "publish": [Draft] => Published,
        Close => "close": [Published] => Closed,
        Cancel => "cancel": [Draft, Published, Closed] => Cancelled,
        Award => "award": [Closed] => Awarded,
    }
);

transitions!(
    /// A bid's life.
    BidStatus {
        Submitted => "submitted",
        Withdrawn => "withdrawn",
        Awarded => "awarded",
        NotAwarded => "not_awarded",
    }
    actions BidAction {
        Withdraw => "withdraw": [Submitted] => Withdrawn,
        Win => "win": [Submitted] => Awarded,
        Lose => "lose": [Submitted] => NotAwarded,
    }
);

/// Criteria weights must be positive and sum to exactly 100.
pub fn weights_sum_to_100(weights: &[i64]) -> bool {
    !weights.is_empty() && weights.iter().all(|w| *w > 0) && weights.iter().sum::<i64>() == 100
}

/// One evaluator's weighted score ×100 (i.e. in hundredths of a point):
/// Σ score × weight, with weights summing to 100. Integers only.
pub fn weighted_x100(scores_and_weights: &[(i64, i64)]) -> i64 {
    scores_and_weights.iter().map(|(s, w)| s * w).sum()
}

/// An evaluator's sheet against the criteria `(name, weight)`: exactly one
/// score of 0–100 per criterion, none for anything else. `Ok` gives the
/// `(score, weight)` pairs in criterion order; `Err` every problem.
pub fn score_pairs(
    criteria: &[(&str, i64)],
    scores: &[(&str, i64)],
) -> Result<Vec<(i64, i64)>, Vec<String>> {
    let mut pairs = Vec::new();
    let mut wrong = Vec::new();
    for (name, weight) in criteria {
        match scores.iter().filter(|s| s.0 == *name).collect::<Vec<_>>()[..] {
            [s] if (0..=100).contains(&s.1) => pairs.push((s.1, *weight)),
            [_] => wrong.push(format!("score for `{name}` must be 0–100")),
            _ => wrong.push(format!("needs exactly one score for `{name}`")),
        }
    }
    if scores.len() != criteria.len() {
        wrong.push("must score each criterion exactly once".into());
    }
    if wrong.is_empty() {
        Ok(pairs)
    } else {
        Err(wrong)
    }
}

/// The bid's total: the mean of evaluators' weighted scores, in hundredths,
/// rounded half up. `None` without evaluators.
pub fn total_x100(per_evaluator_x100: &[i64]) -> Option<i64> {
    let n = per_evaluator_x100.len() as i64;
    (n > 0).then(|| (per_evaluator_x100.iter().sum::<i64>() * 2 + n) / (2 * n))
}

/// True when `chosen` is (one of) the highest totals; unscored bids rank lowest.
pub fn is_top(chosen: Option<i64>, all: &[Option<i64>]) -> bool {
    let best = all.iter().flatten().max();
    match (chosen, best) {
        (_, None) => true,
        (Some(c), Some(b)) => c >= *b,
        (None, Some(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procurement_transitions() {
        use ProcurementAction::*;
        use ProcurementStatus::*;
        assert_eq!(Draft.apply(Publish), Ok(Published));
        assert_eq!(Published.apply(Close), Ok(Closed));
        assert_eq!(Closed.apply(Award), Ok(Awarded));
        assert!(Draft.apply(Close).is_err());
        assert!(Published.apply(Award).is_err());
        assert!(Awarded.apply(Cancel).is_err());
        assert!(Cancelled.apply(Publish).is_err());
        assert_eq!(Closed.apply(Cancel), Ok(Cancelled));
    }

    #[test]
    fn weights() {
        assert!(weights_sum_to_100(&[60, 40]));
        assert!(!weights_sum_to_100(&[60, 30]));
        assert!(!weights_sum_to_100(&[110, -10]));
        assert!(!weights_sum_to_100(&[]));
    }

    #[test]
    fn totals_are_exact_integer_means() {
        // 80×60 + 90×40 = 8400 → 84.00; 70×60 + 70×40 = 7000 → 70.00
        assert_eq!(weighted_x100(&[(80, 60), (90, 40)]), 8400);
        assert_eq!(total_x100(&[8400, 7000]), Some(7700));
        assert_eq!(total_x100(&[8401, 8400]), Some(8401)); // 8400.5 rounds up
        assert_eq!(total_x100(&[]), None);
    }

    #[test]
    fn top_score() {
        assert!(is_top(Some(8000), &[Some(8000), Some(7000)]));
        assert!(!is_top(Some(7000), &[Some(8000), Some(7000)]));
        assert!(!is_top(None, &[Some(1), None]));
        assert!(is_top(None, &[None, None]));
    }

    #[test]
    fn a_score_sheet_scores_each_criterion_once() {
        let criteria = [("方案", 60), ("价格", 40)];
        assert_eq!(
            score_pairs(&criteria, &[("价格", 70), ("方案", 90)]),
            Ok(vec![(90, 60), (70, 40)])
        );
        assert_eq!(
            score_pairs(&criteria, &[("方案", 90)]),
            Err(vec![
                "needs exactly one score for `价格`".to_string(),
                "must score each criterion exactly once".to_string()
            ])
        );
        assert_eq!(
            score_pairs(&criteria, &[("方案", 101), ("价格", 1)]),
            Err(vec!["score for `方案` must be 0–100".to_string()])
        );
        assert!(score_pairs(&criteria, &[("方案", 1), ("价格", 1), ("其他", 1)]).is_err());
    }
}
