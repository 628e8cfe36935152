//! Citizen ID numbers (居民身份证号码, GB 11643-1999): 17 digits plus a mod-11
//! check character; positions 7–14 are the birth date, position 17 is odd for
//! men and even for women.

use chrono::NaiveDate;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// A validated ID number (upper-case `X`).
#[derive(Clone, PartialEq, Eq)]
pub struct IdNumber(String);

/// Never print a full ID number by accident.
impl std::fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdNumber({})", self.masked())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdNumberError {
    #[error("must be 18 characters: 17 digits and a check digit or X")]
    Format,
    #[error("birth date (positions 7–14) is not a real date")]
    BirthDate,
    #[error("check character is wrong")]
    Check,
}

/// Gender as encoded in the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl IdNumber {
    pub fn parse(input: &str) -> Result<Self, IdNumberError> {
        let s = input.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        if b.len() != 18
            || !b[..17].iter().all(u8::is_ascii_digit)
            || !(b[17].is_ascii_digit() || b[17] == b'X')
        {
            return Err(IdNumberError::Format);
        }
        NaiveDate::parse_from_str(&s[6..14], "%Y%m%d").map_err(|_| IdNumberError::BirthDate)?;
        let sum: u32 = b[..17]
            .iter()
            .zip(WEIGHTS)
            .map(|(c, w)| (c - b'0') as u32 * w)
            .sum();
        if CHECK[(sum % 11) as usize] != b[17] {
            return Err(IdNumberError::Check);
        }
        Ok(Self(s))
    }

    /// Completes 17 digits with their check character (for demo and test data).
    pub fn complete(first17: &str) -> Result<Self, IdNumberError> {
        let b = first17.as_bytes();
        if b.len() != 17 || !b.iter().all(u8::is_ascii_digit) {
            return Err(IdNumberError::Format);
        }
        let sum: u32 = b
            .iter()
            .zip(WEIGHTS)
            .map(|(c, w)| (c - b'0') as u32 * w)
            .sum();
        Self::parse(&format!("{first17}{}", CHECK[(sum % 11) as usize] as char))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.0[6..14], "%Y%m%d").unwrap_or_default()
    }

    pub fn gender(&self) -> Gender {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    /// First 6 + `********` + last 4, e.g. `142327********1234`.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }

    /// Whole years of age on `day`.
    pub fn age_on(&self, day: NaiveDate) -> i32 {
        crate::domain::disclosure::age_on(self.birth_date(), day)
    }
}

/// The mask of an 18-character number (anything shorter is fully masked).
pub fn mask(id: &str) -> String {
    if id.len() == 18 && id.is_ascii() {
        format!("{}********{}", &id[..6], &id[14..])
    } else {
        "******************".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: [&str; 2] = ["11010519491231002X", "440524188001010014"];

    #[test]
    fn glossary_examples_are_valid_and_derive_fields() {
        let a = IdNumber::parse("11010519491231002x").unwrap();
        assert_eq!(a.as_str(), "11010519491231002X");
        assert_eq!(
            a.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert_eq!(a.gender(), Gender::Female);
        let b = IdNumber::parse(VALID[1]).unwrap();
        assert_eq!(b.gender(), Gender::Male);
        assert_eq!(b.masked(), "440524********0014");
    }

    #[test]
    fn any_single_character_change_is_rejected() {
        for id in VALID {
            for i in 0..18 {
                for c in b"0123456789X" {
                    let mut v = id.as_bytes().to_vec();
                    if v[i] == *c {
                        continue;
                    }
                    v[i] = *c;
                    let changed = String::from_utf8(v).unwrap();
                    assert!(IdNumber::parse(&changed).is_err(), "{changed}");
                }
            }
        }
    }

    #[test]
    fn impossible_birth_dates_are_rejected() {
        // 1949-02-30 with a correct check digit for those 17 digits.
        let base = "11010519490230002";
        let sum: u32 = base
            .bytes()
            .zip(WEIGHTS)
            .map(|(c, w)| (c - b'0') as u32 * w)
            .sum();
        let id = format!("{base}{}", CHECK[(sum % 11) as usize] as char);
        assert_eq!(IdNumber::parse(&id), Err(IdNumberError::BirthDate));
    }

    #[test]
    fn complete_reproduces_known_numbers() {
        for id in VALID {
            assert_eq!(IdNumber::complete(&id[..17]).unwrap().as_str(), id);
        }
    }

    #[test]
    fn age_counts_whole_years() {
        let a = IdNumber::parse(VALID[0]).unwrap();
        assert_eq!(a.age_on(NaiveDate::from_ymd_opt(1967, 12, 30).unwrap()), 17);
        assert_eq!(a.age_on(NaiveDate::from_ymd_opt(1967, 12, 31).unwrap()), 18);
    }

    #[test]
    fn debug_never_shows_the_number() {
        let a = IdNumber::parse(VALID[1]).unwrap();
        assert!(!format!("{a:?}").contains("188001010014"));
    }
}
