//! Failed-login throttling: after too many attempts that did not succeed
//! within a window, per account or per client IP, further attempts get 429
//! until the window passes.
//!
//! An attempt is *reserved* (counted) atomically before the password is
//! verified, and only a success gives it back. Concurrent attempts therefore
//! cannot all pass the check before any of them has failed: with a limit of
//! 5, at most 5 guesses are ever evaluated per window, however many arrive
//! at once.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::error::ApiError;

/// The per-account key: logins and password changes of one account share it.
pub fn account_key(normalized_email: &str) -> String {
    format!("acct:{normalized_email}")
}

/// The per-IP key.
pub fn ip_key(ip: Option<&str>) -> String {
    format!("ip:{}", ip.unwrap_or("unknown"))
}

/// Counts attempts per key in fixed windows.
pub struct LoginThrottle {
    max_failures: u32,
    window: Duration,
    entries: Mutex<HashMap<String, (Instant, u32)>>,
}

impl LoginThrottle {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures,
            window,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Reserves one attempt against every key (each allowed `factor` × max
    /// per window), or `Err(seconds to wait)` when any key is at its limit;
    /// then nothing is counted.
    pub fn reserve(&self, keys: &[(&str, u32)]) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            map.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let wait = keys
            .iter()
            .filter_map(|(key, factor)| {
                let (start, count) = map.get(*key)?;
                let elapsed = now.duration_since(*start);
                (elapsed < self.window && *count >= self.max_failures * factor)
                    .then(|| (self.window - elapsed).as_secs().max(1))
            })
            .max();
        if let Some(w) = wait {
            return Err(w);
        }
        for (key, _) in keys {
            let entry = map.entry((*key).to_string()).or_insert((now, 0));
            if now.duration_since(entry.0) >= self.window {
                *entry = (now, 0);
            }
            entry.1 += 1;
        }
        Ok(())
    }

    /// One throttled credential check: reserves an attempt against `account`
    /// (the limit) and `ip` (four times the limit) — 429 when either is used
    /// up — runs `check`, and gives the attempt back when it yields `Some`.
    /// `None` (wrong credentials) stays counted.
    pub async fn guard<T>(
        &self,
        account: &str,
        ip: &str,
        check: impl Future<Output = Result<Option<T>, ApiError>>,
    ) -> Result<Option<T>, ApiError> {
        self.reserve(&[(account, 1), (ip, 4)])
            .map_err(|retry| ApiError::RateLimited {
                retry_after_secs: retry,
            })?;
        let found = check.await?;
        if found.is_some() {
            self.succeeded(account, &[ip]);
        }
        Ok(found)
    }

    /// A reserved attempt succeeded: the account's count is forgotten and
    /// the attempt is given back to the other keys (e.g. the IP).
    pub fn succeeded(&self, account: &str, others: &[&str]) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(account);
        for key in others {
            if let Some(entry) = map.get_mut(*key) {
                entry.1 = entry.1.saturating_sub(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserves_up_to_the_limit_and_a_success_gives_back() {
        let t = LoginThrottle::new(3, Duration::from_secs(60));
        for _ in 0..3 {
            assert_eq!(t.reserve(&[("a", 1), ("ip", 2)]), Ok(()));
        }
        let wait = t.reserve(&[("a", 1)]).unwrap_err();
        assert!((1..=60).contains(&wait));
        // A refused attempt is not counted against the other key.
        assert_eq!(t.reserve(&[("ip", 2)]), Ok(()));
        t.succeeded("a", &["ip"]);
        assert_eq!(t.reserve(&[("a", 1)]), Ok(()));
    }

    #[test]
    fn concurrent_reservations_never_exceed_the_limit() {
        let t = std::sync::Arc::new(LoginThrottle::new(5, Duration::from_secs(60)));
        let handles: Vec<_> = (0..40)
            .map(|_| {
                let t = t.clone();
                std::thread::spawn(move || t.reserve(&[("a", 1)]).is_ok())
            })
            .collect();
        let passed = handles
            .into_iter()
            .map(|h| h.join().unwrap_or(false))
            .filter(|ok| *ok)
            .count();
        assert_eq!(passed, 5);
    }

    #[test]
    fn window_expiry_unblocks() {
        let t = LoginThrottle::new(1, Duration::from_millis(1));
        assert_eq!(t.reserve(&[("a", 1)]), Ok(()));
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(t.reserve(&[("a", 1)]), Ok(()));
    }
}
