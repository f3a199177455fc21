//! The signing algorithms Tessera offers and a public key pinned to one of them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alg {
    Es256,
    Es384,
    /// RSA 2048 with PKCS#1 v1.5 and SHA-256: for gateways and JWT libraries that verify RS256
    /// only, as Logto offers RSA keys.
    Rs256,
}

impl Alg {
    pub fn parse(name: &str) -> Option<Alg> {
        match name {
            "ES256" => Some(Alg::Es256),
            "ES384" => Some(Alg::Es384),
            "RS256" => Some(Alg::Rs256),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Alg::Es256 => "ES256",
            Alg::Es384 => "ES384",
            Alg::Rs256 => "RS256",
        }
    }

    /// Logto's name for the key type (`signingKeyAlgorithm`): `EC` or `RSA`.
    pub fn key_type(self) -> &'static str {
        match self {
            Alg::Es256 | Alg::Es384 => "EC",
            Alg::Rs256 => "RSA",
        }
    }

    /// The algorithm a key of Logto's type gets: RSA is RS256; EC is `default` when that is
    /// an EC algorithm, else ES256.
    pub fn of_key_type(key_type: &str, default: Alg) -> Option<Alg> {
        match key_type {
            "RSA" => Some(Alg::Rs256),
            "EC" if matches!(default, Alg::Es256 | Alg::Es384) => Some(default),
            "EC" => Some(Alg::Es256),
            _ => None,
        }
    }

    /// `at_hash` of an access token: the left half of its hash with this algorithm's hash
    /// function, base64url.
    pub fn at_hash(self, token: &str) -> String {
        use aws_lc_rs::digest::{SHA256, SHA384, digest};
        let hashed = match self {
            Alg::Es256 | Alg::Rs256 => digest(&SHA256, token.as_bytes()),
            Alg::Es384 => digest(&SHA384, token.as_bytes()),
        };
        let bytes = hashed.as_ref();
        URL_SAFE_NO_PAD.encode(&bytes[..bytes.len() / 2])
    }

    pub(super) fn jwt(self) -> Algorithm {
        match self {
            Alg::Es256 => Algorithm::ES256,
            Alg::Es384 => Algorithm::ES384,
            Alg::Rs256 => Algorithm::RS256,
        }
    }
}

/// A public key that verifies tokens, with its algorithm pinned.
#[derive(Clone)]
pub struct Verifier {
    pub alg: Algorithm,
    pub key: DecodingKey,
}
