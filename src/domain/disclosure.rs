//! How much of a person's identity a caller may see — one rule for every
//! response that carries a participant (profiles, lists, referrals, alerts,
//! certificates, CSV).
//!
//! - `Full`: the bureau's admin and officers, and the person's owner (the
//!   judicial office for a person under correction, the NGO for its
//!   volunteer): name, and the full ID number where the API reveals it.
//! - `Masked`: everyone else who may see the person at all: name and the
//!   mask, never a field that restores what the mask hides (no birth date,
//!   only an age).
//! - `CodeOnly`: a minor shown to anyone but the bureau and the owner
//!   (Community Corrections Law: minors' identity is confidential) — the
//!   auditor included.

use chrono::{Datelike, NaiveDate};

use crate::domain::roles::Role;

/// What the caller may see of one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disclosure {
    Full,
    Masked,
    CodeOnly,
}

/// Who owns a participant record.
#[derive(Clone, Copy, Debug)]
pub struct Owner {
    /// The judicial office of a person under correction.
    pub office_id: Option<uuid::Uuid>,
    /// The NGO of a volunteer.
    pub ngo_id: Option<uuid::Uuid>,
}

impl Owner {
    /// Whether `org` owns the record.
    pub fn is(&self, org: uuid::Uuid) -> bool {
        self.office_id == Some(org) || self.ngo_id == Some(org)
    }
}

/// The disclosure level for a caller (`role`, acting for `org`) and a person.
pub fn disclosure(role: Role, org: uuid::Uuid, owner: Owner, minor: bool) -> Disclosure {
    let bureau = matches!(role, Role::Admin | Role::Officer);
    let owns = match role {
        Role::OfficeStaff => owner.office_id == Some(org),
        Role::NgoAdmin | Role::NgoStaff => owner.ngo_id == Some(org),
        _ => false,
    };
    if bureau || owns {
        Disclosure::Full
    } else if minor {
        Disclosure::CodeOnly
    } else {
        Disclosure::Masked
    }
}

/// Whole years of age on `day` for someone born on `birth`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn bureau_and_owner_see_all_others_a_mask_and_minors_a_code() {
        let office = Uuid::now_v7();
        let other = Uuid::now_v7();
        let subject = Owner {
            office_id: Some(office),
            ngo_id: None,
        };
        for minor in [false, true] {
            assert_eq!(
                disclosure(Role::Officer, other, subject, minor),
                Disclosure::Full
            );
            assert_eq!(
                disclosure(Role::OfficeStaff, office, subject, minor),
                Disclosure::Full
            );
        }
        for role in [Role::Auditor, Role::NgoStaff, Role::AgencyStaff] {
            assert_eq!(disclosure(role, other, subject, false), Disclosure::Masked);
            assert_eq!(disclosure(role, other, subject, true), Disclosure::CodeOnly);
        }
        // An NGO does not own a person under correction even with its id as office.
        assert_eq!(
            disclosure(Role::NgoStaff, office, subject, true),
            Disclosure::CodeOnly
        );
        let volunteer = Owner {
            office_id: None,
            ngo_id: Some(other),
        };
        assert_eq!(
            disclosure(Role::NgoAdmin, other, volunteer, true),
            Disclosure::Full
        );
    }

    #[test]
    fn age_counts_whole_years() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(age_on(d("2008-12-04"), d("2026-12-03")), 17);
        assert_eq!(age_on(d("2008-12-03"), d("2026-12-03")), 18);
    }
}
