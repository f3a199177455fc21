//! RFC 6749 §4.4 client credentials grant, with RFC 8707 resource indicators and Logto's
//! `organization_id` parameter (spec §3.4):
//! - only machine-to-machine applications may use it;
//! - exactly one `resource`, which must exist, unless `organization_id` is given;
//! - granted scopes = requested ∩ what the app's roles hold on that resource (none requested →
//!   none granted); unknown scopes are dropped, not refused.

use super::{OAuthError, Params, TokenResponse};
use crate::domain::ids;
use crate::oidc::access_token::AccessTokenClaims;
use crate::state::AppState;
use crate::storage::{ApplicationRow, DEFAULT_TENANT};

pub async fn grant(
    state: &AppState,
    client: &ApplicationRow,
    params: &Params,
) -> Result<TokenResponse, OAuthError> {
    if client.app_type != "MachineToMachine" {
        return Err(OAuthError::UnauthorizedClient(
            "requested grant type is not allowed for this client".into(),
        ));
    }
    if params.get("organization_id").is_some() {
        // No application is associated with an organization until organization membership for
        // applications exists; Logto answers non-members exactly like this.
        return Err(OAuthError::AccessDenied(
            "app has not associated with the organization".into(),
        ));
    }
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
    let server_error = |e: crate::storage::StorageError| {
        tracing::error!(error = %e, "client_credentials lookup failed");
        OAuthError::ServerError
    };
    let grant = state
        .store
        .resource_grant_for_application(DEFAULT_TENANT, &client.id, indicator)
        .await
        .map_err(server_error)?
        .ok_or_else(|| {
            OAuthError::InvalidTarget("resource indicator is missing, or unknown".into())
        })?;
    let (resource, available) = (grant.resource, grant.scopes);
    let scope = params
        .scopes()
        .into_iter()
        .filter(|s| available.contains(s))
        .collect::<Vec<_>>()
        .join(" ");
    let iat = state.clock.now_ms() / 1000;
    let claims = AccessTokenClaims {
        jti: ids::generate(32),
        sub: client.id.clone(),
        iat,
        exp: iat + resource.access_token_ttl,
        scope: scope.clone(),
        client_id: client.id.clone(),
        iss: state.issuer.to_string(),
        aud: resource.indicator.clone(),
        organization_id: None,
    };
    let access_token = state.keys.sign(&claims).map_err(|e| {
        tracing::error!(error = %e, "token signing failed");
        OAuthError::ServerError
    })?;
    Ok(TokenResponse {
        access_token,
        expires_in: resource.access_token_ttl,
        token_type: "Bearer",
        scope,
    })
}
