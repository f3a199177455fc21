//! The only place that reads wall-clock time; everything else takes `now` as a parameter or
//! reads this clock. Tests may pin it, so a rule about time (a key's activation, a cache's
//! minimum age) can be crossed without waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Wall-clock time, or a pinned time that moves only when told to.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    pinned: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock standing at `at_ms` until [`Clock::advance`] moves it; clones share it.
    pub fn pinned(at_ms: i64) -> Self {
        Clock {
            pinned: Some(Arc::new(AtomicI64::new(at_ms))),
        }
    }

    /// Milliseconds since the Unix epoch, the unit the wire and the database use.
    pub fn now_ms(&self) -> i64 {
        match &self.pinned {
            Some(at) => at.load(Ordering::Relaxed),
            None => system_now_ms(),
        }
    }

    /// Moves a pinned clock forward by `ms`; the system clock moves by itself and is left as
    /// it is.
    pub fn advance(&self, ms: i64) {
        if let Some(at) = &self.pinned {
            at.fetch_add(ms, Ordering::Relaxed);
        }
    }
}

#[allow(clippy::disallowed_methods)]
fn system_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn a_pinned_clock_moves_only_when_advanced_and_clones_share_it() {
        let clock = Clock::pinned(1_000);
        let shared = clock.clone();
        assert_eq!(clock.now_ms(), 1_000);
        shared.advance(1_500);
        assert_eq!(clock.now_ms(), 2_500);
        let system = Clock::system();
        system.advance(1_000_000);
        assert!((system.now_ms() - Clock::system().now_ms()).abs() < 60_000);
    }
}
