//! Request values whose rules the spec states: each type declares its length,
//! pattern, format or range in the schema, so SDKs and strict clients know
//! them, and [`Check`](super::types::Check) enforces exactly those rules with a
//! 422 that names the field, every problem at once (a value of the wrong JSON
//! type is the parser's 400).

use std::{borrow::Cow, marker::PhantomData};

use poem_openapi::{
    registry::{MetaSchema, MetaSchemaRef, Registry},
    types::{ParseError, ParseFromJSON, ParseFromParameter, ParseResult, ToJSON, Type},
};

/// Characters no request text may hold: C0 and C1 controls (`char::is_control`).
const CONTROLS: &str = r"\u0000-\u001F\u007F-\u009F";
/// The controls multi-line text may not hold: all but tab, line feed and carriage return.
const CONTROLS_BUT_LINES: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";

/// The pattern of non-blank text without the given controls.
fn non_blank(controls: &str) -> String {
    format!(r"^[^{controls}]*[^\s{controls}][^{controls}]*$")
}

/// True for a character text may not hold (`multiline` allows tab, LF and CR).
pub fn forbidden_char(c: char, multiline: bool) -> bool {
    c.is_control() && !(multiline && matches!(c, '\t' | '\n' | '\r'))
}

/// Shared `Type` plumbing of a string newtype with a fixed schema.
macro_rules! string_type {
    ($ty:ty, $($gen:tt)*) => {
        impl<$($gen)*> Type for $ty {
            const IS_REQUIRED: bool = true;
            type RawValueType = String;
            type RawElementValueType = String;

            fn name() -> Cow<'static, str> {
                "string".into()
            }

            fn schema_ref() -> MetaSchemaRef {
                MetaSchemaRef::Inline(Box::new(Self::schema()))
            }

            fn as_raw_value(&self) -> Option<&String> {
                Some(&self.0)
            }

            fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a String> + 'a> {
                Box::new(std::iter::once(&self.0))
            }
        }

        impl<$($gen)*> ParseFromJSON for $ty {
            fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
                match value.unwrap_or_default() {
                    serde_json::Value::String(s) => Ok(Self::from(s)),
                    other => Err(ParseError::expected_type(other)),
                }
            }
        }

        impl<$($gen)*> ParseFromParameter for $ty {
            fn parse_from_parameter(value: &str) -> ParseResult<Self> {
                Ok(Self::from(value.to_string()))
            }
        }

        impl<$($gen)*> ToJSON for $ty {
            fn to_json(&self) -> Option<serde_json::Value> {
                Some(serde_json::Value::String(self.0.clone()))
            }
        }

        impl<$($gen)*> AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl<$($gen)*> std::ops::Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
    };
}

/// An integer in `MIN..=MAX`, checked by [`Check::within`](super::types::Check::within).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Int<const MIN: i64, const MAX: i64>(pub i64);

/// A number of hours in `MIN_X100/100 ..= MAX_X100/100` with at most two
/// decimals, kept in hundredths ([`Check::hours`](super::types::Check::hours)).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Hours<const MIN_X100: i64, const MAX_X100: i64>(pub f64);

macro_rules! number_type {
    ($ty:ident, $raw:ty, $kind:literal, $format:literal, $min:expr, $max:expr, $from:ident) => {
        impl<const A: i64, const B: i64> Type for $ty<A, B> {
            const IS_REQUIRED: bool = true;
            type RawValueType = $raw;
            type RawElementValueType = $raw;

            fn name() -> Cow<'static, str> {
                $kind.into()
            }

            fn schema_ref() -> MetaSchemaRef {
                MetaSchemaRef::Inline(Box::new(MetaSchema {
                    format: Some($format),
                    minimum: Some($min(A)),
                    maximum: Some($max(B)),
                    ..MetaSchema::new($kind)
                }))
            }

            fn as_raw_value(&self) -> Option<&$raw> {
                Some(&self.0)
            }

            fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a $raw> + 'a> {
                Box::new(std::iter::once(&self.0))
            }
        }

        impl<const A: i64, const B: i64> ParseFromJSON for $ty<A, B> {
            fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
                match value.unwrap_or_default() {
                    serde_json::Value::Number(n) if n.$from().is_some() => {
                        Ok(Self(n.$from().unwrap_or_default()))
                    }
                    other => Err(ParseError::expected_type(other)),
                }
            }
        }

        impl<const A: i64, const B: i64> ToJSON for $ty<A, B> {
            fn to_json(&self) -> Option<serde_json::Value> {
                serde_json::to_value(self.0).ok()
            }
        }
    };
}

number_type!(
    Int,
    i64,
    "integer",
    "int64",
    |a| a as f64,
    |b| b as f64,
    as_i64
);
number_type!(
    Hours,
    f64,
    "number",
    "double",
    |a| a as f64 / 100.0,
    |b| b as f64 / 100.0,
    as_f64
);

/// Text typed by a person: 1 to `MAX` characters, not blank, no control
/// characters (with `LINES`, tab and line breaks are allowed). Only a JSON
/// string is accepted (poem-openapi's `String` would also take numbers).
/// Surrounding white space is trimmed by [`Check::text`](super::types::Check::text).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Text<const MAX: usize, const LINES: bool = false>(pub String);

/// Multi-line text (narratives, proposals, descriptions).
pub type Prose<const MAX: usize> = Text<MAX, true>;

impl<const MAX: usize, const LINES: bool> Text<MAX, LINES> {
    fn schema() -> MetaSchema {
        MetaSchema {
            min_length: Some(1),
            max_length: Some(MAX),
            pattern: Some(non_blank(if LINES { CONTROLS_BUT_LINES } else { CONTROLS })),
            ..MetaSchema::new("string")
        }
    }
}

impl<const MAX: usize, const LINES: bool> From<String> for Text<MAX, LINES> {
    fn from(s: String) -> Self {
        Self(s)
    }
}

string_type!(Text<MAX, LINES>, const MAX: usize, const LINES: bool);

/// A password, token or client secret: `MIN` to `MAX` characters, taken as
/// sent (never trimmed). Whether it is right is the server's business (401).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<const MIN: usize, const MAX: usize>(pub String);

/// A new password: at least [`MIN_PASSWORD_LEN`](crate::auth::password::MIN_PASSWORD_LEN) characters.
pub type NewPassword = Secret<{ crate::auth::password::MIN_PASSWORD_LEN }, 256>;
/// A password, refresh token or secret as presented.
pub type Credential = Secret<1, 512>;

impl<const MIN: usize, const MAX: usize> std::fmt::Debug for Secret<MIN, MAX> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl<const MIN: usize, const MAX: usize> Secret<MIN, MAX> {
    fn schema() -> MetaSchema {
        MetaSchema {
            min_length: Some(MIN),
            max_length: Some(MAX),
            ..MetaSchema::new("string")
        }
    }

    /// Within the declared length.
    pub fn fits(&self) -> bool {
        (MIN..=MAX).contains(&self.0.chars().count())
    }
}

impl<const MIN: usize, const MAX: usize> From<String> for Secret<MIN, MAX> {
    fn from(s: String) -> Self {
        Self(s)
    }
}

string_type!(Secret<MIN, MAX>, const MIN: usize, const MAX: usize);

/// A string with a fixed pattern or format, checked where it is used.
macro_rules! patterned {
    ($(#[$m:meta])* $name:ident { $($field:ident: $value:expr),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct $name(pub String);

        impl $name {
            fn schema() -> MetaSchema {
                MetaSchema { $($field: $value,)* ..MetaSchema::new("string") }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        string_type!($name,);
    };
}

patterned!(
    /// An e-mail address (stored lower-cased).
    Email {
        format: Some("email"),
        min_length: Some(3),
        max_length: Some(254),
    }
);

patterned!(
    /// A unified social credit code (统一社会信用代码, GB 32100): 18 characters
    /// of its alphabet, either case; both check characters are verified (422).
    CreditCode {
        min_length: Some(18),
        max_length: Some(18),
        pattern: Some("^[0-9A-HJ-NP-RTUW-Ya-hj-np-rtuw-y]{18}$".into()),
    }
);

patterned!(
    /// A resident ID number (身份证号, GB 11643): 17 digits and a check
    /// character (`X` either case); the birth date and check are verified (422).
    IdNumberText {
        min_length: Some(18),
        max_length: Some(18),
        pattern: Some("^[0-9]{17}[0-9Xx]$".into()),
    }
);

patterned!(
    /// One skill (特长) of a participant: at most 50 characters without
    /// control characters; blank items are dropped.
    Skill {
        max_length: Some(super::types::MAX_SKILL_CHARS),
        pattern: Some(format!("^[^{CONTROLS}]*$")),
    }
);

patterned!(
    /// A month, `YYYY-MM`, 2000-01 to 2100-12.
    MonthText {
        min_length: Some(7),
        max_length: Some(7),
        pattern: Some("^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$".into()),
    }
);

impl MonthText {
    /// The month this text names, defaulting to the month of `today` when
    /// absent; a 422 on `month` when it names none.
    pub fn or_current(
        text: Option<&MonthText>,
        today: chrono::NaiveDate,
    ) -> Result<crate::domain::hours::Month, crate::error::ApiError> {
        match text {
            Some(t) => t.month(),
            None => Ok(crate::domain::hours::Month::of(today)),
        }
    }

    /// The month this text names; a 422 on `month` when it names none.
    pub fn month(&self) -> Result<crate::domain::hours::Month, crate::error::ApiError> {
        self.0
            .parse()
            .map_err(|e: String| crate::error::ApiError::field("month", e))
    }
}

patterned!(
    /// An opaque page cursor, as a list's `next_cursor` gave it.
    Cursor {
        max_length: Some(200),
        pattern: Some("^[A-Za-z0-9_-]*$".into()),
    }
);

/// A status or other closed value read back from a row: documented as the
/// named enum `E` (the one its filters take), sent as the stored string.
/// Rows are only ever written from the domain's enums, so the string is one of
/// `E`'s values; debug builds assert it.
pub struct Stored<E>(String, PhantomData<fn() -> E>);

impl<E: ParseFromJSON> Stored<E> {
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        debug_assert!(
            E::parse_from_json(Some(serde_json::Value::String(value.clone()))).is_ok(),
            "stored value {value:?} is not one of {}",
            E::name()
        );
        Self(value, PhantomData)
    }
}

impl<E> Stored<E> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<E> Clone for Stored<E> {
    fn clone(&self) -> Self {
        Self(self.0.clone(), PhantomData)
    }
}

impl<E> std::fmt::Debug for Stored<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<E: Type> Type for Stored<E> {
    const IS_REQUIRED: bool = true;
    type RawValueType = String;
    type RawElementValueType = String;

    fn name() -> Cow<'static, str> {
        E::name()
    }

    fn schema_ref() -> MetaSchemaRef {
        E::schema_ref()
    }

    fn register(registry: &mut Registry) {
        E::register(registry);
    }

    fn as_raw_value(&self) -> Option<&String> {
        Some(&self.0)
    }

    fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a String> + 'a> {
        Box::new(std::iter::once(&self.0))
    }
}

impl<E: ParseFromJSON> ParseFromJSON for Stored<E> {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        E::parse_from_json(value.clone()).map_err(ParseError::propagate)?;
        match value {
            Some(serde_json::Value::String(s)) => Ok(Self(s, PhantomData)),
            other => Err(ParseError::expected_type(other.unwrap_or_default())),
        }
    }
}

impl<E: Type> ToJSON for Stored<E> {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(serde_json::Value::String(self.0.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_pattern_is_the_checked_rule() {
        let line = regex::Regex::new(&non_blank(CONTROLS)).unwrap();
        let prose = regex::Regex::new(&non_blank(CONTROLS_BUT_LINES)).unwrap();
        for s in [
            "a",
            "  a ",
            "",
            "   ",
            "a\nb",
            "a\tb",
            "a\u{7}b",
            "a\u{85}b",
            "\n",
            "\u{3000}",
            "日\r\n志",
        ] {
            let server =
                |lines| !s.trim().is_empty() && !s.chars().any(|c| forbidden_char(c, lines));
            assert_eq!(line.is_match(s), server(false), "{s:?}");
            assert_eq!(prose.is_match(s), server(true), "{s:?}");
        }
        assert!(prose.is_match("a\nb") && !line.is_match("a\nb"));
    }
}
