//! The hours ledger's rules: categories, ledger months, which entries count,
//! reversals, requirement policies and a month's status. Hours are ×100.

use chrono::{Datelike, NaiveDate};

/// A ledger category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Education,
    PublicWelfare,
    Volunteer,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Education => "education",
            Category::PublicWelfare => "public_welfare",
            Category::Volunteer => "volunteer",
        }
    }

    /// The category a session's attendance earns: volunteers always earn
    /// volunteer hours; persons under correction earn public-welfare hours in
    /// public-welfare sessions and education hours in all others (education,
    /// skills training and counseling).
    pub fn for_session(session_type: &str, volunteer: bool) -> Self {
        if volunteer {
            Category::Volunteer
        } else if session_type == "public_welfare" {
            Category::PublicWelfare
        } else {
            Category::Education
        }
    }
}

impl std::str::FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "education" => Ok(Category::Education),
            "public_welfare" => Ok(Category::PublicWelfare),
            "volunteer" => Ok(Category::Volunteer),
            other => Err(format!("unknown hours category {other}")),
        }
    }
}

/// A calendar month, written `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> Self {
        if self.month == 1 {
            Self {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Self {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    pub fn days(self) -> u32 {
        self.last_day().day()
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for Month {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a month written YYYY-MM");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Self { year, month })
    }
}

/// Whether an entry counts towards the balance: attendance always; a manual
/// entry once approved; a reversal always (its hours are 0 when it declined
/// an entry that never counted).
pub fn counts(source: &str, approved: bool) -> bool {
    match source {
        "manual" => approved,
        _ => true,
    }
}

/// The hours of the entry that reverses one: the negation of what counted.
pub fn reversal_hours(original_x100: i64, original_counted: bool) -> i64 {
    if original_counted { -original_x100 } else { 0 }
}

/// Monthly hours required of one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Requirement {
    pub education_x100: i64,
    pub public_welfare_x100: i64,
}

/// A bureau's requirement per supervision level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub strict: Requirement,
    pub ordinary: Requirement,
    pub lenient: Requirement,
    /// From this day of the month on, a month below its pro-rata share is at risk.
    pub at_risk_day: u32,
}

impl Default for Policy {
    /// Local policy defaults: strict 12 h + 12 h, ordinary 8 h + 8 h, lenient 4 h + 4 h.
    fn default() -> Self {
        let r = |h: i64| Requirement {
            education_x100: h * 100,
            public_welfare_x100: h * 100,
        };
        Self {
            strict: r(12),
            ordinary: r(8),
            lenient: r(4),
            at_risk_day: 15,
        }
    }
}

impl Policy {
    /// The requirement of a supervision level; volunteers (no level) owe nothing.
    pub fn for_level(&self, level: Option<&str>) -> Requirement {
        match level {
            Some("strict") => self.strict,
            Some("ordinary") => self.ordinary,
            Some("lenient") => self.lenient,
            _ => Requirement::default(),
        }
    }
}

/// A month's status for one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthStatus {
    OnTrack,
    AtRisk,
    Met,
    NotMet,
}

/// `met` once both categories reach the requirement; after the month,
/// otherwise `not_met`; during it, `at_risk` from `at_risk_day` on when a
/// category is below its pro-rata share (requirement × day / days in month).
pub fn status(
    required: Requirement,
    earned: Requirement,
    month: Month,
    today: NaiveDate,
    at_risk_day: u32,
) -> MonthStatus {
    let pairs = [
        (required.education_x100, earned.education_x100),
        (required.public_welfare_x100, earned.public_welfare_x100),
    ];
    if pairs.iter().all(|(r, e)| e >= r) {
        return MonthStatus::Met;
    }
    if today > month.last_day() {
        return MonthStatus::NotMet;
    }
    if today < month.first_day() || today.day() < at_risk_day {
        return MonthStatus::OnTrack;
    }
    let day = i64::from(today.day());
    let days = i64::from(month.days());
    if pairs.iter().any(|(r, e)| e * days < r * day) {
        MonthStatus::AtRisk
    } else {
        MonthStatus::OnTrack
    }
}

/// What the monthly checks need to know of a person under correction.
pub struct Registration {
    pub correction_start: Option<NaiveDate>,
    pub correction_end: Option<NaiveDate>,
    /// The local day they were registered.
    pub registered: NaiveDate,
}

impl Registration {
    /// Whether the correction period (and the registration) reaches into `m`.
    fn covers(&self, m: Month) -> bool {
        self.correction_start.is_none_or(|s| s <= m.last_day())
            && self.correction_end.is_none_or(|e| e >= m.first_day())
            && self.registered <= m.last_day()
    }
}

/// A month's requirement (the policy's, or the plan's in effect) and what was earned.
#[derive(Clone, Copy, Debug)]
pub struct Owing {
    pub required: Requirement,
    pub earned: Requirement,
}

/// The month alerts due for a person `today`: `(AtRisk, this month)` when
/// behind the pro-rata share, `(NotMet, last month)` when last month ended
/// below the requirement — judged only for a whole month after registration.
pub fn due_month_alerts(
    person: &Registration,
    this: Owing,
    last: Owing,
    at_risk_day: u32,
    today: NaiveDate,
) -> Vec<(MonthStatus, Month)> {
    let current = Month::of(today);
    let previous = current.prev();
    let mut due = Vec::new();
    if person.covers(current)
        && status(this.required, this.earned, current, today, at_risk_day) == MonthStatus::AtRisk
    {
        due.push((MonthStatus::AtRisk, current));
    }
    if person.covers(previous)
        && person.registered <= previous.first_day()
        && status(last.required, last.earned, previous, today, at_risk_day) == MonthStatus::NotMet
    {
        due.push((MonthStatus::NotMet, previous));
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn req(e: i64, p: i64) -> Requirement {
        Requirement {
            education_x100: e,
            public_welfare_x100: p,
        }
    }

    #[test]
    fn months_parse_and_bound() {
        let m: Month = "2027-02".parse().unwrap();
        assert_eq!(m.to_string(), "2027-02");
        assert_eq!(m.days(), 28);
        assert_eq!(m.last_day(), d("2027-02-28"));
        assert_eq!(
            "2027-12".parse::<Month>().unwrap().next().to_string(),
            "2028-01"
        );
        assert_eq!(
            "2027-01".parse::<Month>().unwrap().prev().to_string(),
            "2026-12"
        );
        for bad in ["2027-13", "2027-1", "27-01", "2027/01", "", "2027-00"] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
    }

    #[test]
    fn status_rules() {
        let m: Month = "2027-03".parse().unwrap();
        let r = req(800, 800);
        assert_eq!(
            status(r, req(800, 900), m, d("2027-03-02"), 15),
            MonthStatus::Met
        );
        assert_eq!(
            status(r, req(0, 0), m, d("2027-03-14"), 15),
            MonthStatus::OnTrack
        );
        // Day 16 of 31: the share is 800 × 16 / 31 ≈ 413.
        assert_eq!(
            status(r, req(400, 800), m, d("2027-03-16"), 15),
            MonthStatus::AtRisk
        );
        assert_eq!(
            status(r, req(420, 420), m, d("2027-03-16"), 15),
            MonthStatus::OnTrack
        );
        assert_eq!(
            status(r, req(799, 800), m, d("2027-04-01"), 15),
            MonthStatus::NotMet
        );
        assert_eq!(
            status(r, req(0, 0), m, d("2027-02-20"), 15),
            MonthStatus::OnTrack
        );
        assert_eq!(
            status(req(0, 0), req(0, 0), m, d("2027-04-20"), 15),
            MonthStatus::Met
        );
    }

    #[test]
    fn policy_defaults_and_levels() {
        let p = Policy::default();
        assert_eq!(p.for_level(Some("strict")), req(1200, 1200));
        assert_eq!(p.for_level(Some("ordinary")), req(800, 800));
        assert_eq!(p.for_level(Some("lenient")), req(400, 400));
        assert_eq!(p.for_level(None), req(0, 0));
    }

    #[test]
    fn categories() {
        assert_eq!(
            Category::for_session("public_welfare", false),
            Category::PublicWelfare
        );
        assert_eq!(
            Category::for_session("group_counseling", false),
            Category::Education
        );
        assert_eq!(
            Category::for_session("education", true),
            Category::Volunteer
        );
    }

    mod ledger {
        use super::super::*;
        use proptest::prelude::*;

        /// A toy ledger driven only by the domain rules, as the store applies them.
        #[derive(Default)]
        struct Ledger {
            /// (source, hours, approved, reversed, locked_month)
            entries: Vec<(&'static str, i64, bool, bool, bool)>,
            month_locked: bool,
        }

        #[derive(Clone, Debug)]
        enum Op {
            Attendance(i64),
            Manual(i64),
            Approve(usize),
            Reverse(usize),
            Lock,
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                (25i64..800).prop_map(Op::Attendance),
                (25i64..800).prop_map(Op::Manual),
                (0usize..20).prop_map(Op::Approve),
                (0usize..20).prop_map(Op::Reverse),
                Just(Op::Lock),
            ]
        }

        impl Ledger {
            fn balance(&self) -> i64 {
                self.entries
                    .iter()
                    .filter(|e| counts(e.0, e.2))
                    .map(|e| e.1)
                    .sum()
            }

            fn apply(&mut self, op: &Op) {
                let locked = self.month_locked;
                match *op {
                    Op::Attendance(h) if !locked => {
                        self.entries.push(("attendance", h, false, false, false))
                    }
                    Op::Manual(h) if !locked => {
                        self.entries.push(("manual", h, false, false, false))
                    }
                    Op::Approve(i) if !locked => {
                        if let Some(e) = self.entries.get_mut(i)
                            && e.0 == "manual"
                            && !e.2
                            && !e.3
                        {
                            e.2 = true;
                        }
                    }
                    Op::Reverse(i) => {
                        if let Some(e) = self.entries.get_mut(i)
                            && e.0 != "reversal"
                            && !e.3
                        {
                            e.3 = true;
                            let h = reversal_hours(e.1, counts(e.0, e.2));
                            self.entries.push(("reversal", h, false, false, locked));
                        }
                    }
                    Op::Lock => self.month_locked = true,
                    _ => {}
                }
            }
        }

        proptest! {
            #[test]
            fn balance_is_the_sum_and_locked_months_change_only_by_reversals(ops in proptest::collection::vec(op(), 0..60)) {
                let mut l = Ledger::default();
                for op in &ops {
                    let before_len = l.entries.len();
                    let before_balance = l.balance();
                    let approved_before: Vec<bool> = l.entries.iter().map(|e| e.2).collect();
                    l.apply(op);
                    // The balance is always the sum of counting entries, and reversals
                    // never make a person owe more than was earned by the reversed entry.
                    let sum: i64 = l.entries.iter().filter(|e| counts(e.0, e.2)).map(|e| e.1).sum();
                    prop_assert_eq!(l.balance(), sum);
                    prop_assert!(l.balance() >= 0);
                    if l.month_locked && l.balance() != before_balance {
                        // Only a new reversal row changed it.
                        prop_assert_eq!(l.entries.len(), before_len + 1);
                        prop_assert_eq!(l.entries.last().map(|e| e.0), Some("reversal"));
                        let approved_after: Vec<bool> = l.entries.iter().take(before_len).map(|e| e.2).collect();
                        prop_assert_eq!(approved_before, approved_after);
                    }
                }
            }
        }
    }

    #[test]
    fn month_alerts_are_due_when_behind_now_or_short_last_month() {
        let policy = Policy {
            at_risk_day: 15,
            ..Policy::default()
        };
        let p = Registration {
            correction_start: Some(d("2027-01-01")),
            correction_end: Some(d("2027-12-31")),
            registered: d("2027-01-01"),
        };
        let today = d("2027-03-20");
        let (m3, m2): (Month, Month) = ("2027-03".parse().unwrap(), "2027-02".parse().unwrap());
        let required = policy.for_level(Some("ordinary"));
        let owing = |earned| Owing { required, earned };
        let none = owing(req(0, 0));
        let plenty = owing(req(10_000, 10_000));
        assert_eq!(
            due_month_alerts(&p, none, none, 15, today),
            [(MonthStatus::AtRisk, m3), (MonthStatus::NotMet, m2)]
        );
        assert!(due_month_alerts(&p, plenty, plenty, 15, today).is_empty());
        // Before the at-risk day nothing is due for this month.
        assert_eq!(due_month_alerts(&p, none, plenty, 15, d("2027-03-10")), []);
        // Registered during last month: it is not judged as a whole.
        let late = Registration {
            registered: d("2027-02-10"),
            ..p
        };
        assert_eq!(due_month_alerts(&late, plenty, none, 15, today), []);
        // Correction ended before this month: only last month is judged.
        let ended = Registration {
            correction_end: Some(d("2027-02-28")),
            registered: d("2027-01-01"),
            ..late
        };
        assert_eq!(
            due_month_alerts(&ended, none, none, 15, today),
            [(MonthStatus::NotMet, m2)]
        );
    }
}
