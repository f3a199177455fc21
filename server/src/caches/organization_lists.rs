//! A member's whole organization list (`GET /api/users/:id/organizations`,
//! `GET /api/applications/:id/organizations`) as the JSON body the API sends, kept per replica
//! and sent again while the member's [`OrganizationListRevision`] is unchanged.
//!
//! Why: the list of a member of 1,000 organizations is two 1,000-row reads, and on this path
//! the database drivers' per-row work dominates (≈ 10 ms on PostgreSQL, ≈ 15 ms on SQLite,
//! measured by `examples/bench/`); the revision is one single-row read. What the revision
//! covers, and so when a kept list is sent again: [`crate::caches`].

use std::sync::Arc;

use bytes::Bytes;
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::domain::{DomainError, members};
use crate::storage::{MemberKind, OrganizationListRevision, StorageError, Store};

/// Bytes of bodies kept per replica (a list of 1,000 organizations is ≈ 250 KB).
const CAPACITY_BYTES: u64 = 64 << 20;
/// Expected number of lists kept, for sizing the table.
const EXPECTED_LISTS: usize = 4_096;

type Key = (MemberKind, String, String);

struct Entry {
    revision: OrganizationListRevision,
    body: Bytes,
}

#[derive(Clone)]
struct BodySize;

impl Weighter<Key, Arc<Entry>> for BodySize {
    fn weight(&self, _key: &Key, entry: &Arc<Entry>) -> u64 {
        entry.body.len() as u64 + 64
    }
}

pub struct OrganizationLists {
    cache: Cache<Key, Arc<Entry>, BodySize>,
}

impl Default for OrganizationLists {
    fn default() -> Self {
        Self {
            cache: Cache::with_weighter(EXPECTED_LISTS, CAPACITY_BYTES, BodySize),
        }
    }
}

impl OrganizationLists {
    /// The member's organizations with its roles in each, as a JSON array; `None` when there
    /// is no such member.
    pub async fn body(
        &self,
        store: &Store,
        kind: MemberKind,
        tenant: &str,
        member_id: &str,
    ) -> Result<Option<Bytes>, DomainError> {
        // The revision is read before the list, so a stored list is never older than the
        // revision it is stored under.
        let Some(revision) = store
            .member_organizations_revision(kind, tenant, member_id)
            .await?
        else {
            return Ok(None);
        };
        let key = (kind, tenant.to_owned(), member_id.to_owned());
        if let Some(entry) = self.cache.get(&key)
            && entry.revision == revision
        {
            return Ok(Some(entry.body.clone()));
        }
        let list = members::organizations_of(store, kind, tenant, member_id, None).await?;
        let body = Bytes::from(
            serde_json::to_vec(&list.items)
                .map_err(|e| StorageError::Corrupt(format!("organization list: {e}")))?,
        );
        self.cache.insert(
            key,
            Arc::new(Entry {
                revision,
                body: body.clone(),
            }),
        );
        Ok(Some(body))
    }
}
