//! RFC 6749 §4.4 client credentials grant, with RFC 8707 resource indicators and Logto's
//! `organization_id` parameter (`packages/core/src/oidc/grants/client-credentials.ts`):
//! - only machine-to-machine applications may use it;
//! - exactly one `resource`, which must exist, unless `organization_id` is given;
//! - with `organization_id`, the app must be a member of the organization (403 `access_denied`);
//!   without `resource` the token is an organization token, with it the resource token carries
//!   `organization_id` and the API permissions of the app's roles in that organization;
//! - granted scopes = requested ∩ what the app's roles hold on that resource (none requested →
//!   none granted); unknown scopes are dropped, not refused.

use std::sync::Arc;

use super::params::Params;
use super::response::TokenResponse;
use crate::domain::ids;
use crate::oidc::access_token::AccessTokenClaims;
use crate::oidc::client_auth::{self, PresentedClient};
use crate::oidc::error::OAuthError;
use crate::state::AppState;
use crate::storage::{ApplicationRow, DEFAULT_TENANT};

/// Authenticates the client and runs the grant; `authenticated` receives the client once it
/// has authenticated (for CORS). An organization token request (the hot path) needs only the
/// client and its permissions in the organization: from this replica's memory when they are
/// current ([`ClientGrants`](crate::oidc::client_grants::ClientGrants)), else from one statement.
pub async fn authenticate_and_grant(
    state: &AppState,
    presented: &PresentedClient,
    params: &Params,
    authenticated: &mut Option<Arc<ApplicationRow>>,
) -> Result<TokenResponse, OAuthError> {
    let organization_id = params.get("organization_id");
    let Some(organization_id) = organization_id.filter(|_| params.resources.is_empty()) else {
        let client = client_auth::authenticate(&state.store, presented).await?;
        let result = grant(state, &client, params, organization_id).await;
        *authenticated = Some(Arc::new(client));
        return result;
    };
    let found = state
        .client_grants
        .lookup(&state.store, &presented.client_id, organization_id)
        .await
        .map_err(lookup_failed)?;
    let (found, unkept) = found.ok_or_else(|| client_auth::authentication_failed(presented))?;
    client_auth::verify_secret(&found.client, presented)?;
    let client = &found.client;
    *authenticated = Some(client.clone());
    machine_only(client)?;
    let token = organization_token(
        state,
        client,
        params,
        organization_id,
        found.scopes.as_deref(),
    )?;
    // Only a member's grant is kept: the organizations an app can make this replica remember
    // are the ones an admin added it to, so no request can fill the memory.
    if let Some(unkept) = unkept {
        state.client_grants.keep(unkept);
    }
    Ok(token)
}

/// Only machine-to-machine applications may use this grant.
fn machine_only(client: &ApplicationRow) -> Result<(), OAuthError> {
    if client.app_type == "MachineToMachine" {
        Ok(())
    } else {
        Err(OAuthError::UnauthorizedClient(
            "requested grant type is not allowed for this client".into(),
        ))
    }
}

/// A resource token, with the organization's permissions when `organization_id` is given.
async fn grant(
    state: &AppState,
    client: &ApplicationRow,
    params: &Params,
    organization_id: Option<&str>,
) -> Result<TokenResponse, OAuthError> {
    machine_only(client)?;
    let indicator = match params.resources.as_slice() {
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
    let grant = match organization_id {
        // A resource token for the organization: API permissions of the app's roles there.
        Some(organization_id) => {
            let found = state
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
                    let member = state
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
        None => state
            .store
            .resource_grant_for_application(DEFAULT_TENANT, &client.id, indicator)
            .await
            .map_err(lookup_failed)?
            .ok_or_else(unknown_resource)?,
    };
    let (resource, available) = (grant.resource, grant.scopes);
    let scope = params
        .scopes()
        .into_iter()
        .filter(|s| available.contains(s))
        .collect::<Vec<_>>()
        .join(" ");
    sign(
        state,
        client,
        resource.indicator,
        resource.access_token_ttl,
        scope,
        organization_id,
    )
}

/// Logto's answer to an application outside the organization.
fn not_associated() -> OAuthError {
    OAuthError::AccessDenied("app has not associated with the organization".into())
}

/// Organization token (`aud = urn:logto:organization:{id}`, 3600 s): the organization
/// permissions of the app's roles there (`None`: not a member) ∩ the requested scopes (none
/// requested → `""`).
fn organization_token(
    state: &AppState,
    client: &ApplicationRow,
    params: &Params,
    organization_id: &str,
    available: Option<&[String]>,
) -> Result<TokenResponse, OAuthError> {
    let available = available.ok_or_else(not_associated)?;
    let requested = params.scopes();
    let scope = available
        .iter()
        .filter(|s| requested.contains(s))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    sign(
        state,
        client,
        organization_audience(organization_id),
        ORGANIZATION_TOKEN_TTL,
        scope,
        None,
    )
}

/// Signs an access token for the client itself (`sub` = `client_id`) and wraps the response.
fn sign(
    state: &AppState,
    client: &ApplicationRow,
    aud: String,
    ttl: i64,
    scope: String,
    organization_id: Option<&str>,
) -> Result<TokenResponse, OAuthError> {
    let iat = state.clock.now_ms() / 1000;
    let claims = AccessTokenClaims {
        jti: ids::generate(32),
        sub: client.id.clone(),
        iat,
        exp: iat + ttl,
        scope: scope.clone(),
        client_id: client.id.clone(),
        iss: state.issuer.to_string(),
        aud,
        organization_id: organization_id.map(str::to_string),
    };
    let access_token = state.keys.sign(&claims).map_err(|e| {
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
