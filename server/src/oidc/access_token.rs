//! JWT access tokens (RFC 9068 profile as Logto issues them): claims, issuing and verification
//! with the algorithm pinned by the key, issuer, audience and expiry checked.

use jsonwebtoken::Validation;
use serde::{Deserialize, Serialize};

use super::keys::SigningKeys;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessTokenClaims {
    pub jti: String,
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    #[serde(default)]
    pub scope: String,
    pub client_id: String,
    pub iss: String,
    pub aud: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
}

impl AccessTokenClaims {
    pub fn has_scope(&self, wanted: &str) -> bool {
        self.scope.split(' ').any(|s| s == wanted)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("malformed token")]
    Malformed,
    #[error("unknown signing key")]
    UnknownKey,
    #[error("invalid token: {0}")]
    Invalid(String),
}

/// Verifies signature (algorithm pinned by the key, never by the token), `iss`, `aud` and `exp`.
pub async fn verify(
    keys: &SigningKeys,
    token: &str,
    issuer: &str,
    audience: &str,
) -> Result<AccessTokenClaims, VerifyError> {
    let header = jsonwebtoken::decode_header(token).map_err(|_| VerifyError::Malformed)?;
    let kid = header.kid.ok_or(VerifyError::Malformed)?;
    let verifier = keys.verifier(&kid).await.ok_or(VerifyError::UnknownKey)?;
    if header.alg != verifier.alg {
        return Err(VerifyError::Invalid(
            "algorithm does not match the key".into(),
        ));
    }
    let mut validation = Validation::new(verifier.alg);
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[audience]);
    validation.set_required_spec_claims(&["exp", "iss", "aud"]);
    validation.leeway = 5;
    jsonwebtoken::decode::<AccessTokenClaims>(token, &verifier.key, &validation)
        .map(|data| data.claims)
        .map_err(|e| VerifyError::Invalid(e.to_string()))
}

/// Verifies any token we signed (signature with the pinned algorithm, `iss`; `exp` unless
/// `allow_expired`) and returns its claims, whatever its audience. For `id_token_hint` and
/// introspection, which look at the audience themselves.
pub async fn verify_own(
    keys: &SigningKeys,
    token: &str,
    issuer: &str,
    allow_expired: bool,
) -> Result<serde_json::Value, VerifyError> {
    let header = jsonwebtoken::decode_header(token).map_err(|_| VerifyError::Malformed)?;
    let kid = header.kid.ok_or(VerifyError::Malformed)?;
    let verifier = keys.verifier(&kid).await.ok_or(VerifyError::UnknownKey)?;
    if header.alg != verifier.alg {
        return Err(VerifyError::Invalid(
            "algorithm does not match the key".into(),
        ));
    }
    let mut validation = Validation::new(verifier.alg);
    validation.set_issuer(&[issuer]);
    validation.validate_aud = false;
    validation.validate_exp = !allow_expired;
    validation.set_required_spec_claims(&["iss", "aud"]);
    validation.leeway = 5;
    jsonwebtoken::decode::<serde_json::Value>(token, &verifier.key, &validation)
        .map(|data| data.claims)
        .map_err(|e| VerifyError::Invalid(e.to_string()))
}
