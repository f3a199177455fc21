//! ID tokens (OIDC Core §2, §3.1.3.6): `iss`, `sub`, `aud` = client, `exp`, `iat`,
//! `auth_time`, `nonce`, `at_hash`, and the user's claims for the granted scopes.

use serde_json::{Map, Value, json};

use super::keys::{KeyError, SigningKeys};

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
    keys.sign_id_token(claims, input.access_token)
}

#[cfg(test)]
mod tests {
    use crate::oidc::keys::Alg;

    #[test]
    fn at_hash_matches_the_spec_example() {
        // OIDC Core A.3 uses RS256 with this token; the hash function (SHA-256) is ours too.
        assert_eq!(
            Alg::Es256.at_hash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"),
            "77QmUPtjPfzWtF2AnpK9RQ"
        );
    }
}
