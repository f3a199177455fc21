//! RFC 6749 §3.2 token endpoint: parse the form, authenticate the client (here, once for every
//! grant), then dispatch on `grant_type` to one module per grant, which gets a
//! [`GrantContext`], the [`Client`] and its parameters parsed into a typed request.

mod authorization_code;
mod client_credentials;
mod context;
mod grant_type;
mod issue;
pub(super) mod params;
mod refresh_token;
mod response;

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::client::Client;
use super::client_auth::{self, Accepts, PresentedClient};
use super::error::OAuthError;
use crate::caches::client_grants::{Grant, Unkept};
use crate::state::AppState;
use authorization_code::AuthorizationCodeRequest;
use client_credentials::ClientCredentialsRequest;
use context::GrantContext;
use grant_type::GrantType;
pub use params::Params;
use refresh_token::RefreshTokenRequest;
pub use response::TokenResponse;

/// `POST /oidc/token` (client authentication required).
pub async fn token_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut authenticated = None;
    let mut res = match exchange(&state, &headers, &body, &mut authenticated).await {
        Ok(token) => (
            [
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                (header::PRAGMA, HeaderValue::from_static("no-cache")),
            ],
            Json(token),
        )
            .into_response(),
        Err(e) => e.into_response(),
    };
    // Browsers (SPAs) send an Origin; backends do not and skip this. The client is known
    // unless the request failed before authenticating it.
    if let Some(client) = &authenticated {
        super::cors::apply_for(client, &headers, &mut res);
    } else {
        super::cors::apply_presented(&state.store, &headers, &body, &mut res).await;
    }
    res
}

/// Runs the grant; `authenticated` receives the client once it has authenticated (for CORS).
async fn exchange(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
    authenticated: &mut Option<Arc<Client>>,
) -> Result<TokenResponse, OAuthError> {
    let params = Params::parse(body)?;
    let grant_type = params.get("grant_type").ok_or_else(|| {
        OAuthError::InvalidRequest("missing required parameter 'grant_type'".into())
    })?;
    let presented = client_auth::presented(headers, &params)?;
    let grant = GrantType::parse(grant_type).ok_or_else(|| {
        OAuthError::UnsupportedGrantType(format!("unsupported grant_type requested ({grant_type})"))
    })?;
    // Only an organization token request reads its client differently. The grants' own
    // parameters are read once the client has authenticated, so a failed authentication is
    // what a request hears first (before a missing `code`, say).
    let organization_id = match grant {
        GrantType::ClientCredentials => client_credentials::organization_token_requested(&params),
        GrantType::AuthorizationCode | GrantType::RefreshToken => None,
    };
    let found = authenticate(state, grant, &presented, organization_id).await?;
    let client = &*found.client;
    *authenticated = Some(found.client.clone());
    let ctx = GrantContext::new(state);
    let result = match grant {
        GrantType::ClientCredentials => {
            let request = ClientCredentialsRequest::parse(&params);
            match &found.organization {
                Some((organization_id, held, _)) => client_credentials::organization_token(
                    &ctx,
                    client,
                    &request,
                    organization_id,
                    held.scopes.as_deref(),
                ),
                None => client_credentials::resource_token(&ctx, client, &request).await,
            }
        }
        GrantType::AuthorizationCode => {
            let request = AuthorizationCodeRequest::parse(&params)?;
            authorization_code::grant(&ctx, client, request).await
        }
        GrantType::RefreshToken => {
            let request = RefreshTokenRequest::parse(&params)?;
            refresh_token::grant(&ctx, client, request).await
        }
    };
    if result.is_ok() {
        // Only a member's grant is kept: the organizations an app can make this replica
        // remember are the ones an admin added it to, so no request can fill the memory.
        if let Some((_, _, Some(unkept))) = found.organization {
            state.client_grants.keep(unkept);
        }
        state.metrics.token_issued(grant.as_str());
    }
    result
}

/// An authenticated client and, for an organization token request, the organization and the
/// client's grant there as read with it (with what to keep once a token is issued).
struct Authenticated<'a> {
    client: Arc<Client>,
    organization: Option<(&'a str, Arc<Grant>, Option<Unkept>)>,
}

/// Reads and authenticates the client, once for every grant (RFC 6749 §2.3.1). The client
/// credentials grant serves confidential clients only (RFC 6749 §4.4). An organization token
/// request (the hot path) reads the client with its organization grant, from this replica's
/// memory while that is current (`caches::client_grants`), so it needs no database read; the
/// secret is checked against that client's digest just the same.
async fn authenticate<'a>(
    state: &AppState,
    grant: GrantType,
    presented: &PresentedClient,
    organization_id: Option<&'a str>,
) -> Result<Authenticated<'a>, OAuthError> {
    let accepts = match grant {
        GrantType::ClientCredentials => Accepts::Confidential,
        GrantType::AuthorizationCode | GrantType::RefreshToken => Accepts::AnyClient,
    };
    let Some(organization_id) = organization_id else {
        let found = Client::find(&state.store, &presented.client_id)
            .await
            .map_err(client_auth::lookup_failed)?;
        let client = client_auth::verify(found, presented, accepts, state.clock.now_ms())?;
        return Ok(Authenticated {
            client: Arc::new(client),
            organization: None,
        });
    };
    let found = state
        .client_grants
        .lookup(&state.store, &presented.client_id, organization_id)
        .await
        .map_err(client_auth::lookup_failed)?;
    let client = found.as_ref().map(|(grant, _)| grant.client.clone());
    let client = client_auth::verify(client, presented, accepts, state.clock.now_ms())?;
    Ok(Authenticated {
        client,
        organization: found.map(|(grant, unkept)| (organization_id, grant, unkept)),
    })
}
