//! A macro for status enums with named actions and an explicit transition
//! table: `status.apply(action)` is the only way a status changes.

/// An action that is not allowed from the current status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} when {from}")]
pub struct InvalidTransition {
    pub from: &'static str,
    pub action: &'static str,
}

macro_rules! transitions {
    (
        $(#[$m:meta])* $status:ident { $($s:ident => $sname:literal),+ $(,)? }
        actions $action:ident { $($a:ident => $aname:literal : [$($from:ident),+] => $to:ident),+ $(,)? }
    ) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $status { $($s),+ }

        /// Actions on this status.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $action { $($a),+ }

        impl $status {
            pub const ALL: &'static [$status] = &[$($status::$s),+];

            pub fn as_str(self) -> &'static str {
                match self { $($status::$s => $sname),+ }
            }

            /// The status after `action`, or why not.
            pub fn apply(self, action: $action) -> Result<$status, $crate::domain::transition::InvalidTransition> {
                match action {
                    $($action::$a => match self {
                        $($status::$from)|+ => Ok($status::$to),
                        _ => Err($crate::domain::transition::InvalidTransition {
                            from: self.as_str(),
                            action: $aname,
                        }),
                    }),+
                }
            }
        }

        impl std::str::FromStr for $status {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($sname => Ok($status::$s),)+
                    _ => Err(format!("unknown {} `{s}`", stringify!($status))),
                }
            }
        }

        impl std::fmt::Display for $status {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use transitions;
