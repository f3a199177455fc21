//! RFC 6749 §3.2 token endpoint: parse the form, authenticate the client, dispatch on
//! `grant_type` to one module per grant.

mod authorization_code;
mod client_credentials;
mod issue;
mod refresh_token;

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::client_auth;
use super::error::OAuthError;
use crate::state::AppState;
use crate::storage::ApplicationRow;

/// Form parameters: each at most once, except `resource` (RFC 8707 allows several).
#[derive(Debug, Default)]
pub struct Params {
    single: HashMap<String, String>,
    pub resources: Vec<String>,
}

impl Params {
    pub fn parse(body: &[u8]) -> Result<Params, OAuthError> {
        let mut params = Params::default();
        for (key, value) in url::form_urlencoded::parse(body) {
            if key.contains('\0') || value.contains('\0') {
                return Err(OAuthError::InvalidRequest(
                    "parameters must not contain NUL characters".into(),
                ));
            }
            if key == "resource" {
                params.resources.push(value.into_owned());
            } else if params
                .single
                .insert(key.to_string(), value.into_owned())
                .is_some()
            {
                return Err(OAuthError::InvalidRequest(format!(
                    "'{key}' parameter must not be provided twice"
                )));
            }
        }
        Ok(params)
    }

    /// A parameter's value; empty values count as absent (as oidc-provider treats them).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.single
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The space-separated `scope` values, without duplicates, in request order.
    pub fn scopes(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in self
            .get("scope")
            .unwrap_or_default()
            .split(' ')
            .filter(|s| !s.is_empty())
        {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
        out
    }
}

#[derive(Debug, Serialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub expires_in: i64,
    pub token_type: &'static str,
    pub scope: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,
}

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
    let grant_type = params
        .get("grant_type")
        .ok_or_else(|| {
            OAuthError::InvalidRequest("missing required parameter 'grant_type'".into())
        })?
        .to_string();
    let presented = client_auth::presented(headers, &params)?;
    match grant_type.as_str() {
        "client_credentials" => {
            client_credentials::authenticate_and_grant(state, &presented, &params, authenticated)
                .await
        }
        "authorization_code" => {
            let client = client_auth::authenticate_any(&state.store, &presented).await?;
            let result = authorization_code::grant(state, &client, &params).await;
            *authenticated = Some(Arc::new(client));
            result
        }
        "refresh_token" => {
            let client = client_auth::authenticate_any(&state.store, &presented).await?;
            let result = refresh_token::grant(state, &client, &params).await;
            *authenticated = Some(Arc::new(client));
            result
        }
        other => Err(OAuthError::UnsupportedGrantType(format!(
            "unsupported grant_type requested ({other})"
        ))),
    }
}
