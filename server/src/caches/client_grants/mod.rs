//! Machine-to-machine apps' organization grants (the app and the organization permissions it
//! holds in one organization), kept in memory per replica for the token endpoint's hot path.
//!
//! Why: an organization token needs nothing but this from the database, and reading it costs
//! more than signing the token (a round trip to PostgreSQL, a hand-off to SQLite's worker
//! thread). [`Freshness`] decides when a remembered grant may be used; what makes it forget and
//! how long a stale grant can last: [`crate::caches`].
//!
//! Only grants that gave a token are kept (the client authenticated and is a member), so
//! unknown ids, wrong secrets and organizations the app is not in cannot fill the memory; the
//! secret is checked against the remembered digest on every request.

mod freshness;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use quick_cache::sync::Cache;

pub use freshness::{Freshness, watch};

use crate::oidc::client::Client;
use crate::storage::{DEFAULT_TENANT, StorageError, Store};

/// Grants kept per replica (each a few hundred bytes).
const CAPACITY: usize = 16_384;

/// An app, read once into a [`Client`] (nothing is parsed again while it is kept), and, when it
/// is a member of the organization, the names of the organization permissions it holds there
/// (sorted).
pub struct Grant {
    pub client: Arc<Client>,
    pub scopes: Option<Vec<String>>,
}

struct Entry {
    generation: u64,
    grant: Arc<Grant>,
}

/// What [`ClientGrants::lookup`] read from the database, to keep once the client has
/// authenticated.
pub struct Unkept {
    key: String,
    generation: u64,
    grant: Arc<Grant>,
}

pub struct ClientGrants {
    cache: Cache<String, Arc<Entry>>,
    freshness: Arc<Freshness>,
    /// Lookups answered from memory.
    hits: AtomicU64,
}

impl ClientGrants {
    pub fn new(freshness: Arc<Freshness>) -> Self {
        Self {
            cache: Cache::new(CAPACITY),
            freshness,
            hits: AtomicU64::new(0),
        }
    }

    /// The app with this id and its grant in the organization (`None`: no such app), from
    /// memory when it is known to be current; the [`Unkept`] part is set when it was read from
    /// the database and may be kept.
    pub async fn lookup(
        &self,
        store: &Store,
        client_id: &str,
        organization_id: &str,
    ) -> Result<Option<(Arc<Grant>, Option<Unkept>)>, StorageError> {
        // Ids never hold NUL (the token endpoint refuses it), so the key is unambiguous.
        let key = format!("{client_id}\0{organization_id}");
        // Read before the database: what is read is then at least as new as this generation.
        let generation = self.freshness.current();
        if let Some(generation) = generation
            && let Some(entry) = self.cache.get(&key)
            && entry.generation == generation
        {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(Some((entry.grant.clone(), None)));
        }
        let Some(found) = store
            .client_organization_scopes(DEFAULT_TENANT, client_id, organization_id)
            .await?
        else {
            return Ok(None);
        };
        let grant = Arc::new(Grant {
            client: Arc::new(Client::from_row(found.client, found.secrets)?),
            scopes: found.scopes,
        });
        let unkept = generation.map(|generation| Unkept {
            key,
            generation,
            grant: grant.clone(),
        });
        Ok(Some((grant, unkept)))
    }

    /// Keeps a grant the client has authenticated for, unless a change happened since it
    /// was read.
    pub fn keep(&self, unkept: Unkept) {
        if self.freshness.current() == Some(unkept.generation) {
            let entry = Entry {
                generation: unkept.generation,
                grant: unkept.grant,
            };
            self.cache.insert(unkept.key, Arc::new(entry));
        }
    }

    /// How many lookups were answered from memory so far.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }

    /// The longest a change made through another replica can go unseen here.
    pub fn max_staleness(&self) -> std::time::Duration {
        self.freshness.max_age()
    }
}
