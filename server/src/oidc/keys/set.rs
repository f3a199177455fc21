//! The keys as loaded from the database: parsed once, with the time from which each may sign.

use std::collections::HashMap;

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, ECDSA_P384_SHA384_FIXED_SIGNING, EcdsaKeyPair,
    EcdsaSigningAlgorithm, KeyPair, RSA_PKCS1_SHA256, RsaKeyPair,
};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::DecodingKey;
use serde_json::{Value, json};

use super::alg::{Alg, Verifier};
use super::error::KeyError;
use crate::storage::{DEFAULT_TENANT, SigningKeyRow};

/// A private key, by type.
pub(super) enum Pair {
    Ec(EcdsaKeyPair),
    Rsa(RsaKeyPair),
}

impl Pair {
    fn parse(alg: Alg, pkcs8: &[u8]) -> Result<Pair, KeyError> {
        let unreadable = |_| KeyError::Crypto("stored private key unreadable".into());
        Ok(match ec_signing(alg) {
            Some(signing) => {
                Pair::Ec(EcdsaKeyPair::from_pkcs8(signing, pkcs8).map_err(unreadable)?)
            }
            None => Pair::Rsa(RsaKeyPair::from_pkcs8(pkcs8).map_err(unreadable)?),
        })
    }

    pub(super) fn sign(&self, rng: &dyn SecureRandom, msg: &[u8]) -> Result<Vec<u8>, KeyError> {
        let failed = |_| KeyError::Crypto("signing failed".into());
        match self {
            Pair::Ec(pair) => Ok(pair.sign(rng, msg).map_err(failed)?.as_ref().to_vec()),
            Pair::Rsa(pair) => {
                let mut sig = vec![0; pair.public_modulus_len()];
                pair.sign(&RSA_PKCS1_SHA256, rng, msg, &mut sig)
                    .map_err(failed)?;
                Ok(sig)
            }
        }
    }
}

/// The curve's signing algorithm of an EC `alg`; `None` for RSA.
fn ec_signing(alg: Alg) -> Option<&'static EcdsaSigningAlgorithm> {
    match alg {
        Alg::Es256 => Some(&ECDSA_P256_SHA256_FIXED_SIGNING),
        Alg::Es384 => Some(&ECDSA_P384_SHA384_FIXED_SIGNING),
        Alg::Rs256 => None,
    }
}

/// A key that signs, with its JWT headers pre-encoded.
pub(super) struct Signer {
    pub(super) alg: Alg,
    pub(super) pair: Pair,
    /// Access tokens: `typ: at+jwt` (RFC 9068).
    pub(super) header_b64: String,
    /// ID tokens: `typ: JWT`.
    pub(super) id_header_b64: String,
}

pub(super) struct KeySet {
    /// Every key's algorithm, the time (epoch ms) from which it signs and, unless it is retired
    /// for good, its private key; oldest first.
    signers: Vec<(Alg, i64, Option<Signer>)>,
    pub(super) verifiers: HashMap<String, Verifier>,
    /// Public JWKs in the same order as `signers`.
    published: Vec<Value>,
}

impl KeySet {
    /// Builds the set from the rows, oldest first; each key signs from [`activation`]. Keys
    /// older than the one signing at `now` never sign again (a later key always wins), so
    /// only their public halves are parsed: however many rotations there were, a reload
    /// parses one or two private keys.
    pub(super) fn build(rows: &[SigningKeyRow], now: i64) -> Result<Self, KeyError> {
        if rows.is_empty() {
            return Err(KeyError::Crypto("no signing key".into()));
        }
        let signing = current((0..rows.len()).map(|i| activation(rows, i)), now);
        let mut signers = Vec::with_capacity(rows.len());
        let mut verifiers = HashMap::new();
        let mut published = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let alg = Alg::parse(&row.alg).ok_or_else(|| {
                KeyError::Crypto(format!("unsupported key algorithm {}", row.alg))
            })?;
            let jwk: Value = serde_json::from_str(&row.public_jwk)
                .map_err(|e| KeyError::Crypto(format!("stored JWK: {e}")))?;
            let key = decoding_key(&jwk)?;
            verifiers.insert(
                row.id.clone(),
                Verifier {
                    alg: alg.jwt(),
                    key,
                },
            );
            let private = if i >= signing {
                Some(signer(alg, row)?)
            } else {
                None
            };
            signers.push((alg, activation(rows, i), private));
            published.push(jwk);
        }
        Ok(KeySet {
            signers,
            verifiers,
            published,
        })
    }

    /// Index of the key that signs at `now`.
    fn current(&self, now: i64) -> usize {
        current(self.signers.iter().map(|(_, from, _)| *from), now)
    }

    /// The algorithm of each key, oldest first.
    pub(super) fn algs(&self) -> impl Iterator<Item = Alg> + '_ {
        self.signers.iter().map(|(alg, _, _)| *alg)
    }

    pub(super) fn signer(&self, now: i64) -> Option<&Signer> {
        self.signers
            .get(self.current(now))
            .and_then(|(_, _, s)| s.as_ref())
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

/// When the `i`th of `rows` (oldest first) signs from. The oldest key signs from the start, so
/// there is always a key; a later one from its `activates_at`, which a rotation sets after a
/// delay so that every replica (and every resource server reading the JWKS) has published the
/// key before any token carries its `kid`.
pub(super) fn activation(rows: &[SigningKeyRow], i: usize) -> i64 {
    match rows.get(i) {
        Some(_) if i == 0 => i64::MIN,
        Some(row) => row.activates_at.unwrap_or(row.created_at),
        None => i64::MAX,
    }
}

/// Index of the key that signs at `now`, given when each signs from (oldest first): the newest
/// one whose time has come.
pub(super) fn current(activations: impl Iterator<Item = i64>, now: i64) -> usize {
    activations
        .enumerate()
        .filter(|(_, from)| *from <= now)
        .map(|(i, _)| i)
        .last()
        .unwrap_or(0)
}

/// Where a stored key stands, as Logto lists keys: signing now, about to, or retired (still
/// published so tokens it signed keep verifying).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyStatus {
    Current,
    Next,
    Previous,
}

/// The status of each of `rows` (oldest first) at `now`, with the time it signs from.
pub fn key_statuses(rows: &[SigningKeyRow], now: i64) -> Vec<(KeyStatus, i64)> {
    let signing = current((0..rows.len()).map(|i| activation(rows, i)), now);
    (0..rows.len())
        .map(|i| {
            let from = activation(rows, i);
            let status = match i {
                _ if i == signing => KeyStatus::Current,
                _ if from > now => KeyStatus::Next,
                _ => KeyStatus::Previous,
            };
            (status, from)
        })
        .collect()
}

/// The verifying key of a stored public JWK (EC `x`/`y` or RSA `n`/`e`).
fn decoding_key(jwk: &Value) -> Result<DecodingKey, KeyError> {
    let part = |name: &str| jwk[name].as_str();
    let key = match (part("kty"), part("x"), part("y"), part("n"), part("e")) {
        (Some("EC"), Some(x), Some(y), _, _) => DecodingKey::from_ec_components(x, y),
        (Some("RSA"), _, _, Some(n), Some(e)) => DecodingKey::from_rsa_components(n, e),
        _ => return Err(KeyError::Crypto("stored JWK lacks its key".into())),
    };
    key.map_err(|e| KeyError::Crypto(format!("public key: {e}")))
}

fn signer(alg: Alg, row: &SigningKeyRow) -> Result<Signer, KeyError> {
    let der = STANDARD
        .decode(&row.private_key)
        .map_err(|e| KeyError::Crypto(format!("stored private key: {e}")))?;
    let header = json!({ "alg": alg.name(), "typ": "at+jwt", "kid": row.id });
    let id_header = json!({ "alg": alg.name(), "typ": "JWT", "kid": row.id });
    Ok(Signer {
        alg,
        pair: Pair::parse(alg, &der)?,
        header_b64: URL_SAFE_NO_PAD.encode(header.to_string()),
        id_header_b64: URL_SAFE_NO_PAD.encode(id_header.to_string()),
    })
}

/// A new key pair as a row to store, signing from `activates_at`.
pub(super) fn generate(alg: Alg, now: i64, activates_at: i64) -> Result<SigningKeyRow, KeyError> {
    let failed = |_| KeyError::Crypto("key generation failed".into());
    let (pkcs8, jwk) = match ec_signing(alg) {
        Some(signing) => {
            let pkcs8 = EcdsaKeyPair::generate_pkcs8(signing, &SystemRandom::new())
                .map_err(failed)?
                .as_ref()
                .to_vec();
            let pair = EcdsaKeyPair::from_pkcs8(signing, &pkcs8)
                .map_err(|_| KeyError::Crypto("generated key unreadable".into()))?;
            (pkcs8, ec_jwk(alg, pair.public_key().as_ref())?)
        }
        None => {
            let pair = RsaKeyPair::generate(KeySize::Rsa2048).map_err(failed)?;
            let pkcs8 = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&pair)
                .map_err(failed)?
                .as_ref()
                .to_vec();
            let public = pair.public_key();
            let n = public.modulus();
            let e = public.exponent();
            (
                pkcs8,
                rsa_jwk(
                    n.big_endian_without_leading_zero(),
                    e.big_endian_without_leading_zero(),
                ),
            )
        }
    };
    let kid = jwk["kid"].as_str().unwrap_or_default().to_string();
    Ok(SigningKeyRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: kid,
        alg: alg.name().into(),
        private_key: STANDARD.encode(&pkcs8),
        public_jwk: jwk.to_string(),
        created_at: now,
        activates_at: Some(activates_at),
    })
}

/// RFC 7638 thumbprint of the canonical JSON of a key's required members.
fn thumbprint(canonical: &str) -> String {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, canonical.as_bytes());
    URL_SAFE_NO_PAD.encode(digest.as_ref())
}

/// The JWK (with its thumbprint as `kid`) of an uncompressed EC point (`0x04 || x || y`).
fn ec_jwk(alg: Alg, point: &[u8]) -> Result<Value, KeyError> {
    let coords = point
        .strip_prefix(&[4])
        .ok_or_else(|| KeyError::Crypto("not an EC point".into()))?;
    let curve = if alg == Alg::Es384 { "P-384" } else { "P-256" };
    let (x, y) = coords.split_at(coords.len() / 2);
    let (x, y) = (URL_SAFE_NO_PAD.encode(x), URL_SAFE_NO_PAD.encode(y));
    // Required members in lexicographic order, no whitespace (RFC 7638 §3).
    let kid = thumbprint(&format!(
        r#"{{"crv":"{curve}","kty":"EC","x":"{x}","y":"{y}"}}"#
    ));
    Ok(
        json!({ "kty": "EC", "crv": curve, "x": x, "y": y, "kid": kid,
               "alg": alg.name(), "use": "sig" }),
    )
}

/// The JWK (with its thumbprint as `kid`) of an RSA public key's modulus and exponent.
fn rsa_jwk(n: &[u8], e: &[u8]) -> Value {
    let (n, e) = (URL_SAFE_NO_PAD.encode(n), URL_SAFE_NO_PAD.encode(e));
    let kid = thumbprint(&format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#));
    json!({ "kty": "RSA", "n": n, "e": e, "kid": kid, "alg": "RS256", "use": "sig" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kid(jwks: &Value, i: usize) -> &str {
        jwks["keys"][i]["kid"].as_str().unwrap()
    }

    #[test]
    fn thumbprint_is_the_kid() {
        let row = generate(Alg::Es256, 0, 0).unwrap();
        let jwk: Value = serde_json::from_str(&row.public_jwk).unwrap();
        assert_eq!(jwk["kid"], Value::String(row.id.clone()));
        assert_eq!(row.id.len(), 43);
        let set = KeySet::build(std::slice::from_ref(&row), 0).unwrap();
        assert!(set.verifiers.contains_key(&row.id));
    }

    #[test]
    fn a_new_key_is_published_at_once_and_signs_after_the_delay() {
        let old = generate(Alg::Es256, 1_000, 1_000).unwrap();
        let new = generate(Alg::Es256, 5_000, 7_000).unwrap();
        let set = KeySet::build(&[old.clone(), new.clone()], 0).unwrap();
        assert!(set.verifiers.contains_key(&new.id));
        // Before 7,000 the old key signs and leads the set; the new one is listed too.
        assert_eq!(set.current(6_999), 0);
        let jwks = set.jwks(6_999);
        assert_eq!((kid(&jwks, 0), kid(&jwks, 1)), (&*old.id, &*new.id));
        assert_eq!(set.current(7_000), 1);
        let jwks = set.jwks(7_000);
        assert_eq!((kid(&jwks, 0), kid(&jwks, 1)), (&*new.id, &*old.id));
        // Loaded once the new key signs, the retired one keeps only its public half.
        let later = KeySet::build(&[old.clone(), new.clone()], 8_000).unwrap();
        assert!(later.signers[0].2.is_none());
        assert!(later.signer(8_000).is_some());
        assert!(later.verifiers.contains_key(&old.id));
    }

    #[test]
    fn rsa_keys_sign_tokens_that_verify_with_their_jwk() {
        let row = generate(Alg::Rs256, 0, 0).unwrap();
        let jwk: Value = serde_json::from_str(&row.public_jwk).unwrap();
        assert_eq!(
            (jwk["kty"].as_str(), jwk["alg"].as_str()),
            (Some("RSA"), Some("RS256"))
        );
        assert_eq!(jwk["e"], "AQAB");
        let set = KeySet::build(std::slice::from_ref(&row), 0).unwrap();
        let signer = set.signer(0).unwrap();
        let header = &signer.header_b64;
        let message = format!("{header}.e30");
        let sig = signer
            .pair
            .sign(&SystemRandom::new(), message.as_bytes())
            .unwrap();
        let token = format!("{message}.{}", URL_SAFE_NO_PAD.encode(sig));
        let key = decoding_key(&jwk).unwrap();
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        validation.required_spec_claims.clear();
        validation.validate_exp = false;
        jsonwebtoken::decode::<Value>(&token, &key, &validation).unwrap();
    }

    #[test]
    fn the_only_key_signs_whatever_its_age() {
        let only = generate(Alg::Es384, 0, i64::MAX - 1).unwrap();
        let set = KeySet::build(&[only], 0).unwrap();
        assert!(set.signer(0).is_some());
    }
}
