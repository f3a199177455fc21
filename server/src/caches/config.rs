//! The tenant's ID token claim config, read on every ID token: cached per replica for a few
//! seconds so the token endpoint does not pay a query for a value that rarely changes, and
//! forgotten at once when this replica writes the config (how stale it can get:
//! [`crate::caches`]).

use std::sync::RwLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::storage::{Change, DEFAULT_TENANT, StorageError, Store};

const TTL: Duration = Duration::from_secs(5);

/// A value read, when, and this replica's count of config writes before the read.
struct Kept {
    at: Instant,
    writes: u64,
    claims: Vec<String>,
}

#[derive(Default)]
pub struct ConfigCache {
    id_token: RwLock<Option<Kept>>,
}

impl ConfigCache {
    /// `enabledExtendedClaims` of the `idToken` config (none when unset).
    pub async fn id_token_claims(&self, store: &Store) -> Result<Vec<String>, StorageError> {
        // Counted before the read: a write committed meanwhile makes this value unusable.
        let writes = store.change_count(Change::Config);
        if let Ok(guard) = self.id_token.read()
            && let Some(kept) = guard.as_ref()
            && kept.writes == writes
            && kept.at.elapsed() < TTL
        {
            return Ok(kept.claims.clone());
        }
        let claims: Vec<String> = store
            .config_get(DEFAULT_TENANT, "idToken")
            .await?
            .and_then(|v| serde_json::from_str::<Value>(&v).ok())
            .and_then(|v| v.get("enabledExtendedClaims").cloned())
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        if let Ok(mut guard) = self.id_token.write() {
            *guard = Some(Kept {
                at: Instant::now(),
                writes,
                claims: claims.clone(),
            });
        }
        Ok(claims)
    }
}
