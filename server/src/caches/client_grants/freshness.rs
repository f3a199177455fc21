//! When a replica may trust what it remembers of the apps' organization grants (what raises
//! the generation and how stale a grant can get: [`crate::caches`]).
//!
//! A generation number names the state the remembered grants were read in; anything read
//! under an older generation is not used again. The poller also confirms, at every successful
//! poll, that nothing changed before the poll began, and remembered grants are used only while
//! the last confirmation is younger than [`Freshness::max_age`]: a replica whose polls fail
//! does not trust what may have changed meanwhile.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::storage::{Change, Changes, Store};

/// Confirmation time meaning "never confirmed".
const NEVER: u64 = u64::MAX;

pub struct Freshness {
    /// Raised by the poller when the database's revision moved.
    generation: AtomicU64,
    /// This replica's own committed writes of grants, counted by the storage layer the moment
    /// they commit: part of the generation, so they apply before the writer answers.
    local: Arc<Changes>,
    /// Milliseconds since `origin` at which the last successful poll began.
    confirmed_at: AtomicU64,
    origin: Instant,
    max_age_ms: u64,
}

impl Freshness {
    /// Polls every `interval`; a confirmation stays good for three intervals, so one slow or
    /// failed poll does not turn the memory off.
    pub fn new(interval: Duration, local: Arc<Changes>) -> Self {
        Self {
            generation: AtomicU64::new(0),
            local,
            confirmed_at: AtomicU64::new(NEVER),
            origin: Instant::now(),
            max_age_ms: u64::try_from(interval.as_millis().saturating_mul(3)).unwrap_or(u64::MAX),
        }
    }

    /// The longest a change made through another replica can go unseen here.
    pub fn max_age(&self) -> Duration {
        Duration::from_millis(self.max_age_ms)
    }

    /// The generation remembered grants must carry to be used; `None` while nothing may be
    /// trusted (not yet confirmed, or the confirmation is too old).
    pub fn current(&self) -> Option<u64> {
        self.current_at(self.now_ms())
    }

    fn current_at(&self, now_ms: u64) -> Option<u64> {
        let confirmed = self.confirmed_at.load(Ordering::SeqCst);
        if confirmed == NEVER || now_ms.saturating_sub(confirmed) > self.max_age_ms {
            return None;
        }
        // Both counters only rise, so their sum changes whenever either does.
        let polled = self.generation.load(Ordering::SeqCst);
        Some(polled.wrapping_add(self.local.count(Change::ClientGrants)))
    }

    /// Forgets everything remembered so far (the database's revision moved).
    fn bump(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn confirm(&self, poll_began_ms: u64) {
        self.confirmed_at.store(poll_began_ms, Ordering::SeqCst);
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(NEVER - 1)
    }
}

/// Polls the database's grants revision every `interval` for as long as the runtime runs.
pub fn watch(store: Store, freshness: Arc<Freshness>, interval: Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen = None;
        let mut failing = false;
        loop {
            ticker.tick().await;
            let began = freshness.now_ms();
            match store.client_grants_revision().await {
                Ok(revision) => {
                    // Bump before confirming: a reader that sees the new confirmation also
                    // sees the new generation.
                    if seen != Some(revision) {
                        freshness.bump();
                        seen = Some(revision);
                    }
                    freshness.confirm(began);
                    if failing {
                        tracing::info!("client grants revision readable again");
                        failing = false;
                    }
                }
                Err(e) => {
                    if !failing {
                        tracing::warn!(error = %e, "reading the client grants revision failed: \
                            grants are read from the database until it succeeds");
                        failing = true;
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_trusted_before_the_first_confirmation() {
        let f = Freshness::new(Duration::from_millis(50), Arc::default());
        assert_eq!(f.current_at(0), None);
        f.confirm(10);
        assert_eq!(f.current_at(10), Some(0));
    }

    #[test]
    fn a_confirmation_expires_after_three_intervals() {
        let f = Freshness::new(Duration::from_millis(50), Arc::default());
        f.confirm(100);
        assert_eq!(f.current_at(250), Some(0));
        assert_eq!(f.current_at(251), None);
        f.confirm(240);
        assert_eq!(f.current_at(251), Some(0));
    }

    #[test]
    fn a_commit_on_this_replica_changes_the_generation() {
        let local = Arc::new(Changes::default());
        let f = Freshness::new(Duration::from_millis(50), local.clone());
        f.confirm(0);
        let before = f.current_at(1);
        local.raise_for_test(Change::ClientGrants);
        assert_ne!(f.current_at(1), before);
    }

    #[test]
    fn a_bump_changes_the_generation() {
        let f = Freshness::new(Duration::from_millis(50), Arc::default());
        f.confirm(0);
        let before = f.current_at(1);
        f.bump();
        assert_ne!(f.current_at(1), before);
    }
}
