//! RFC 6749 §3.2 token endpoint: parse the form, authenticate the client, dispatch on
//! `grant_type` to one module per grant.

mod authorization_code;
mod client_credentials;
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

use super::client_auth;
use super::error::OAuthError;
use crate::state::AppState;
use crate::storage::ApplicationRow;
use grant_type::GrantType;
pub use params::Params;
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
    if let Some(app) = &authenticated {
        super::cors::apply_for(app, &headers, &mut res);
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
    authenticated: &mut Option<Arc<ApplicationRow>>,
) -> Result<TokenResponse, OAuthError> {
    let params = Params::parse(body)?;
    let grant_type = params.get("grant_type").ok_or_else(|| {
        OAuthError::InvalidRequest("missing required parameter 'grant_type'".into())
    })?;
    let presented = client_auth::presented(headers, &params)?;
    let grant = GrantType::parse(grant_type).ok_or_else(|| {
        OAuthError::UnsupportedGrantType(format!("unsupported grant_type requested ({grant_type})"))
    })?;
    let result = match grant {
        GrantType::ClientCredentials => {
            client_credentials::authenticate_and_grant(state, &presented, &params, authenticated)
                .await
        }
        GrantType::AuthorizationCode => {
            let client = client_auth::authenticate_any(&state.store, &presented).await?;
            let result = authorization_code::grant(state, &client, &params).await;
            *authenticated = Some(Arc::new(client));
            result
        }
        GrantType::RefreshToken => {
            let client = client_auth::authenticate_any(&state.store, &presented).await?;
            let result = refresh_token::grant(state, &client, &params).await;
            *authenticated = Some(Arc::new(client));
            result
        }
    };
    if result.is_ok() {
        state.metrics.token_issued(grant.as_str());
    }
    result
}
