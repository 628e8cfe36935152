//! Unified social credit code (统一社会信用代码, GB 32100-2015).
//!
//! 18 characters from a 31-symbol alphabet; the last is a mod-31 check over the
//! first 17. Positions 9–17 are the GB 11714 organisation code, whose last
//! character is its own mod-11 check. Both checks are validated.

use std::fmt;

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// A validated unified social credit code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Uscc(String);

/// Why a string is not a valid credit code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UsccError {
    #[error("must be 18 characters")]
    Length,
    #[error("contains a character outside the GB 32100 alphabet")]
    Alphabet,
    #[error("organisation code check character is wrong")]
    OrgCheck,
    #[error("check character is wrong")]
    Check,
}

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// GB 11714 value: digits as themselves, letters A=10 … Z=35.
fn org_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u32),
        b'A'..=b'Z' => Some((c - b'A') as u32 + 10),
        _ => None,
    }
}

/// The GB 11714 check character over the 8 body characters.
fn org_check(body: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (c, w) in body.iter().zip(ORG_WEIGHTS) {
        sum += org_value(*c)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        n => b'0' + n as u8,
    })
}

/// The GB 32100 check character over the first 17 characters.
fn check(first17: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (c, w) in first17.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    Some(ALPHABET[((31 - sum % 31) % 31) as usize])
}

impl Uscc {
    /// Parses and validates a code (case-insensitive input, stored upper-case).
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        let s = input.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        if b.len() != 18 {
            return Err(UsccError::Length);
        }
        if b.iter().any(|c| value(*c).is_none()) {
            return Err(UsccError::Alphabet);
        }
        if org_check(&b[8..16]) != Some(b[16]) {
            return Err(UsccError::OrgCheck);
        }
        if check(&b[..17]) != Some(b[17]) {
            return Err(UsccError::Check);
        }
        Ok(Self(s))
    }

    /// Completes 16 leading characters (registration dept, type, region, org body)
    /// with both check characters. Used to make valid demo and test data.
    pub fn complete(first16: &str) -> Result<Self, UsccError> {
        let b = first16.as_bytes();
        if b.len() != 16 {
            return Err(UsccError::Length);
        }
        let org = org_check(&b[8..16]).ok_or(UsccError::Alphabet)?;
        let mut v = b.to_vec();
        v.push(org);
        let c = check(&v).ok_or(UsccError::Alphabet)?;
        v.push(c);
        Self::parse(std::str::from_utf8(&v).map_err(|_| UsccError::Alphabet)?)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: [&str; 3] = [
        "91350100M000100Y43",
        "91110000802100433B",
        "52110105MJ0000018A",
    ];

    #[test]
    fn glossary_examples_are_valid() {
        for code in VALID {
            assert_eq!(Uscc::parse(code).unwrap().as_str(), code);
        }
    }

    #[test]
    fn lower_case_input_is_normalised() {
        assert_eq!(
            Uscc::parse("91350100m000100y43").unwrap().as_str(),
            "91350100M000100Y43"
        );
    }

    #[test]
    fn any_single_character_change_is_rejected() {
        for code in VALID {
            for i in 0..18 {
                for &c in ALPHABET.iter() {
                    let mut b = code.as_bytes().to_vec();
                    if b[i] == c {
                        continue;
                    }
                    b[i] = c;
                    let changed = String::from_utf8(b).unwrap();
                    assert!(Uscc::parse(&changed).is_err(), "{changed} accepted");
                }
            }
        }
    }

    #[test]
    fn wrong_length_and_alphabet_are_named() {
        assert_eq!(Uscc::parse("9135"), Err(UsccError::Length));
        assert_eq!(Uscc::parse("91350100I000100Y43"), Err(UsccError::Alphabet));
        assert_eq!(Uscc::parse("91350100M000100Y53"), Err(UsccError::OrgCheck));
        assert_eq!(Uscc::parse("91350100M000100Y44"), Err(UsccError::Check));
    }

    #[test]
    fn complete_reproduces_known_codes() {
        for code in VALID {
            assert_eq!(Uscc::complete(&code[..16]).unwrap().as_str(), code);
        }
    }
}
