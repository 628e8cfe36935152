//! Organisation kinds, user roles and partner-client scopes.

use std::str::FromStr;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and serialised name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok($name::$variant),)+
                    _ => Err(format!("unknown {} `{s}`", stringify!($name))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// What kind of organisation a tenant is.
    OrgKind {
        Bureau => "bureau",
        JudicialOffice => "judicial_office",
        Ngo => "ngo",
        Agency => "agency",
        Procuratorate => "procuratorate",
    }
);

string_enum!(
    /// A user's role; each belongs to exactly one organisation kind.
    Role {
        Admin => "admin",
        Officer => "officer",
        OfficeStaff => "office_staff",
        NgoAdmin => "ngo_admin",
        NgoStaff => "ngo_staff",
        AgencyStaff => "agency_staff",
        Auditor => "auditor",
    }
);

string_enum!(
    /// What a partner-app client may do.
    Scope {
        SessionsRead => "sessions:read",
        AttendanceWrite => "attendance:write",
        ParticipantsRead => "participants:read",
        CheckinRead => "checkin:read",
    }
);

impl Role {
    /// The organisation kind users with this role belong to.
    pub fn org_kind(self) -> OrgKind {
        match self {
            Role::Admin | Role::Officer => OrgKind::Bureau,
            Role::OfficeStaff => OrgKind::JudicialOffice,
            Role::NgoAdmin | Role::NgoStaff => OrgKind::Ngo,
            Role::AgencyStaff => OrgKind::Agency,
            Role::Auditor => OrgKind::Procuratorate,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), *r);
        }
        for k in OrgKind::ALL {
            assert_eq!(k.as_str().parse::<OrgKind>().unwrap(), *k);
        }
        for s in Scope::ALL {
            assert_eq!(s.as_str().parse::<Scope>().unwrap(), *s);
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn every_role_belongs_to_one_kind() {
        assert_eq!(Role::Officer.org_kind(), OrgKind::Bureau);
        assert_eq!(Role::NgoStaff.org_kind(), OrgKind::Ngo);
        assert_eq!(Role::Auditor.org_kind(), OrgKind::Procuratorate);
    }
}
