//! RFC 6749 §6 refresh token grant with rotation and reuse detection (RFC 9700 §4.14), and
//! Logto's `organization_id` parameter (`packages/core/src/oidc/grants/refresh-token.ts`):
//! organization tokens for members, checked live on every exchange.
//!
//! Rotation: public clients always rotate; confidential ones rotate once 70% of the token's
//! life has passed (unless `rotateRefreshToken: false`). Presenting a rotated-out token
//! revokes the whole grant.

use super::context::GrantContext;
use super::issue::{self, Request, invalid_grant, lookup_failed, revoke};
use super::params::Params;
use super::response::TokenResponse;
use crate::domain::secrets;
use crate::oidc::client::Client;
use crate::oidc::error::OAuthError;
use crate::storage::{DEFAULT_TENANT, Rotation};

/// No refresh token outlives its grant's first year (Logto's `packages/core/src/oidc/defaults.ts`).
const MAX_LIFETIME_MS: i64 = 365 * 86_400 * 1000;

/// The grant's parameters (RFC 6749 §6, RFC 8707 §2.2, Logto's `organization_id`).
pub struct RefreshTokenRequest<'a> {
    pub refresh_token: &'a str,
    /// The `scope` values when the parameter is given (RFC 6749 §6: within the grant's).
    pub scope: Option<Vec<String>>,
    pub resources: &'a [String],
    pub organization_id: Option<&'a str>,
}

impl<'a> RefreshTokenRequest<'a> {
    pub fn parse(params: &'a Params) -> Result<Self, OAuthError> {
        let refresh_token = params.get("refresh_token").ok_or_else(|| {
            OAuthError::InvalidRequest("missing required parameter 'refresh_token'".into())
        })?;
        Ok(Self {
            refresh_token,
            scope: params.get("scope").is_some().then(|| params.scopes()),
            resources: &params.resources,
            organization_id: params.get("organization_id"),
        })
    }
}

pub async fn grant(
    ctx: &GrantContext<'_>,
    client: &Client,
    request: RefreshTokenRequest<'_>,
) -> Result<TokenResponse, OAuthError> {
    let presented = request.refresh_token;
    let digest = secrets::digest_hex(presented);
    let now = ctx.now_ms;
    let crate::storage::RefreshGrantUser { token: found, user } = ctx
        .store
        .refresh_token_find_with_user(&digest)
        .await
        .map_err(lookup_failed)?
        .ok_or_else(invalid_grant)?;
    if found.grant.client_id != client.id {
        return Err(invalid_grant());
    }
    if found.consumed_at.is_some() {
        revoke(ctx, &found.grant.id).await;
        tracing::warn!(client_id = %client.id, "refresh token reused; grant revoked");
        return Err(invalid_grant());
    }
    if found.token_expires_at <= now || found.grant.expires_at <= now {
        return Err(invalid_grant());
    }
    let grant_scopes: Vec<&str> = found.grant.scopes.split(' ').collect();
    let requested = request.scope;
    if requested
        .iter()
        .flatten()
        .any(|s| !grant_scopes.contains(&s.as_str()))
    {
        return Err(OAuthError::InvalidScope(
            "refresh token missing requested scope(s)".into(),
        ));
    }
    if user.is_suspended {
        return Err(invalid_grant());
    }
    let organization_id = request.organization_id;
    let standing = match organization_id {
        Some(org) => {
            Some(issue::check_organization(ctx, client, &found.grant, &user.id, org).await?)
        }
        None => None,
    };
    let resource = issue::granted_resource(request.resources, &found.grant)?;
    let lifetimes = client.lifetimes;
    let lifetime = found.token_expires_at - found.token_created_at;
    let rotate = !client.is_confidential()
        || (lifetimes.rotate_refresh_token && now - found.token_created_at >= lifetime * 7 / 10);
    let refresh_token = if rotate {
        let token = secrets::generate();
        let expires_at = (now + lifetimes.refresh_token_secs * 1000)
            .min(found.grant.created_at + MAX_LIFETIME_MS)
            .min(found.grant.expires_at);
        let rotation = ctx
            .store
            .refresh_token_rotate(
                DEFAULT_TENANT,
                &found.grant.id,
                &digest,
                &secrets::digest_hex(&token),
                now,
                expires_at,
            )
            .await
            .map_err(lookup_failed)?;
        if rotation == Rotation::AlreadyConsumed {
            revoke(ctx, &found.grant.id).await;
            return Err(invalid_grant());
        }
        token
    } else {
        presented.to_string()
    };
    issue::tokens(
        ctx,
        Request {
            client,
            grant: &found.grant,
            user: &user,
            requested,
            resource,
            organization_id,
            refresh_token: Some(refresh_token),
            standing,
        },
    )
    .await
}
