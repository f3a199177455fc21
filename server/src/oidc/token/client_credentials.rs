//! RFC 6749 §4.4 client credentials grant, with RFC 8707 resource indicators and Logto's
//! `organization_id` parameter (`packages/core/src/oidc/grants/client-credentials.ts`):
//! - only machine-to-machine applications may use it;
//! - exactly one `resource`, which must exist, unless `organization_id` is given;
//! - with `organization_id`, the app must be a member of the organization (403 `access_denied`);
//!   without `resource` the token is an organization token, with it the resource token carries
//!   `organization_id` and the API permissions of the app's roles in that organization;
//! - granted scopes = requested ∩ what the app's roles hold on that resource (none requested →
//!   none granted); unknown scopes are dropped, not refused.

use super::context::GrantContext;
use super::params::Params;
use super::response::TokenResponse;
use crate::domain::applications::ApplicationType;
use crate::domain::ids;
use crate::oidc::access_token::AccessTokenClaims;
use crate::oidc::client::Client;
use crate::oidc::error::OAuthError;
use crate::storage::DEFAULT_TENANT;

/// The grant's parameters (RFC 6749 §4.4.2, RFC 8707 §2.1, Logto's `organization_id`). None
/// is refused by itself: what is wrong with them is told once the client is known.
pub struct ClientCredentialsRequest<'a> {
    pub scopes: Vec<String>,
    pub resources: &'a [String],
    pub organization_id: Option<&'a str>,
}

impl<'a> ClientCredentialsRequest<'a> {
    pub fn parse(params: &'a Params) -> Self {
        Self {
            scopes: params.scopes(),
            resources: &params.resources,
            organization_id: params.get("organization_id"),
        }
    }
}

/// The organization of an organization token request (`organization_id` without `resource`):
/// the token endpoint's hot path, whose client is read with its permissions there
/// (`caches::client_grants`).
pub fn organization_token_requested(params: &Params) -> Option<&str> {
    params
        .get("organization_id")
        .filter(|_| params.resources.is_empty())
}

/// Only machine-to-machine applications may use this grant.
fn machine_only(client: &Client) -> Result<(), OAuthError> {
    if client.kind == ApplicationType::MachineToMachine {
        Ok(())
    } else {
        Err(OAuthError::UnauthorizedClient(
            "requested grant type is not allowed for this client".into(),
        ))
    }
}

/// A resource token, with the organization's permissions when `organization_id` is given.
pub async fn resource_token(
    ctx: &GrantContext<'_>,
    client: &Client,
    request: &ClientCredentialsRequest<'_>,
) -> Result<TokenResponse, OAuthError> {
    machine_only(client)?;
    let indicator = match request.resources {
        [] => {
            return Err(OAuthError::InvalidTarget(
                "both `resource` and `organization_id` are not provided".into(),
            ));
        }
        [one] => one,
        _ => {
            return Err(OAuthError::InvalidTarget(
                "only a single resource indicator value is supported for this grant type".into(),
            ));
        }
    };
    let unknown_resource =
        || OAuthError::InvalidTarget("resource indicator is missing, or unknown".into());
    let grant = match request.organization_id {
        // A resource token for the organization: API permissions of the app's roles there.
        Some(organization_id) => {
            let found = ctx
                .store
                .application_organization_resource_grant(
                    DEFAULT_TENANT,
                    organization_id,
                    &client.id,
                    indicator,
                )
                .await
                .map_err(lookup_failed)?;
            match found {
                Some((true, grant)) => grant,
                Some((false, _)) => return Err(not_associated()),
                // Membership is checked before the resource, as Logto does.
                None => {
                    let member = ctx
                        .store
                        .application_is_member(DEFAULT_TENANT, organization_id, &client.id)
                        .await
                        .map_err(lookup_failed)?;
                    return Err(if member {
                        unknown_resource()
                    } else {
                        not_associated()
                    });
                }
            }
        }
        None => ctx
            .store
            .resource_grant_for_application(DEFAULT_TENANT, &client.id, indicator)
            .await
            .map_err(lookup_failed)?
            .ok_or_else(unknown_resource)?,
    };
    let (resource, available) = (grant.resource, grant.scopes);
    let scope = request
        .scopes
        .iter()
        .filter(|s| available.contains(s))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    sign(
        ctx,
        client,
        resource.indicator,
        resource.access_token_ttl,
        scope,
        request.organization_id,
    )
}

/// Logto's answer to an application outside the organization.
fn not_associated() -> OAuthError {
    OAuthError::AccessDenied("app has not associated with the organization".into())
}

/// Organization token (`aud = urn:logto:organization:{id}`, 3600 s): the organization
/// permissions of the app's roles there (`available`, read with the client; `None`: not a
/// member) ∩ the requested scopes (none requested → `""`).
pub fn organization_token(
    ctx: &GrantContext<'_>,
    client: &Client,
    request: &ClientCredentialsRequest<'_>,
    organization_id: &str,
    available: Option<&[String]>,
) -> Result<TokenResponse, OAuthError> {
    machine_only(client)?;
    let available = available.ok_or_else(not_associated)?;
    let scope = available
        .iter()
        .filter(|s| request.scopes.contains(s))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    sign(
        ctx,
        client,
        organization_audience(organization_id),
        ORGANIZATION_TOKEN_TTL,
        scope,
        None,
    )
}

/// Signs an access token for the client itself (`sub` = `client_id`) and wraps the response.
fn sign(
    ctx: &GrantContext<'_>,
    client: &Client,
    aud: String,
    ttl: i64,
    scope: String,
    organization_id: Option<&str>,
) -> Result<TokenResponse, OAuthError> {
    let iat = ctx.now_secs();
    let claims = AccessTokenClaims {
        jti: ids::generate(32),
        sub: client.id.clone(),
        iat,
        // Lifetimes are bounded where they are stored; saturating keeps a bad row harmless.
        exp: iat.saturating_add(ttl),
        scope: scope.clone(),
        client_id: client.id.clone(),
        iss: ctx.issuer.to_string(),
        aud,
        organization_id: organization_id.map(str::to_string),
    };
    let access_token = ctx.keys.sign(&claims).map_err(|e| {
        tracing::error!(error = %e, "token signing failed");
        OAuthError::ServerError
    })?;
    Ok(TokenResponse {
        access_token,
        expires_in: ttl,
        token_type: "Bearer",
        scope,
        refresh_token: None,
        id_token: None,
    })
}

/// A failed lookup: logged here, answered as `server_error`.
fn lookup_failed(e: crate::storage::StorageError) -> OAuthError {
    tracing::error!(error = %e, "client_credentials lookup failed");
    OAuthError::ServerError
}

/// Lifetime of organization tokens (fixed in Logto).
pub const ORGANIZATION_TOKEN_TTL: i64 = 3600;

/// `urn:logto:organization:{id}`, the audience of organization tokens.
pub fn organization_audience(organization_id: &str) -> String {
    format!("urn:logto:organization:{organization_id}")
}
