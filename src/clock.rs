//! The server's notion of "now": real time plus an offset that tests can
//! advance (e.g. past a bid deadline) without sleeping.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, NaiveDate, Utc};

#[derive(Debug, Default)]
pub struct Clock {
    offset_secs: AtomicI64,
}

impl Clock {
    /// Now, at microsecond precision.
    pub fn now(&self) -> DateTime<Utc> {
        crate::store::now() + Duration::seconds(self.offset_secs.load(Ordering::Relaxed))
    }

    /// Today's date in the bureau's time zone.
    pub fn today(&self, tz: chrono_tz::Tz) -> NaiveDate {
        self.now().with_timezone(&tz).date_naive()
    }

    /// Moves the clock forward (tests and demos only).
    pub fn advance(&self, by: Duration) {
        self.offset_secs
            .fetch_add(by.num_seconds(), Ordering::Relaxed);
    }
}
