//! A connection's requests: how many are in progress and when the last one started or ended,
//! so the accept loop can end connections that carry no requests. Control traffic (HTTP/2
//! PINGs and SETTINGS) does not count: a client that only pings holds a descriptor and serves
//! nobody.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Activity {
    opened: Instant,
    inner: Arc<Counters>,
}

#[derive(Default)]
struct Counters {
    in_progress: AtomicU64,
    /// One more than the milliseconds since the connection opened at which a request last
    /// started or ended; 0 while no request has started.
    last_ms: AtomicU64,
}

impl Default for Activity {
    /// A connection opened now.
    fn default() -> Self {
        Activity {
            opened: Instant::now(),
            inner: Arc::default(),
        }
    }
}

impl Activity {
    fn touch(&self) {
        let now = u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.inner
            .last_ms
            .store(now.saturating_add(1), Ordering::Relaxed);
    }

    /// Marks a request in progress until the returned guard is dropped.
    pub fn request(&self) -> InProgress {
        self.inner.in_progress.fetch_add(1, Ordering::Relaxed);
        self.touch();
        InProgress(self.clone())
    }

    /// Whether a request has ever started on the connection.
    pub fn started(&self) -> bool {
        self.inner.last_ms.load(Ordering::Relaxed) > 0
    }

    /// How long the connection has carried no request: zero while one is in progress.
    pub fn quiet_for(&self) -> Duration {
        if self.inner.in_progress.load(Ordering::Relaxed) > 0 {
            return Duration::ZERO;
        }
        let last_ms = self.inner.last_ms.load(Ordering::Relaxed).saturating_sub(1);
        let last = Duration::from_millis(last_ms);
        self.opened.elapsed().saturating_sub(last)
    }
}

/// A request in progress; its end counts as activity.
pub struct InProgress(Activity);

impl Drop for InProgress {
    fn drop(&mut self) {
        self.0.touch();
        self.0.inner.in_progress.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_only_without_requests_in_progress() {
        let activity = Activity::default();
        assert!(!activity.started());
        let busy = activity.request();
        assert!(activity.started());
        assert_eq!(activity.quiet_for(), Duration::ZERO);
        drop(busy);
        std::thread::sleep(Duration::from_millis(20));
        assert!(activity.quiet_for() >= Duration::from_millis(20));
    }
}
