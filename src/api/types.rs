//! API-side enums mirroring the domain's, and the field checker that turns
//! request text into clean values with every problem reported at once.

use std::borrow::Cow;

use crate::domain::collaboration::AgencyType as DomainAgencyType;
use poem_openapi::{
    Enum,
    registry::{MetaSchema, MetaSchemaRef},
    types::{ParseError, ParseFromJSON, ParseResult, ToJSON, Type},
};

use crate::{
    domain::roles::{OrgKind, Role, Scope},
    error::{ApiError, FieldError},
};

macro_rules! api_enum {
    ($(#[$m:meta])* $api:ident <=> $dom:ident { $($v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $api { $( #[oai(rename = $s)] $v ),+ }

        impl From<$api> for $dom {
            fn from(v: $api) -> Self { match v { $($api::$v => $dom::$v),+ } }
        }

        impl From<$dom> for $api {
            fn from(v: $dom) -> Self { match v { $($dom::$v => $api::$v),+ } }
        }

        impl $api {
            /// The wire (and stored) value.
            pub fn as_str(self) -> &'static str { match self { $($api::$v => $s),+ } }
        }
    };
    ($(#[$m:meta])* $api:ident { $($v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $api { $( #[oai(rename = $s)] $v ),+ }

        impl $api {
            /// The wire (and stored) value.
            pub fn as_str(self) -> &'static str { match self { $($api::$v => $s),+ } }
        }
    };
}
pub(crate) use api_enum;

api_enum!(
    /// What kind of agency an agency organisation is: 乡镇综治办 (`township`),
    /// 民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
    /// 法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
    AgencyType <=> DomainAgencyType {
        Township = "township",
        CivilAffairs = "civil_affairs",
        Police = "police",
        VillageCommittee = "village_committee",
        Court = "court",
        Health = "health",
        PoliticalLegal = "political_legal",
    }
);

api_enum!(
    /// Organisation kind.
    OrganizationKind <=> OrgKind {
        Bureau = "bureau",
        JudicialOffice = "judicial_office",
        Ngo = "ngo",
        Agency = "agency",
        Procuratorate = "procuratorate",
    }
);

api_enum!(
    /// User role; each belongs to one organisation kind.
    UserRole <=> Role {
        Admin = "admin",
        Officer = "officer",
        OfficeStaff = "office_staff",
        NgoAdmin = "ngo_admin",
        NgoStaff = "ngo_staff",
        AgencyStaff = "agency_staff",
        Auditor = "auditor",
    }
);

api_enum!(
    /// Partner-client scope (`checkin:read`: the rotating QR code of the NGO's sessions, for kiosks).
    ClientScope <=> Scope {
        SessionsRead = "sessions:read",
        AttendanceWrite = "attendance:write",
        ParticipantsRead = "participants:read",
        CheckinRead = "checkin:read",
    }
);

pub use super::text::{
    Credential, CreditCode, Cursor, Email, Hours, IdNumberText, Int, MonthText, NewPassword, Prose,
    Secret, Skill, Stored, Text,
};

/// Session types (also the service categories of procurements and contracts).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum SessionType {
    Education,
    SkillsTraining,
    GroupCounseling,
    IndividualCounseling,
    PublicWelfare,
}

impl SessionType {
    /// The wire (and stored) value.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionType::Education => "education",
            SessionType::SkillsTraining => "skills_training",
            SessionType::GroupCounseling => "group_counseling",
            SessionType::IndividualCounseling => "individual_counseling",
            SessionType::PublicWelfare => "public_welfare",
        }
    }
}

/// Contract KPI metrics (see the API conventions for their definitions).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum KpiMetric {
    SessionsEducation,
    SessionsSkillsTraining,
    SessionsGroupCounseling,
    SessionsIndividualCounseling,
    SessionsPublicWelfare,
    ParticipantHours,
    AttendanceRate,
    CounselingCases,
    PublicWelfareHours,
    PeopleServed,
    Satisfaction,
}

impl KpiMetric {
    /// The metric's name as in `domain::kpi::METRICS`.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// A KPI target with its weight in the evaluation.
#[derive(poem_openapi::Object, Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct KpiTarget {
    pub metric: KpiMetric,
    /// Target value (count, hours, fraction 0–1 or rating), ≥ 0.
    #[oai(validator(minimum(value = "0")))]
    pub target: f64,
    /// Weight in the performance evaluation, 0–100.
    #[oai(validator(minimum(value = "0"), maximum(value = "100")))]
    pub weight: i64,
}

/// A KPI an NGO plans to reach.
#[derive(poem_openapi::Object, Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct PlannedKpi {
    pub metric: KpiMetric,
    #[oai(validator(minimum(value = "0")))]
    pub target: f64,
}

/// Checks KPI targets: known metrics, no duplicates, targets ≥ 0 and finite.
pub fn check_kpis(check: &mut Check, field: &str, kpis: &[KpiTarget]) {
    let mut seen = std::collections::HashSet::new();
    for (i, k) in kpis.iter().enumerate() {
        if !seen.insert(k.metric) {
            check.fail(&format!("{field}[{i}].metric"), "appears twice");
        }
        if !k.target.is_finite() || k.target < 0.0 {
            check.fail(&format!("{field}[{i}].target"), "must be a number ≥ 0");
        }
        if !(0..=100).contains(&k.weight) {
            check.fail(&format!("{field}[{i}].weight"), "must be 0–100");
        }
    }
}

pub use crate::error::{from_json_text, stored, to_json_text};

/// Most skills a person may list.
pub const MAX_SKILLS: usize = 50;
/// Longest skill.
pub const MAX_SKILL_CHARS: usize = 50;

/// Collects field errors while converting request text to clean values.
#[derive(Default)]
pub struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error.
    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// A text field, trimmed: its rules are the ones [`Text`] declares.
    pub fn text<const MAX: usize, const LINES: bool>(
        &mut self,
        field: &str,
        value: &Text<MAX, LINES>,
    ) -> String {
        self.line(field, value, MAX, LINES)
    }

    /// An optional text field: absent is `None`; present, the rules of [`Check::text`].
    pub fn opt_text<const MAX: usize, const LINES: bool>(
        &mut self,
        field: &str,
        value: Option<&Text<MAX, LINES>>,
    ) -> Option<String> {
        value.map(|v| self.text(field, v))
    }

    /// An integer within its declared range.
    pub fn within<const MIN: i64, const MAX: i64>(
        &mut self,
        field: &str,
        value: Int<MIN, MAX>,
    ) -> i64 {
        if !(MIN..=MAX).contains(&value.0) {
            self.fail(field, format!("must be {MIN}–{MAX}"));
        }
        value.0
    }

    /// Hours within their declared range, at most two decimals: in hundredths.
    pub fn hours<const MIN: i64, const MAX: i64>(
        &mut self,
        field: &str,
        value: Hours<MIN, MAX>,
    ) -> i64 {
        let v = value.0;
        let x = (v * 100.0).round();
        if !v.is_finite() || (v * 100.0 - x).abs() > 1e-6 || (x as i64) < MIN || (x as i64) > MAX {
            self.fail(
                field,
                format!(
                    "must be {}–{} with at most two decimals",
                    MIN as f64 / 100.0,
                    MAX as f64 / 100.0
                ),
            );
        }
        x as i64
    }

    /// Text of 1..=max characters as sent, not blank, without control
    /// characters (`lines` allows tab and line breaks); returned trimmed.
    pub fn line(&mut self, field: &str, value: &str, max: usize, lines: bool) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.fail(field, "must not be empty");
        } else if value.chars().count() > max {
            self.fail(field, format!("must be at most {max} characters"));
        } else if value.chars().any(|c| super::text::forbidden_char(c, lines)) {
            self.fail(field, "must not contain control characters");
        }
        v.to_string()
    }

    /// A list of skills (特长): trimmed, empty items dropped, at most
    /// [`MAX_SKILLS`] items of at most [`MAX_SKILL_CHARS`] characters, no
    /// control characters. The one rule for create, update and the import.
    pub fn skills(&mut self, field: &str, items: &[impl AsRef<str>]) -> Vec<String> {
        let too_long = items
            .iter()
            .any(|s| s.as_ref().chars().count() > MAX_SKILL_CHARS);
        let items: Vec<String> = items
            .iter()
            .map(|s| s.as_ref().trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if items.len() > MAX_SKILLS || too_long {
            self.fail(
                field,
                format!("at most {MAX_SKILLS} skills of at most {MAX_SKILL_CHARS} characters"),
            );
        } else if items.iter().any(|s| s.chars().any(char::is_control)) {
            self.fail(field, "must not contain control characters");
        }
        items
    }

    /// A plausible e-mail address, lower-cased.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let v = value.trim().to_lowercase();
        let ok = v.len() <= 254
            && !v.chars().any(|c| c.is_whitespace() || c.is_control())
            && matches!(v.split_once('@'), Some((local, domain))
                if !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
                    && !domain.ends_with('.') && !domain.contains('@'));
        if !ok {
            self.fail(field, "must be an e-mail address");
        }
        v
    }

    /// A new password within its declared length.
    pub fn password<const MIN: usize, const MAX: usize>(
        &mut self,
        field: &str,
        value: &Secret<MIN, MAX>,
    ) {
        let n = value.chars().count();
        if n < MIN {
            self.fail(field, format!("must be at least {MIN} characters"));
        } else if n > MAX {
            self.fail(field, format!("must be at most {MAX} characters"));
        }
    }

    /// The errors so far, for a use case that reports its own beside them.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Adds errors found elsewhere (a use case's broken rules).
    pub fn absorb(&mut self, errors: Vec<FieldError>) {
        self.errors.extend(errors);
    }

    /// `Ok` when nothing failed; otherwise a 422 naming every field.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

/// The `Idempotency-Key` header of a POST that creates or records something:
/// 1–255 visible ASCII characters, as the schema says. The replay itself is
/// the `idempotency` middleware's; handlers only declare the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(pub String);

impl Type for IdempotencyKey {
    const IS_REQUIRED: bool = true;
    type RawValueType = String;
    type RawElementValueType = String;

    fn name() -> Cow<'static, str> {
        "string".into()
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            min_length: Some(1),
            max_length: Some(255),
            pattern: Some(r"^[\x21-\x7E]+$".into()),
            ..MetaSchema::new("string")
        }))
    }

    fn as_raw_value(&self) -> Option<&String> {
        Some(&self.0)
    }

    fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a String> + 'a> {
        Box::new(std::iter::once(&self.0))
    }
}

impl poem_openapi::types::ParseFromParameter for IdempotencyKey {
    fn parse_from_parameter(value: &str) -> ParseResult<Self> {
        if crate::idempotency::valid_key(value) {
            Ok(Self(value.to_string()))
        } else {
            Err(ParseError::custom("must be 1–255 visible ASCII characters"))
        }
    }
}

/// An item of a batch parsed on its own: documented exactly as `T`, but a
/// malformed item does not fail the whole request — it keeps its parse error
/// (and whatever `client_event_id` it carried) so that the batch can answer
/// it `rejected` and go on with the rest.
pub struct Lenient<T> {
    pub value: Result<T, String>,
    /// The item as sent.
    pub raw: serde_json::Value,
}

impl<T: Type> Type for Lenient<T> {
    const IS_REQUIRED: bool = true;
    type RawValueType = T::RawValueType;
    type RawElementValueType = T::RawElementValueType;

    fn name() -> Cow<'static, str> {
        T::name()
    }

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut poem_openapi::registry::Registry) {
        T::register(registry);
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        self.value.as_ref().ok().and_then(T::as_raw_value)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        match &self.value {
            Ok(v) => v.raw_element_iter(),
            Err(_) => Box::new(std::iter::empty()),
        }
    }
}

impl<T: ParseFromJSON> ParseFromJSON for Lenient<T> {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        let raw = value.unwrap_or_default();
        Ok(Self {
            value: T::parse_from_json(Some(raw.clone())).map_err(|e| e.into_message()),
            raw,
        })
    }
}

impl<T: ToJSON> ToJSON for Lenient<T> {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(self.raw.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_collects_every_problem() {
        let mut c = Check::new();
        assert_eq!(c.text("name", &Text::<10>("  ok ".into())), "ok");
        c.text("title", &Text::<10>(String::new()));
        c.email("email", "no-at-sign");
        c.password("password", &NewPassword::from("short".to_string()));
        let Err(ApiError::Validation(errors)) = c.finish() else {
            panic!("expected validation errors")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "email", "password"]);
    }

    #[test]
    fn emails_are_lower_cased() {
        let mut c = Check::new();
        assert_eq!(c.email("e", " A@B.CN "), "a@b.cn");
        assert!(c.finish().is_ok());
    }
}
