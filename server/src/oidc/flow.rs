//! Steps shared by the authorization endpoint and the hosted pages: the browser's session, the
//! authorization code, and answers sent to the client's redirect URI.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::auth_request::{AuthRequest, RedirectError, redirect_with};
use super::cookies;
use crate::domain::{ids, secrets};
use crate::state::AppState;
use crate::storage::{CodeRow, DEFAULT_TENANT, GrantRow, SessionRow};

/// Lifetime of an authorization code (oidc-provider's default).
const CODE_TTL_SECS: i64 = 60;
/// Lifetime of a grant (Logto's `packages/core/src/oidc/init.ts`); its refresh tokens cannot
/// outlive it.
pub const GRANT_TTL_SECS: i64 = 180 * 86_400;

pub fn server_error() -> RedirectError {
    RedirectError {
        error: "server_error",
        description: "an unexpected error occurred".into(),
    }
}

/// 303 to the client with the error (RFC 6749 §4.1.2.1) and `iss` (RFC 9207).
pub fn redirect_error(
    state: &AppState,
    redirect_uri: &str,
    state_param: Option<&str>,
    e: &RedirectError,
) -> Response {
    let mut params = vec![
        ("error", e.error),
        ("error_description", e.description.as_str()),
    ];
    if let Some(s) = state_param {
        params.push(("state", s));
    }
    params.push(("iss", &state.issuer));
    see_other(&redirect_with(redirect_uri, &params))
}

pub fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location.to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
    )
        .into_response()
}

/// The browser's signed-in session, if its cookie names a live one.
pub async fn current_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<SessionRow>, RedirectError> {
    let Some(value) = cookies::read(headers, cookies::SESSION) else {
        return Ok(None);
    };
    state
        .store
        .session_find(&secrets::digest_hex(&value), state.clock.now_ms())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "session lookup failed");
            server_error()
        })
}

/// Stores the grant with a fresh code and sends the browser back to the client with it.
pub async fn issue_code(
    state: &AppState,
    request: &AuthRequest,
    user_id: &str,
    auth_time_ms: i64,
) -> Result<Response, RedirectError> {
    let now = state.clock.now_ms();
    let code = secrets::generate();
    let grant = GrantRow {
        id: ids::generate(ids::LONG),
        tenant_id: DEFAULT_TENANT.into(),
        client_id: request.client_id.clone(),
        user_id: user_id.to_string(),
        scopes: request.scopes.join(" "),
        resources: serde_json::to_string(&request.resources).map_err(|_| server_error())?,
        nonce: request.nonce.clone(),
        auth_time: auth_time_ms,
        created_at: now,
        expires_at: now + GRANT_TTL_SECS * 1000,
    };
    let code_row = CodeRow {
        code_digest: secrets::digest_hex(&code),
        redirect_uri: request.redirect_uri.clone(),
        code_challenge: request.code_challenge.clone(),
        expires_at: now + CODE_TTL_SECS * 1000,
    };
    state
        .store
        .grant_insert_with_code(&grant, &code_row)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "grant insert failed");
            server_error()
        })?;
    let mut params = vec![("code", code.as_str())];
    if let Some(s) = &request.state {
        params.push(("state", s));
    }
    params.push(("iss", &state.issuer));
    Ok(see_other(&redirect_with(&request.redirect_uri, &params)))
}
