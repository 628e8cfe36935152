//! Keyset pagination shared by every list: `limit` (default 50, capped at
//! 200) and an opaque `cursor` naming the last key of the previous page.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use crate::error::ApiError;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;

/// A validated page request over keys of type `K`.
#[derive(Clone, Debug)]
pub struct PageRequest<K> {
    pub limit: u64,
    pub after: Option<K>,
}

impl<K: std::str::FromStr> PageRequest<K> {
    /// From the raw query values; a bad cursor or a limit below 1 is a 422.
    pub fn parse(limit: Option<i64>, cursor: Option<&str>) -> Result<Self, ApiError> {
        let limit = match limit {
            None => DEFAULT_LIMIT,
            Some(n) if n < 1 => return Err(ApiError::field("limit", "must be at least 1")),
            Some(n) => (n as u64).min(MAX_LIMIT),
        };
        let after = match cursor {
            None | Some("") => None,
            Some(c) => Some(
                B64.decode(c)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| ApiError::field("cursor", "is not a valid cursor"))?,
            ),
        };
        Ok(Self { limit, after })
    }
}

/// Encodes a key as an opaque cursor.
pub fn cursor_for(key: impl std::fmt::Display) -> String {
    B64.encode(key.to_string())
}

/// Runs `select` ordered by `key_col` after the cursor; returns the page and the next cursor.
pub async fn fetch<E, K, C>(
    conn: &C,
    select: Select<E>,
    key_col: E::Column,
    page: &PageRequest<K>,
    key_of: impl Fn(&E::Model) -> K,
) -> Result<(Vec<E::Model>, Option<String>), ApiError>
where
    E: EntityTrait,
    K: Into<sea_orm::Value> + Clone + std::fmt::Display,
    C: ConnectionTrait,
{
    let mut select = select.order_by_asc(key_col).limit(page.limit + 1);
    if let Some(after) = &page.after {
        select = select.filter(key_col.gt(after.clone()));
    }
    let mut rows = select.all(conn).await?;
    let next = if rows.len() as u64 > page.limit {
        rows.truncate(page.limit as usize);
        rows.last().map(|m| cursor_for(key_of(m)))
    } else {
        None
    };
    Ok((rows, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_defaults_caps_and_rejects_zero() {
        assert_eq!(PageRequest::<i64>::parse(None, None).unwrap().limit, 50);
        assert_eq!(
            PageRequest::<i64>::parse(Some(5000), None).unwrap().limit,
            200
        );
        assert!(PageRequest::<i64>::parse(Some(0), None).is_err());
    }

    #[test]
    fn cursor_round_trips_and_garbage_is_rejected() {
        let c = cursor_for(42);
        assert_eq!(
            PageRequest::<i64>::parse(None, Some(&c)).unwrap().after,
            Some(42)
        );
        assert!(PageRequest::<i64>::parse(None, Some("!!")).is_err());
        assert!(PageRequest::<uuid::Uuid>::parse(None, Some(&c)).is_err());
    }
}
