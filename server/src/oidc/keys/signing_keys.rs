//! [`SigningKeys`]: the keys this replica holds in memory, and signing, verifying, rotating and
//! reloading with them.
//!
//! Signing uses aws-lc-rs directly with the key pair parsed once: jsonwebtoken's `encode` would
//! re-parse the PKCS#8 document for every token, on the token endpoint's hot path.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use aws_lc_rs::rand::SystemRandom;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::alg::{Alg, Verifier};
use super::error::KeyError;
use super::set::{KeySet, generate};
use crate::clock::Clock;
use crate::storage::{DEFAULT_TENANT, Store};

pub struct SigningKeys {
    pub(super) store: Store,
    alg: Alg,
    /// How long after its creation a new key starts signing (milliseconds).
    activation_delay_ms: i64,
    current: RwLock<Arc<KeySet>>,
    last_reload: RwLock<Instant>,
    rng: SystemRandom,
    /// Which key signs depends on the time (a rotated key signs from its activation on).
    clock: Clock,
}

/// Reloading on an unknown `kid` picks up keys rotated by another replica; at most this often.
const RELOAD_INTERVAL: Duration = Duration::from_secs(10);

impl SigningKeys {
    /// Loads the keys, creating the first one when there is none.
    pub async fn load_or_create(
        store: Store,
        alg: Alg,
        activation_delay: Duration,
        clock: Clock,
    ) -> Result<Self, KeyError> {
        let now = clock.now_ms();
        let mut rows = store.signing_key_list(DEFAULT_TENANT).await?;
        if rows.is_empty() {
            store.signing_key_insert(&generate(alg, now, now)?).await?;
            rows = store.signing_key_list(DEFAULT_TENANT).await?;
        }
        let activation_delay_ms = i64::try_from(activation_delay.as_millis()).unwrap_or(i64::MAX);
        let set = KeySet::build(&rows, now)?;
        Ok(SigningKeys {
            store,
            alg,
            activation_delay_ms,
            current: RwLock::new(Arc::new(set)),
            last_reload: RwLock::new(Instant::now()),
            rng: SystemRandom::new(),
            clock,
        })
    }

    /// Adds a new signing key of `alg` (the configured algorithm when `None`), published at
    /// once and signing after `delay` (the configured activation delay when `None`); older
    /// public keys stay in the JWKS.
    pub async fn rotate(
        &self,
        alg: Option<Alg>,
        delay: Option<Duration>,
        now: i64,
    ) -> Result<String, KeyError> {
        let alg = alg.unwrap_or(self.alg);
        let delay_ms = match delay {
            Some(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
            None => self.activation_delay_ms,
        };
        let activates_at = now.saturating_add(delay_ms);
        // RSA key generation takes tens of milliseconds: off the async runtime.
        let row = tokio::task::spawn_blocking(move || generate(alg, now, activates_at))
            .await
            .map_err(|e| KeyError::Crypto(format!("key generation: {e}")))??;
        self.store.signing_key_insert(&row).await?;
        self.reload().await?;
        Ok(row.id)
    }

    /// Reads the keys again (after a change this replica made to the stored keys).
    pub async fn reload(&self) -> Result<(), KeyError> {
        let rows = self.store.signing_key_list(DEFAULT_TENANT).await?;
        let now = self.clock.now_ms();
        // Parsing private keys (RSA ones especially) is CPU work: off the async runtime.
        let set = tokio::task::spawn_blocking(move || KeySet::build(&rows, now))
            .await
            .map_err(|e| KeyError::Crypto(format!("loading keys: {e}")))??;
        let set = Arc::new(set);
        if let Ok(mut cur) = self.current.write() {
            *cur = set;
        }
        if let Ok(mut at) = self.last_reload.write() {
            *at = Instant::now();
        }
        Ok(())
    }

    fn snapshot(&self) -> Option<Arc<KeySet>> {
        self.current.read().ok().map(|s| Arc::clone(&s))
    }

    pub fn jwks(&self) -> Value {
        self.snapshot()
            .map(|s| s.jwks(self.clock.now_ms()))
            .unwrap_or_else(|| json!({ "keys": [] }))
    }

    /// The configured algorithm of new keys.
    pub fn alg(&self) -> Alg {
        self.alg
    }

    /// The algorithms of every published key, the one signing now first (discovery).
    pub fn published_algs(&self) -> Vec<&'static str> {
        let Some(set) = self.snapshot() else {
            return vec![self.alg.name()];
        };
        let signing = set.signer(self.clock.now_ms()).map_or(self.alg, |s| s.alg);
        let mut algs = vec![signing.name()];
        for alg in set.algs() {
            if !algs.contains(&alg.name()) {
                algs.push(alg.name());
            }
        }
        algs
    }

    /// The verifier for `kid`, reloading from the database (rate-limited) when it is unknown.
    pub async fn verifier(&self, kid: &str) -> Option<Verifier> {
        if let Some(v) = self.snapshot().and_then(|s| s.verifiers.get(kid).cloned()) {
            return Some(v);
        }
        let due = self
            .last_reload
            .read()
            .map(|at| at.elapsed() >= RELOAD_INTERVAL)
            .unwrap_or(false);
        if due && self.reload().await.is_ok() {
            return self.snapshot().and_then(|s| s.verifiers.get(kid).cloned());
        }
        None
    }

    /// Signs access-token `claims` as a compact JWS (`typ: at+jwt`) with the current key.
    pub fn sign(&self, claims: &impl Serialize) -> Result<String, KeyError> {
        self.sign_with(false, |_| serde_json::to_vec(claims))
    }

    /// Signs ID-token `claims` (`typ: JWT`) with the current key, adding `at_hash` of
    /// `access_token` with that key's hash function (OIDC Core §3.1.3.6): the key is chosen
    /// once, so a rotation taking effect in between cannot mismatch the two.
    pub fn sign_id_token(
        &self,
        mut claims: Map<String, Value>,
        access_token: Option<&str>,
    ) -> Result<String, KeyError> {
        self.sign_with(true, |alg| {
            if let Some(token) = access_token {
                claims.insert("at_hash".into(), Value::String(alg.at_hash(token)));
            }
            serde_json::to_vec(&claims)
        })
    }

    fn sign_with(
        &self,
        id_token: bool,
        payload: impl FnOnce(Alg) -> serde_json::Result<Vec<u8>>,
    ) -> Result<String, KeyError> {
        let set = self
            .snapshot()
            .ok_or_else(|| KeyError::Crypto("key set unavailable".into()))?;
        let signer = set
            .signer(self.clock.now_ms())
            .ok_or_else(|| KeyError::Crypto("no signing key".into()))?;
        let header = if id_token {
            &signer.id_header_b64
        } else {
            &signer.header_b64
        };
        let payload = payload(signer.alg).map_err(|e| KeyError::Crypto(e.to_string()))?;
        let mut jwt = String::with_capacity(header.len() + payload.len() * 2 + 100);
        jwt.push_str(header);
        jwt.push('.');
        URL_SAFE_NO_PAD.encode_string(&payload, &mut jwt);
        let sig = signer.pair.sign(&self.rng, jwt.as_bytes())?;
        jwt.push('.');
        URL_SAFE_NO_PAD.encode_string(&sig, &mut jwt);
        Ok(jwt)
    }
}
