//! Failed-login throttling: after too many failures within a window, per
//! account or per client IP, further attempts get 429 until the window passes.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Counts failures per key in fixed windows.
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

    /// `Some(seconds to wait)` when any key is over its limit (`factor` × max).
    pub fn blocked(&self, keys: &[(&str, u32)]) -> Option<u64> {
        let now = Instant::now();
        let map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        keys.iter()
            .filter_map(|(key, factor)| {
                let (start, count) = map.get(*key)?;
                let elapsed = now.duration_since(*start);
                (elapsed < self.window && *count >= self.max_failures * factor)
                    .then(|| (self.window - elapsed).as_secs().max(1))
            })
            .max()
    }

    /// Records one failure against each key.
    pub fn record_failure(&self, keys: &[&str]) {
        let now = Instant::now();
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            map.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        for key in keys {
            let entry = map.entry((*key).to_string()).or_insert((now, 0));
            if now.duration_since(entry.0) >= self.window {
                *entry = (now, 0);
            }
            entry.1 += 1;
        }
    }

    /// Forgets an account's failures after a successful login.
    pub fn clear(&self, key: &str) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max_failures_and_clears_on_success() {
        let t = LoginThrottle::new(3, Duration::from_secs(60));
        for _ in 0..2 {
            t.record_failure(&["a"]);
        }
        assert_eq!(t.blocked(&[("a", 1)]), None);
        t.record_failure(&["a"]);
        let wait = t.blocked(&[("a", 1)]).unwrap();
        assert!((1..=60).contains(&wait));
        assert_eq!(t.blocked(&[("a", 2)]), None);
        t.clear("a");
        assert_eq!(t.blocked(&[("a", 1)]), None);
    }

    #[test]
    fn window_expiry_unblocks() {
        let t = LoginThrottle::new(1, Duration::from_millis(1));
        t.record_failure(&["a"]);
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(t.blocked(&[("a", 1)]), None);
    }
}
