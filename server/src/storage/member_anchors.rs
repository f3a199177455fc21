//! Deep pages of an organization's user list without walking every row before them.
//!
//! Logto's API pages by number (`page`, `page_size`), so page 2,500 of a 100,000-member
//! organization is `OFFSET 49,980`: both databases step through those index entries one by one
//! (measured: ≈ 14 ms on PostgreSQL, ≈ 6 ms on SQLite at a random page). Instead, each replica
//! keeps the sort key `(created_at, user_id)` found at every [`EVERY`]-th position, and a deep
//! page seeks to the nearest key at or before its offset and steps at most `EVERY - 1` rows.
//!
//! The keys are tagged with the organization's `users_revision` and used under that revision
//! only (why that is never stale, beside the other per-replica caches: [`crate::caches`]).
//! After a change they are built again (one pass over the organization's index entries), at
//! most once per [`REBUILD_AFTER_MS`] per organization; meanwhile pages use a plain `OFFSET`.

use std::sync::Arc;

use super::db::{Store, dispatch};
use super::error::StorageError;
use super::member_anchor_cache::{Anchors, EVERY, REBUILD_AFTER_MS, SortKey};

impl Store {
    /// Where a page at `offset` of the unfiltered user list of an organization with `count`
    /// members can start: the kept key at or before it and the rows still to skip from there.
    /// `None`: use a plain `OFFSET` (also for organizations too small to have keys, so that
    /// made-up ids keep nothing).
    pub(crate) async fn member_page_anchor(
        &self,
        tenant: &str,
        organization_id: &str,
        (count, revision): (i64, i64),
        offset: i64,
    ) -> Result<Option<(SortKey, i64)>, StorageError> {
        if offset < EVERY || count <= EVERY {
            return Ok(None);
        }
        let key = (tenant.to_owned(), organization_id.to_owned());
        let now = self.clock.now_ms();
        let anchors = match self.anchors.cache.get(&key) {
            Some(kept) if kept.revision == revision => kept,
            Some(kept) if now - kept.built_at < REBUILD_AFTER_MS => return Ok(None),
            _ => {
                let built = Arc::new(Anchors {
                    revision,
                    built_at: now,
                    keys: self.member_sort_keys(tenant, organization_id).await?,
                });
                self.anchors.cache.insert(key, built.clone());
                built
            }
        };
        // Past the last kept key (beyond the end of the list) the last one still applies.
        let index = usize::try_from(offset / EVERY)
            .unwrap_or(usize::MAX)
            .min(anchors.keys.len());
        let Some(sort_key) = index.checked_sub(1).and_then(|i| anchors.keys.get(i)) else {
            return Ok(None);
        };
        let from = i64::try_from(index)
            .unwrap_or(i64::MAX)
            .saturating_mul(EVERY);
        Ok(Some((sort_key.clone(), offset - from)))
    }

    /// The sort keys at positions `EVERY`, `2 × EVERY`, … of the organization's user list.
    /// The key read here may be newer than the revision read before it; then the next page
    /// sees another revision and builds again, so keys never outlive the state they describe.
    async fn member_sort_keys(
        &self,
        tenant: &str,
        organization_id: &str,
    ) -> Result<Vec<SortKey>, StorageError> {
        const SQL: &str = "SELECT created_at, user_id FROM ( \
               SELECT created_at, user_id, \
                 ROW_NUMBER() OVER (ORDER BY created_at, user_id) AS position \
               FROM organization_user_relations WHERE tenant_id = $1 AND organization_id = $2) k \
             WHERE position > $3 AND position % $3 = 1 ORDER BY position";
        let keys: Vec<SortKey> = dispatch!(&self.db, p => sqlx::query_as(SQL)
            .bind(tenant)
            .bind(organization_id)
            .bind(EVERY)
            .fetch_all(p))?;
        Ok(keys)
    }
}
