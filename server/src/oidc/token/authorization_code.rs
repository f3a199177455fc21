//! RFC 6749 §4.1.3 authorization code grant with PKCE (RFC 7636, S256). A code works once:
//! presenting it again revokes the grant and everything issued from it (RFC 6749 §4.1.2).

use aws_lc_rs::digest::{SHA256, digest};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use subtle::ConstantTimeEq;

use super::context::GrantContext;
use super::issue::{self, Request, invalid_grant, lookup_failed, revoke};
use super::params::Params;
use super::response::TokenResponse;
use crate::domain::secrets;
use crate::oidc::claims::SUPPORTED_SCOPES;
use crate::oidc::client::Client;
use crate::oidc::error::OAuthError;
use crate::storage::DEFAULT_TENANT;

/// The grant's parameters (RFC 6749 §4.1.3, RFC 7636 §4.5, RFC 8707 §2.2).
pub struct AuthorizationCodeRequest<'a> {
    pub code: &'a str,
    /// Must be the one the code was issued for; leaving it out is a mismatch too.
    pub redirect_uri: Option<&'a str>,
    pub code_verifier: Option<&'a str>,
    pub resources: &'a [String],
}

impl<'a> AuthorizationCodeRequest<'a> {
    pub fn parse(params: &'a Params) -> Result<Self, OAuthError> {
        let code = params.get("code").ok_or_else(|| {
            OAuthError::InvalidRequest("missing required parameter 'code'".into())
        })?;
        Ok(Self {
            code,
            redirect_uri: params.get("redirect_uri"),
            code_verifier: params.get("code_verifier"),
            resources: &params.resources,
        })
    }
}

pub async fn grant(
    ctx: &GrantContext<'_>,
    client: &Client,
    request: AuthorizationCodeRequest<'_>,
) -> Result<TokenResponse, OAuthError> {
    let now = ctx.now_ms;
    let code_digest = secrets::digest_hex(request.code);
    let found = ctx
        .store
        .code_find(&code_digest)
        .await
        .map_err(lookup_failed)?
        .ok_or_else(invalid_grant)?;
    if found.grant.client_id != client.id {
        return Err(invalid_grant());
    }
    if found.consumed_at.is_some() {
        revoke(ctx, &found.grant.id).await;
        tracing::warn!(client_id = %client.id, "authorization code reused; grant revoked");
        return Err(invalid_grant());
    }
    if found.code_expires_at <= now {
        return Err(OAuthError::InvalidGrant(
            "authorization code is expired".into(),
        ));
    }
    if request.redirect_uri != Some(found.redirect_uri.as_str()) {
        return Err(OAuthError::InvalidGrant(
            "authorization code redirect_uri mismatch".into(),
        ));
    }
    verify_pkce(found.code_challenge.as_deref(), request.code_verifier)?;
    let resource = issue::granted_resource(request.resources, &found.grant)?;
    // Whoever consumes first wins; a concurrent second exchange is a reuse.
    if !ctx
        .store
        .code_consume(&code_digest, now)
        .await
        .map_err(lookup_failed)?
    {
        revoke(ctx, &found.grant.id).await;
        return Err(invalid_grant());
    }
    let user = ctx
        .store
        .user_find_by_id(DEFAULT_TENANT, &found.grant.user_id)
        .await
        .map_err(lookup_failed)?
        .filter(|u| !u.is_suspended)
        .ok_or_else(invalid_grant)?;
    let lifetimes = client.lifetimes;
    let scopes: Vec<&str> = found.grant.scopes.split(' ').collect();
    let refresh_token = if scopes.contains(&"offline_access")
        || lifetimes.always_issue_refresh_token
    {
        let token = secrets::generate();
        let expires_at = (now + lifetimes.refresh_token_secs * 1000).min(found.grant.expires_at);
        ctx.store
            .refresh_token_insert(
                DEFAULT_TENANT,
                &found.grant.id,
                &secrets::digest_hex(&token),
                now,
                expires_at,
            )
            .await
            .map_err(lookup_failed)?;
        Some(token)
    } else {
        None
    };
    // A resource token carries that API's permissions; otherwise only OpenID scopes.
    let requested = match resource {
        Some(_) => None,
        None => Some(
            scopes
                .iter()
                .filter(|s| SUPPORTED_SCOPES.contains(s))
                .map(|s| s.to_string())
                .collect(),
        ),
    };
    issue::tokens(
        ctx,
        Request {
            client,
            grant: &found.grant,
            user: &user,
            requested,
            resource,
            organization_id: None,
            refresh_token,
            standing: None,
        },
    )
    .await
}

/// RFC 7636 §4.6: `BASE64URL(SHA256(code_verifier)) == code_challenge`, compared in constant
/// time. A verifier without a challenge (or the reverse) fails too.
fn verify_pkce(challenge: Option<&str>, verifier: Option<&str>) -> Result<(), OAuthError> {
    let failed = || OAuthError::InvalidGrant("PKCE verification failed".into());
    match (challenge, verifier) {
        (None, None) => Ok(()),
        (Some(challenge), Some(verifier)) => {
            let valid_form = (43..=128).contains(&verifier.len())
                && verifier
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
            if !valid_form {
                return Err(failed());
            }
            let computed = URL_SAFE_NO_PAD.encode(digest(&SHA256, verifier.as_bytes()));
            if bool::from(computed.as_bytes().ct_eq(challenge.as_bytes())) {
                Ok(())
            } else {
                Err(failed())
            }
        }
        _ => Err(failed()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_per_rfc7636_appendix_b() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(verify_pkce(Some(challenge), Some(verifier)).is_ok());
        assert!(verify_pkce(Some(challenge), Some(&verifier.replace('d', "e"))).is_err());
        assert!(verify_pkce(Some(challenge), None).is_err());
        assert!(verify_pkce(None, Some(verifier)).is_err());
        assert!(verify_pkce(None, None).is_ok());
    }
}
