//! KPI metrics and live progress: a pure function over delivery counts.

use std::str::FromStr;

/// Contract KPI metrics (api.md).
pub const METRICS: [&str; 11] = [
    "sessions_education",
    "sessions_skills_training",
    "sessions_group_counseling",
    "sessions_individual_counseling",
    "sessions_public_welfare",
    "participant_hours",
    "attendance_rate",
    "counseling_cases",
    "public_welfare_hours",
    "people_served",
    "satisfaction",
];

/// A KPI target as stored with a contract or a procurement's template (a
/// bid's planned KPIs are the same without a weight).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Target {
    pub metric: String,
    pub target: f64,
    #[serde(default)]
    pub weight: i64,
}

/// The template's targets with a bid's planned ones put over them: a planned
/// target replaces the template's for its metric; a metric only the bid
/// plans joins with weight 0.
pub fn plan_over(template: Vec<Target>, planned: Vec<Target>) -> Vec<Target> {
    let mut kpis = template;
    for pk in planned {
        match kpis.iter_mut().find(|k| k.metric == pk.metric) {
            Some(k) => k.target = pk.target,
            None => kpis.push(Target { weight: 0, ..pk }),
        }
    }
    kpis
}

/// True for a known metric name.
pub fn is_metric(name: &str) -> bool {
    METRICS.contains(&name)
}

/// Delivery figures over a contract's closed sessions (`store::stats::delivery`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeliveryCounts {
    /// Held (closed) sessions per type, in the order of the `sessions_*` metrics.
    pub sessions: [i64; 5],
    pub participant_hours: f64,
    /// Present/late/left-early enrolments and all non-excused enrolments.
    pub attended: i64,
    pub attendance_denominator: i64,
    pub counseling_cases: i64,
    pub public_welfare_hours: f64,
    pub people_served: i64,
    pub satisfaction: Option<f64>,
    /// Volunteers are reported beside the figures above, never inside them.
    pub volunteer_hours: f64,
    pub volunteers_engaged: i64,
}

impl DeliveryCounts {
    /// The actual value of a metric.
    pub fn actual(&self, metric: &str) -> Option<f64> {
        let i = METRICS.iter().position(|m| *m == metric)?;
        Some(match i {
            0..=4 => self.sessions[i] as f64,
            5 => self.participant_hours,
            6 => {
                if self.attendance_denominator == 0 {
                    0.0
                } else {
                    self.attended as f64 / self.attendance_denominator as f64
                }
            }
            7 => self.counseling_cases as f64,
            8 => self.public_welfare_hours,
            9 => self.people_served as f64,
            _ => return self.satisfaction,
        })
    }
}

/// One KPI's target, actual and progress (actual ÷ target, 4 decimals).
#[derive(Clone, Debug, PartialEq)]
pub struct KpiProgress {
    pub metric: String,
    pub target: f64,
    pub actual: Option<f64>,
    pub progress: Option<f64>,
}

/// Progress for each `(metric, target)`.
pub fn progress(targets: &[(String, f64)], counts: &DeliveryCounts) -> Vec<KpiProgress> {
    targets
        .iter()
        .map(|(metric, target)| {
            let actual = counts.actual(metric);
            let progress = match actual {
                Some(a) if *target > 0.0 => Some((a / target * 10_000.0).round() / 10_000.0),
                _ => None,
            };
            KpiProgress {
                metric: metric.clone(),
                target: *target,
                actual,
                progress,
            }
        })
        .collect()
}

/// Parses a metric name (validated elsewhere against [`METRICS`]).
pub struct Metric(pub String);

impl FromStr for Metric {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if is_metric(s) {
            Ok(Metric(s.into()))
        } else {
            Err(format!("unknown KPI metric `{s}`"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(metric: &str, target: f64, weight: i64) -> Target {
        Target {
            metric: metric.into(),
            target,
            weight,
        }
    }

    #[test]
    fn planned_targets_replace_the_template_and_extra_ones_join_unweighted() {
        let template = vec![t("people_served", 30.0, 60), t("satisfaction", 4.0, 40)];
        let planned = vec![t("people_served", 45.0, 99), t("counseling_cases", 5.0, 99)];
        assert_eq!(
            plan_over(template, planned),
            vec![
                t("people_served", 45.0, 60),
                t("satisfaction", 4.0, 40),
                t("counseling_cases", 5.0, 0)
            ]
        );
    }

    #[test]
    fn progress_over_counts() {
        let counts = DeliveryCounts {
            sessions: [3, 0, 0, 0, 1],
            attended: 9,
            attendance_denominator: 12,
            ..Default::default()
        };
        let p = progress(
            &[
                ("sessions_education".into(), 12.0),
                ("attendance_rate".into(), 0.9),
                ("satisfaction".into(), 4.0),
                ("people_served".into(), 0.0),
            ],
            &counts,
        );
        assert_eq!(p[0].actual, Some(3.0));
        assert_eq!(p[0].progress, Some(0.25));
        assert_eq!(p[1].actual, Some(0.75));
        assert_eq!(p[1].progress, Some(0.8333));
        assert_eq!(p[2].actual, None);
        assert_eq!(p[2].progress, None);
        assert_eq!(p[3].progress, None);
    }

    #[test]
    fn zero_delivery_is_zero() {
        let p = progress(
            &[("participant_hours".into(), 100.0)],
            &DeliveryCounts::default(),
        );
        assert_eq!(p[0].actual, Some(0.0));
        assert_eq!(p[0].progress, Some(0.0));
    }
}
