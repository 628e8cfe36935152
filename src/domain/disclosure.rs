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
    /// Whether a caller with `role`, acting for `org`, owns the record — the
    /// one ownership rule: only the owner changes a person or removes their links.
    pub fn owned_by(&self, role: Role, org: uuid::Uuid) -> bool {
        match role {
            Role::OfficeStaff => self.office_id == Some(org),
            Role::NgoAdmin | Role::NgoStaff => self.ngo_id == Some(org),
            _ => false,
        }
    }
}

/// Whether the caller sees the full ID number (and so the birth date): the
/// bureau and the person's own judicial office, never an NGO.
pub fn shows_full_id(role: Role, org: uuid::Uuid, owner: Owner) -> bool {
    matches!(role, Role::Admin | Role::Officer)
        || (role == Role::OfficeStaff && owner.office_id == Some(org))
}

/// The disclosure level for a caller (`role`, acting for `org`) and a person.
pub fn disclosure(role: Role, org: uuid::Uuid, owner: Owner, minor: bool) -> Disclosure {
    let bureau = matches!(role, Role::Admin | Role::Officer);
    if bureau || owner.owned_by(role, org) {
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
    fn only_the_bureau_and_the_office_see_the_full_id_and_only_owners_own() {
        let (office, ngo) = (Uuid::now_v7(), Uuid::now_v7());
        let subject = Owner {
            office_id: Some(office),
            ngo_id: None,
        };
        let volunteer = Owner {
            office_id: None,
            ngo_id: Some(ngo),
        };
        assert!(shows_full_id(Role::Admin, ngo, subject));
        assert!(shows_full_id(Role::OfficeStaff, office, subject));
        assert!(
            !shows_full_id(Role::NgoAdmin, ngo, volunteer),
            "owner, not shown the ID"
        );
        assert!(!shows_full_id(Role::Auditor, office, subject));
        assert!(subject.owned_by(Role::OfficeStaff, office));
        assert!(!subject.owned_by(Role::NgoStaff, office));
        assert!(volunteer.owned_by(Role::NgoStaff, ngo));
        assert!(
            !volunteer.owned_by(Role::Officer, ngo),
            "the bureau sees all, owns none"
        );
    }

    #[test]
    fn age_counts_whole_years() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(age_on(d("2008-12-04"), d("2026-12-03")), 17);
        assert_eq!(age_on(d("2008-12-03"), d("2026-12-03")), 18);
    }
}
