//! Signing keys (spec §3.7, decisions "Tokens and keys"): generated on first start, stored in the
//! database, parsed once into memory; rotation adds a key and keeps the old public keys published.
//! `kid` is the RFC 7638 thumbprint, as Logto computes it.
//!
//! Signing uses aws-lc-rs directly with the key pair parsed once: jsonwebtoken's `encode` would
//! re-parse the PKCS#8 document for every token, on the token endpoint's hot path.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, ECDSA_P384_SHA384_FIXED_SIGNING, EcdsaKeyPair,
    EcdsaSigningAlgorithm, KeyPair,
};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, DecodingKey};
use serde::Serialize;
use serde_json::{Value, json};

use crate::storage::{DEFAULT_TENANT, SigningKeyRow, Store};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("key storage: {0}")]
    Storage(#[from] crate::storage::StorageError),
    #[error("key material: {0}")]
    Crypto(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alg {
    Es256,
    Es384,
}

impl Alg {
    pub fn parse(name: &str) -> Option<Alg> {
        match name {
            "ES256" => Some(Alg::Es256),
            "ES384" => Some(Alg::Es384),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Alg::Es256 => "ES256",
            Alg::Es384 => "ES384",
        }
    }

    fn curve(self) -> &'static str {
        match self {
            Alg::Es256 => "P-256",
            Alg::Es384 => "P-384",
        }
    }

    fn signing(self) -> &'static EcdsaSigningAlgorithm {
        match self {
            Alg::Es256 => &ECDSA_P256_SHA256_FIXED_SIGNING,
            Alg::Es384 => &ECDSA_P384_SHA384_FIXED_SIGNING,
        }
    }

    fn jwt(self) -> Algorithm {
        match self {
            Alg::Es256 => Algorithm::ES256,
            Alg::Es384 => Algorithm::ES384,
        }
    }
}

/// The key that signs, with its JWT header pre-encoded.
struct Signer {
    pair: EcdsaKeyPair,
    /// Access tokens: `typ: at+jwt` (RFC 9068).
    header_b64: String,
    /// ID tokens: `typ: JWT`.
    id_header_b64: String,
}

/// A public key that verifies tokens, with its algorithm pinned.
#[derive(Clone)]
pub struct Verifier {
    pub alg: Algorithm,
    pub key: DecodingKey,
}

struct KeySet {
    signer: Signer,
    verifiers: HashMap<String, Verifier>,
    jwks: Value,
}

pub struct SigningKeys {
    store: Store,
    alg: Alg,
    current: RwLock<Arc<KeySet>>,
    last_reload: RwLock<Instant>,
    rng: SystemRandom,
}

/// Reloading on an unknown `kid` picks up keys rotated by another replica; at most this often.
const RELOAD_INTERVAL: Duration = Duration::from_secs(10);

impl SigningKeys {
    /// Loads the keys, creating the first one when there is none.
    pub async fn load_or_create(store: Store, alg: Alg, now: i64) -> Result<Self, KeyError> {
        let mut rows = store.signing_key_list(DEFAULT_TENANT).await?;
        if rows.is_empty() {
            store.signing_key_insert(&generate(alg, now)?).await?;
            rows = store.signing_key_list(DEFAULT_TENANT).await?;
        }
        let set = build(&rows)?;
        Ok(SigningKeys {
            store,
            alg,
            current: RwLock::new(Arc::new(set)),
            last_reload: RwLock::new(Instant::now()),
            rng: SystemRandom::new(),
        })
    }

    /// Adds a new signing key; older public keys stay in the JWKS.
    pub async fn rotate(&self, now: i64) -> Result<String, KeyError> {
        let row = generate(self.alg, now)?;
        self.store.signing_key_insert(&row).await?;
        self.reload().await?;
        Ok(row.id)
    }

    async fn reload(&self) -> Result<(), KeyError> {
        let rows = self.store.signing_key_list(DEFAULT_TENANT).await?;
        let set = Arc::new(build(&rows)?);
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
            .map(|s| s.jwks.clone())
            .unwrap_or_else(|| json!({ "keys": [] }))
    }

    pub fn alg(&self) -> Alg {
        self.alg
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
        self.sign_with(claims, false)
    }

    /// Signs ID-token `claims` (`typ: JWT`) with the current key.
    pub fn sign_id_token(&self, claims: &impl Serialize) -> Result<String, KeyError> {
        self.sign_with(claims, true)
    }

    fn sign_with(&self, claims: &impl Serialize, id_token: bool) -> Result<String, KeyError> {
        let set = self
            .snapshot()
            .ok_or_else(|| KeyError::Crypto("key set unavailable".into()))?;
        let header = if id_token {
            &set.signer.id_header_b64
        } else {
            &set.signer.header_b64
        };
        let payload = serde_json::to_vec(claims).map_err(|e| KeyError::Crypto(e.to_string()))?;
        let mut jwt = String::with_capacity(header.len() + payload.len() * 2 + 100);
        jwt.push_str(header);
        jwt.push('.');
        URL_SAFE_NO_PAD.encode_string(&payload, &mut jwt);
        let sig = set
            .signer
            .pair
            .sign(&self.rng, jwt.as_bytes())
            .map_err(|_| KeyError::Crypto("signing failed".into()))?;
        jwt.push('.');
        URL_SAFE_NO_PAD.encode_string(sig.as_ref(), &mut jwt);
        Ok(jwt)
    }
}

fn generate(alg: Alg, now: i64) -> Result<SigningKeyRow, KeyError> {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(alg.signing(), &rng)
        .map_err(|_| KeyError::Crypto("key generation failed".into()))?;
    let pair = EcdsaKeyPair::from_pkcs8(alg.signing(), pkcs8.as_ref())
        .map_err(|_| KeyError::Crypto("generated key unreadable".into()))?;
    let (kid, jwk) = public_jwk(alg, pair.public_key().as_ref())?;
    Ok(SigningKeyRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: kid,
        alg: alg.name().into(),
        private_key: STANDARD.encode(pkcs8.as_ref()),
        public_jwk: jwk.to_string(),
        created_at: now,
    })
}

/// JWK and RFC 7638 thumbprint of an uncompressed EC point (`0x04 || x || y`).
fn public_jwk(alg: Alg, point: &[u8]) -> Result<(String, Value), KeyError> {
    let coords = point
        .strip_prefix(&[4])
        .ok_or_else(|| KeyError::Crypto("not an EC point".into()))?;
    let (x, y) = coords.split_at(coords.len() / 2);
    let (x, y) = (URL_SAFE_NO_PAD.encode(x), URL_SAFE_NO_PAD.encode(y));
    // Required members in lexicographic order, no whitespace (RFC 7638 §3).
    let canonical = format!(
        r#"{{"crv":"{}","kty":"EC","x":"{x}","y":"{y}"}}"#,
        alg.curve()
    );
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, canonical.as_bytes());
    let kid = URL_SAFE_NO_PAD.encode(digest.as_ref());
    let jwk = json!({ "kty": "EC", "crv": alg.curve(), "x": x, "y": y, "kid": kid,
                      "alg": alg.name(), "use": "sig" });
    Ok((kid, jwk))
}

fn build(rows: &[SigningKeyRow]) -> Result<KeySet, KeyError> {
    let newest = rows
        .last()
        .ok_or_else(|| KeyError::Crypto("no signing key".into()))?;
    let mut verifiers = HashMap::new();
    let mut published = Vec::new();
    for row in rows {
        let alg = Alg::parse(&row.alg)
            .ok_or_else(|| KeyError::Crypto(format!("unsupported key algorithm {}", row.alg)))?;
        let jwk: Value = serde_json::from_str(&row.public_jwk)
            .map_err(|e| KeyError::Crypto(format!("stored JWK: {e}")))?;
        let (Some(x), Some(y)) = (jwk["x"].as_str(), jwk["y"].as_str()) else {
            return Err(KeyError::Crypto("stored JWK lacks x/y".into()));
        };
        let key = DecodingKey::from_ec_components(x, y)
            .map_err(|e| KeyError::Crypto(format!("public key: {e}")))?;
        verifiers.insert(
            row.id.clone(),
            Verifier {
                alg: alg.jwt(),
                key,
            },
        );
        published.push(jwk);
    }
    // Newest first, so clients that take the first key pick the current one.
    published.reverse();
    let alg = Alg::parse(&newest.alg)
        .ok_or_else(|| KeyError::Crypto(format!("unsupported key algorithm {}", newest.alg)))?;
    let der = STANDARD
        .decode(&newest.private_key)
        .map_err(|e| KeyError::Crypto(format!("stored private key: {e}")))?;
    let pair = EcdsaKeyPair::from_pkcs8(alg.signing(), &der)
        .map_err(|_| KeyError::Crypto("stored private key unreadable".into()))?;
    let header = json!({ "alg": alg.name(), "typ": "at+jwt", "kid": newest.id });
    let header_b64 = URL_SAFE_NO_PAD.encode(header.to_string());
    let id_header = json!({ "alg": alg.name(), "typ": "JWT", "kid": newest.id });
    let id_header_b64 = URL_SAFE_NO_PAD.encode(id_header.to_string());
    Ok(KeySet {
        signer: Signer {
            pair,
            header_b64,
            id_header_b64,
        },
        verifiers,
        jwks: json!({ "keys": published }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumbprint_matches_rfc7638_example_shape() {
        let row = generate(Alg::Es256, 0).unwrap();
        let jwk: Value = serde_json::from_str(&row.public_jwk).unwrap();
        assert_eq!(jwk["kid"], Value::String(row.id.clone()));
        assert_eq!(row.id.len(), 43);
        let set = build(std::slice::from_ref(&row)).unwrap();
        assert!(set.verifiers.contains_key(&row.id));
    }
}
