//! Tokens for a person's grant, shared by the `authorization_code` and `refresh_token` grants:
//! - with `organization_id` and no `resource`: an organization token (JWT,
//!   `aud = urn:logto:organization:{id}`, 3600 s, the member's organization permissions there ∩
//!   requested);
//! - with a `resource`: a JWT for that API, carrying `organization_id` when one is given, with
//!   the user's permissions on it ∩ requested ∩ granted;
//! - otherwise an opaque token for `/oidc/me`, stored as a digest.
//!
//! An ID token comes along whenever `openid` is among the effective scopes.

use super::client_credentials::{ORGANIZATION_TOKEN_TTL, organization_audience};
use super::context::GrantContext;
use super::response::TokenResponse;
use crate::domain::{ids, secrets};
use crate::oidc::access_token::AccessTokenClaims;
use crate::oidc::claims::{self, Audience, ORGANIZATIONS_SCOPE, SUPPORTED_SCOPES};
use crate::oidc::client::Client;
use crate::oidc::error::OAuthError;
use crate::oidc::id_token::{self, IdTokenInput};
use crate::storage::{DEFAULT_TENANT, GrantRow, OrganizationStanding, StorageError, UserRow};

/// Lifetime of opaque (userinfo) access tokens.
const OPAQUE_TTL_SECS: i64 = 3600;

pub struct Request<'a> {
    pub client: &'a Client,
    pub grant: &'a GrantRow,
    pub user: &'a UserRow,
    /// The `scope` parameter, when given (already checked to be within the grant).
    pub requested: Option<Vec<String>>,
    pub resource: Option<&'a str>,
    pub organization_id: Option<&'a str>,
    /// A new refresh token to hand out (already stored), if any.
    pub refresh_token: Option<String>,
    /// The member's standing, when [`check_organization`] already read it.
    pub standing: Option<OrganizationStanding>,
}

pub fn lookup_failed(e: StorageError) -> OAuthError {
    tracing::error!(error = %e, "token lookup failed");
    OAuthError::ServerError
}

pub async fn tokens(ctx: &GrantContext<'_>, req: Request<'_>) -> Result<TokenResponse, OAuthError> {
    let grant_scopes: Vec<&str> = req
        .grant
        .scopes
        .split(' ')
        .filter(|s| !s.is_empty())
        .collect();
    let requested: Vec<&str> = match &req.requested {
        Some(r) => r.iter().map(String::as_str).collect(),
        None => grant_scopes.clone(),
    };
    let now_secs = ctx.now_secs();
    let (access_token, expires_in, scope) = match (req.organization_id, req.resource) {
        (Some(organization_id), None) => {
            let standing = match req.standing {
                Some(s) => s,
                None => ctx
                    .store
                    .user_organization_standing(DEFAULT_TENANT, organization_id, &req.user.id)
                    .await
                    .map_err(lookup_failed)?
                    .ok_or_else(not_a_member)?,
            };
            let scope = standing
                .scopes
                .iter()
                .filter(|s| requested.contains(&s.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let token = sign_access(
                ctx,
                req.client,
                req.user,
                organization_audience(organization_id),
                ORGANIZATION_TOKEN_TTL,
                &scope,
                None,
            )?;
            (token, ORGANIZATION_TOKEN_TTL, scope)
        }
        (organization_id, Some(indicator)) => {
            let (is_member, grant) = ctx
                .store
                .user_resource_grant(DEFAULT_TENANT, &req.user.id, indicator, organization_id)
                .await
                .map_err(lookup_failed)?
                .ok_or_else(|| {
                    OAuthError::InvalidTarget("resource indicator is missing, or unknown".into())
                })?;
            if !is_member {
                return Err(not_a_member());
            }
            let scope = grant
                .scopes
                .iter()
                .filter(|s| requested.contains(&s.as_str()) && grant_scopes.contains(&s.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let ttl = grant.resource.access_token_ttl;
            let token = sign_access(
                ctx,
                req.client,
                req.user,
                grant.resource.indicator,
                ttl,
                &scope,
                organization_id,
            )?;
            (token, ttl, scope)
        }
        (None, None) => {
            let scope = requested
                .iter()
                .filter(|s| SUPPORTED_SCOPES.contains(s))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let token = secrets::generate();
            ctx.store
                .access_token_insert(
                    DEFAULT_TENANT,
                    &req.grant.id,
                    &secrets::digest_hex(&token),
                    &scope,
                    (now_secs + OPAQUE_TTL_SECS) * 1000,
                )
                .await
                .map_err(lookup_failed)?;
            (token, OPAQUE_TTL_SECS, scope)
        }
    };
    let id_token = if requested.contains(&"openid") {
        let enabled = ctx
            .config_cache
            .id_token_claims(ctx.store)
            .await
            .map_err(lookup_failed)?;
        let user_claims =
            claims::for_user(ctx.store, req.user, &requested, Audience::IdToken(&enabled))
                .await
                .map_err(lookup_failed)?;
        let ttl = req.client.lifetimes.id_token_secs;
        Some(
            id_token::sign(
                ctx.keys,
                IdTokenInput {
                    issuer: ctx.issuer,
                    client_id: &req.client.id,
                    now_secs,
                    ttl_secs: ttl,
                    auth_time_ms: req.grant.auth_time,
                    nonce: req.grant.nonce.as_deref(),
                    access_token: Some(&access_token),
                    claims: user_claims,
                },
            )
            .map_err(signing_failed)?,
        )
    } else {
        None
    };
    Ok(TokenResponse {
        access_token,
        expires_in,
        token_type: "Bearer",
        scope,
        refresh_token: req.refresh_token,
        id_token,
    })
}

/// `grant request is invalid`, the answer to any unusable code or refresh token.
pub fn invalid_grant() -> OAuthError {
    OAuthError::InvalidGrant("grant request is invalid".into())
}

/// Deletes the grant and everything it issued (code or refresh-token reuse).
pub async fn revoke(ctx: &GrantContext<'_>, grant_id: &str) {
    if let Err(e) = ctx.store.grant_delete(grant_id).await {
        tracing::error!(error = %e, "grant revocation failed");
    }
}

/// The one `resource` of the request, which must be among those the grant covers.
pub fn granted_resource<'a>(
    resources: &'a [String],
    grant: &GrantRow,
) -> Result<Option<&'a str>, OAuthError> {
    match resources {
        [] => Ok(None),
        [one] => {
            let granted: Vec<String> = serde_json::from_str(&grant.resources).unwrap_or_default();
            if granted.contains(one) {
                Ok(Some(one.as_str()))
            } else {
                Err(OAuthError::InvalidTarget(
                    "resource indicator is missing, or unknown".into(),
                ))
            }
        }
        _ => Err(OAuthError::InvalidTarget(
            "only a single resource indicator value is supported for this grant type".into(),
        )),
    }
}

/// Logto's answer to a user outside the organization (also for one that does not exist).
pub fn not_a_member() -> OAuthError {
    OAuthError::AccessDenied("user is not a member of the organization".into())
}

/// The organization checks of Logto's refresh token grant, in its order
/// (`packages/core/src/oidc/grants/utils.ts`, then `grants/refresh-token.ts`).
pub async fn check_organization(
    ctx: &GrantContext<'_>,
    client: &Client,
    grant: &GrantRow,
    user_id: &str,
    organization_id: &str,
) -> Result<OrganizationStanding, OAuthError> {
    let standing = ctx
        .store
        .user_organization_standing(DEFAULT_TENANT, organization_id, user_id)
        .await
        .map_err(lookup_failed)?
        .ok_or_else(not_a_member)?;
    // Logto lets a user grant a third-party app chosen organizations at consent; the consent
    // screen here grants none, so third-party apps get no organization tokens.
    if client.is_third_party {
        return Err(OAuthError::AccessDenied(
            "organization access is not granted to the application".into(),
        ));
    }
    if standing.is_mfa_required && !standing.has_mfa {
        return Err(OAuthError::AccessDenied(
            "organization requires MFA but user has no MFA configured".into(),
        ));
    }
    if !grant.scopes.split(' ').any(|s| s == ORGANIZATIONS_SCOPE) {
        return Err(OAuthError::InsufficientScope {
            description: "refresh token missing required scope".into(),
            scope: ORGANIZATIONS_SCOPE.into(),
        });
    }
    Ok(standing)
}

fn sign_access(
    ctx: &GrantContext<'_>,
    client: &Client,
    user: &UserRow,
    aud: String,
    ttl: i64,
    scope: &str,
    organization_id: Option<&str>,
) -> Result<String, OAuthError> {
    let iat = ctx.now_secs();
    let claims = AccessTokenClaims {
        jti: ids::generate(32),
        sub: user.id.clone(),
        iat,
        // Lifetimes are bounded where they are stored; saturating keeps a bad row harmless.
        exp: iat.saturating_add(ttl),
        scope: scope.to_string(),
        client_id: client.id.clone(),
        iss: ctx.issuer.to_string(),
        aud,
        organization_id: organization_id.map(str::to_string),
    };
    ctx.keys.sign(&claims).map_err(signing_failed)
}

fn signing_failed(e: crate::oidc::keys::KeyError) -> OAuthError {
    tracing::error!(error = %e, "token signing failed");
    OAuthError::ServerError
}
