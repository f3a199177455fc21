//! `GET|POST /oidc/me` (OIDC Core §5.3): the claims of the opaque access token's scopes,
//! read live. Only the opaque tokens the token endpoint issues for the user are accepted.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use super::claims::{self, Audience};
use super::error::OAuthError;
use crate::domain::secrets;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

pub async fn userinfo(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let mut client_id = None;
    let mut res = match answer(&state, &headers, &mut client_id).await {
        Ok(res) => res,
        Err(e) => e.into_response(),
    };
    super::cors::apply(&state.store, &headers, client_id.as_deref(), &mut res).await;
    res
}

/// The claims; `client_id` learns whose token it was, for CORS.
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    client_id: &mut Option<String>,
) -> Result<Response, OAuthError> {
    let token = bearer(headers)
        .ok_or_else(|| OAuthError::InvalidToken("no access token provided".into()))?;
    let invalid = || OAuthError::InvalidToken("access token invalid or expired".into());
    let failed = |e: crate::storage::StorageError| {
        tracing::error!(error = %e, "userinfo lookup failed");
        OAuthError::ServerError
    };
    let found = state
        .store
        .access_token_find(&secrets::digest_hex(token))
        .await
        .map_err(failed)?
        .ok_or_else(invalid)?;
    *client_id = Some(found.grant.client_id.clone());
    if found.token_expires_at <= state.clock.now_ms() {
        return Err(invalid());
    }
    let scopes: Vec<&str> = found.token_scopes.split(' ').collect();
    if !scopes.contains(&"openid") {
        return Err(OAuthError::InsufficientScope {
            description: "access token missing 'openid' scope".into(),
            scope: "openid".into(),
        });
    }
    let user = state
        .store
        .user_find_by_id(DEFAULT_TENANT, &found.grant.user_id)
        .await
        .map_err(failed)?
        .filter(|u| !u.is_suspended)
        .ok_or_else(invalid)?;
    let claims = claims::for_user(&state.store, &user, &scopes, Audience::Userinfo)
        .await
        .map_err(failed)?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(claims)).into_response())
}

/// The `Bearer` token of the `Authorization` header (RFC 6750 §2.1).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, t)| t.trim())
        .filter(|t| !t.is_empty())
}
