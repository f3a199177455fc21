//! The keys as loaded from the database: parsed once, with the time from which each may sign.

use std::collections::HashMap;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{EcdsaKeyPair, KeyPair};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::DecodingKey;
use serde_json::{Value, json};

use super::{Alg, KeyError, Verifier};
use crate::storage::{DEFAULT_TENANT, SigningKeyRow};

/// A key that signs, with its JWT headers pre-encoded.
pub(super) struct Signer {
    pub(super) pair: EcdsaKeyPair,
    /// Access tokens: `typ: at+jwt` (RFC 9068).
    pub(super) header_b64: String,
    /// ID tokens: `typ: JWT`.
    pub(super) id_header_b64: String,
}

pub(super) struct KeySet {
    /// Every key with the time (epoch ms) from which it signs, oldest first.
    signers: Vec<(i64, Signer)>,
    pub(super) verifiers: HashMap<String, Verifier>,
    /// Public JWKs in the same order as `signers`.
    published: Vec<Value>,
}

impl KeySet {
    /// Builds the set from the rows, oldest first. The oldest key signs from the start; each
    /// later key only `activation_delay_ms` after its creation, so every replica (and every
    /// resource server reading the JWKS) has published it before any token carries its `kid`.
    pub(super) fn build(
        rows: &[SigningKeyRow],
        activation_delay_ms: i64,
    ) -> Result<Self, KeyError> {
        if rows.is_empty() {
            return Err(KeyError::Crypto("no signing key".into()));
        }
        let mut signers = Vec::with_capacity(rows.len());
        let mut verifiers = HashMap::new();
        let mut published = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let alg = Alg::parse(&row.alg).ok_or_else(|| {
                KeyError::Crypto(format!("unsupported key algorithm {}", row.alg))
            })?;
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
            let from = if i == 0 {
                i64::MIN
            } else {
                row.created_at.saturating_add(activation_delay_ms)
            };
            signers.push((from, signer(alg, row)?));
            published.push(jwk);
        }
        Ok(KeySet {
            signers,
            verifiers,
            published,
        })
    }

    /// Index of the key that signs at `now`: the newest one whose time has come.
    fn current(&self, now: i64) -> usize {
        self.signers
            .iter()
            .rposition(|(from, _)| *from <= now)
            .unwrap_or(0)
    }

    pub(super) fn signer(&self, now: i64) -> Option<&Signer> {
        self.signers.get(self.current(now)).map(|(_, s)| s)
    }

    /// The JWK Set: the key signing at `now` first (clients that take the first key pick it),
    /// then the others newest first — keys about to sign and keys whose tokens may still be
    /// in use.
    pub(super) fn jwks(&self, now: i64) -> Value {
        let current = self.current(now);
        let mut keys = Vec::with_capacity(self.published.len());
        keys.extend(self.published.get(current).cloned());
        for (i, jwk) in self.published.iter().enumerate().rev() {
            if i != current {
                keys.push(jwk.clone());
            }
        }
        json!({ "keys": keys })
    }
}

fn signer(alg: Alg, row: &SigningKeyRow) -> Result<Signer, KeyError> {
    let der = STANDARD
        .decode(&row.private_key)
        .map_err(|e| KeyError::Crypto(format!("stored private key: {e}")))?;
    let pair = EcdsaKeyPair::from_pkcs8(alg.signing(), &der)
        .map_err(|_| KeyError::Crypto("stored private key unreadable".into()))?;
    let header = json!({ "alg": alg.name(), "typ": "at+jwt", "kid": row.id });
    let id_header = json!({ "alg": alg.name(), "typ": "JWT", "kid": row.id });
    Ok(Signer {
        pair,
        header_b64: URL_SAFE_NO_PAD.encode(header.to_string()),
        id_header_b64: URL_SAFE_NO_PAD.encode(id_header.to_string()),
    })
}

/// A new key pair as a row to store.
pub(super) fn generate(alg: Alg, now: i64) -> Result<SigningKeyRow, KeyError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kid(jwks: &Value, i: usize) -> &str {
        jwks["keys"][i]["kid"].as_str().unwrap()
    }

    #[test]
    fn thumbprint_is_the_kid() {
        let row = generate(Alg::Es256, 0).unwrap();
        let jwk: Value = serde_json::from_str(&row.public_jwk).unwrap();
        assert_eq!(jwk["kid"], Value::String(row.id.clone()));
        assert_eq!(row.id.len(), 43);
        let set = KeySet::build(std::slice::from_ref(&row), 0).unwrap();
        assert!(set.verifiers.contains_key(&row.id));
    }

    #[test]
    fn a_new_key_is_published_at_once_and_signs_after_the_delay() {
        let old = generate(Alg::Es256, 1_000).unwrap();
        let new = generate(Alg::Es256, 5_000).unwrap();
        let set = KeySet::build(&[old.clone(), new.clone()], 2_000).unwrap();
        assert!(set.verifiers.contains_key(&new.id));
        // Before 7,000 the old key signs and leads the set; the new one is listed too.
        assert_eq!(set.current(6_999), 0);
        let jwks = set.jwks(6_999);
        assert_eq!((kid(&jwks, 0), kid(&jwks, 1)), (&*old.id, &*new.id));
        assert_eq!(set.current(7_000), 1);
        let jwks = set.jwks(7_000);
        assert_eq!((kid(&jwks, 0), kid(&jwks, 1)), (&*new.id, &*old.id));
    }

    #[test]
    fn the_only_key_signs_whatever_its_age() {
        let only = generate(Alg::Es384, i64::MAX - 1).unwrap();
        let set = KeySet::build(&[only], 60_000).unwrap();
        assert!(set.signer(0).is_some());
    }
}
