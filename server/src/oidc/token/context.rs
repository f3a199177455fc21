//! [`GrantContext`]: what the grants use of the server, taken once per token request so that a
//! grant sees one clock reading and nothing of the state it does not need.

use crate::caches::ConfigCache;
use crate::oidc::keys::SigningKeys;
use crate::state::AppState;
use crate::storage::Store;

pub struct GrantContext<'a> {
    pub store: &'a Store,
    pub keys: &'a SigningKeys,
    /// `iss` of every token (`{public_url}/oidc`).
    pub issuer: &'a str,
    /// The tenant's ID-token claim settings, read through this replica's cache.
    pub config_cache: &'a ConfigCache,
    /// The request's time, in milliseconds since the epoch.
    pub now_ms: i64,
}

impl<'a> GrantContext<'a> {
    pub fn new(state: &'a AppState) -> Self {
        Self {
            store: &state.store,
            keys: &state.keys,
            issuer: &state.issuer,
            config_cache: &state.config_cache,
            now_ms: state.clock.now_ms(),
        }
    }

    /// The request's time in seconds (`iat` of the tokens it issues).
    pub fn now_secs(&self) -> i64 {
        self.now_ms / 1000
    }
}
