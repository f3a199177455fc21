//! What each replica keeps for deep pages of organization user lists: the sort keys found at
//! every [`EVERY`]-th position, per organization and revision. [`Store`](super::Store) owns
//! the cache; `member_anchors.rs` fills and reads it; [`crate::caches`] says when it is valid.

use std::fmt;
use std::sync::Arc;

use quick_cache::sync::Cache;

/// Positions between two kept keys.
pub(super) const EVERY: i64 = 1_000;
/// An organization under constant change is not re-read more often than this (ms).
pub(super) const REBUILD_AFTER_MS: i64 = 1_000;
/// Organizations (of at least `EVERY` members) whose keys are kept.
const ORGANIZATIONS: usize = 1_024;

/// The sort key of a membership in the user list's order.
pub(super) type SortKey = (i64, String);

pub(super) struct Anchors {
    pub(super) revision: i64,
    /// When the keys were read ([`Store`](super::Store)'s clock, ms).
    pub(super) built_at: i64,
    /// `keys[i]` is the key at position `(i + 1) * EVERY` (0-based).
    pub(super) keys: Vec<SortKey>,
}

pub(crate) struct MemberAnchors {
    pub(super) cache: Cache<(String, String), Arc<Anchors>>,
}

impl Default for MemberAnchors {
    fn default() -> Self {
        Self {
            cache: Cache::new(ORGANIZATIONS),
        }
    }
}

impl fmt::Debug for MemberAnchors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemberAnchors")
            .field("organizations", &self.cache.len())
            .finish()
    }
}
