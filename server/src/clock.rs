//! The only place that reads wall-clock time; everything else takes `now` as a parameter.

use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Copy, Debug, Default)]
pub struct Clock;

impl Clock {
    /// Milliseconds since the Unix epoch, the unit the wire and the database use.
    #[allow(clippy::disallowed_methods)]
    pub fn now_ms(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}
