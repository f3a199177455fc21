//! The tenant's ID token claim config, read on every ID token: cached per replica for a few
//! seconds so the token endpoint does not pay a query for a value that rarely changes (how
//! stale it can get: [`crate::caches`]).

use std::sync::RwLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::storage::{DEFAULT_TENANT, StorageError, Store};

const TTL: Duration = Duration::from_secs(5);

#[derive(Default)]
pub struct ConfigCache {
    id_token: RwLock<Option<(Instant, Vec<String>)>>,
}

impl ConfigCache {
    /// `enabledExtendedClaims` of the `idToken` config (none when unset).
    pub async fn id_token_claims(&self, store: &Store) -> Result<Vec<String>, StorageError> {
        if let Ok(guard) = self.id_token.read()
            && let Some((at, claims)) = guard.as_ref()
            && at.elapsed() < TTL
        {
            return Ok(claims.clone());
        }
        let claims: Vec<String> = store
            .config_get(DEFAULT_TENANT, "idToken")
            .await?
            .and_then(|v| serde_json::from_str::<Value>(&v).ok())
            .and_then(|v| v.get("enabledExtendedClaims").cloned())
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        if let Ok(mut guard) = self.id_token.write() {
            *guard = Some((Instant::now(), claims.clone()));
        }
        Ok(claims)
    }

    /// Forgets the cached value (after this replica changed it).
    pub fn invalidate(&self) {
        if let Ok(mut guard) = self.id_token.write() {
            *guard = None;
        }
    }
}
