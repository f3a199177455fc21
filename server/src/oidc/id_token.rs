//! ID tokens (OIDC Core §2, §3.1.3.6): `iss`, `sub`, `aud` = client, `exp`, `iat`,
//! `auth_time`, `nonce`, `at_hash`, and the user's claims for the granted scopes.

use aws_lc_rs::digest::{SHA256, SHA384, digest};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use super::keys::{Alg, KeyError, SigningKeys};

pub struct IdTokenInput<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub now_secs: i64,
    pub ttl_secs: i64,
    pub auth_time_ms: i64,
    pub nonce: Option<&'a str>,
    /// The access token issued alongside, for `at_hash`.
    pub access_token: Option<&'a str>,
    /// `sub` and the scope claims (see `claims::for_user`).
    pub claims: Map<String, Value>,
}

pub fn sign(keys: &SigningKeys, input: IdTokenInput) -> Result<String, KeyError> {
    let mut claims = input.claims;
    claims.insert("iss".into(), json!(input.issuer));
    claims.insert("aud".into(), json!(input.client_id));
    claims.insert("iat".into(), json!(input.now_secs));
    claims.insert("exp".into(), json!(input.now_secs + input.ttl_secs));
    claims.insert("auth_time".into(), json!(input.auth_time_ms / 1000));
    if let Some(nonce) = input.nonce {
        claims.insert("nonce".into(), json!(nonce));
    }
    if let Some(token) = input.access_token {
        claims.insert("at_hash".into(), json!(at_hash(keys.signing_alg(), token)));
    }
    keys.sign_id_token(&Value::Object(claims))
}

/// Left half of the token's hash with the signing algorithm's hash function, base64url.
pub fn at_hash(alg: Alg, token: &str) -> String {
    let hashed = match alg {
        Alg::Es256 | Alg::Rs256 => digest(&SHA256, token.as_bytes()),
        Alg::Es384 => digest(&SHA384, token.as_bytes()),
    };
    let bytes = hashed.as_ref();
    URL_SAFE_NO_PAD.encode(&bytes[..bytes.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_hash_matches_the_spec_example() {
        // OIDC Core A.3 uses RS256 with this token; the hash function (SHA-256) is ours too.
        assert_eq!(
            at_hash(Alg::Es256, "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"),
            "77QmUPtjPfzWtF2AnpK9RQ"
        );
    }
}
