//! `GET|POST /oidc/auth`: the authorization endpoint (`response_type=code` only).
//!
//! Errors found before the redirect URI is trusted are shown on our own page; afterwards they
//! go back to the client with `error`, `error_description`, `state` and `iss`. A browser with a
//! valid session (and no `prompt=login`, within `max_age`) gets its code at once; otherwise the
//! request is stored as an interaction and the browser goes to the hosted sign-in page.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, header};
use axum::response::{IntoResponse, Response};

use super::auth_request::{self, AuthRequest, RedirectError};
use super::token::Params;
use super::{cookies, error_page, flow};
use crate::domain::secrets;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, InteractionRow};

/// How long a sign-in may take from `/oidc/auth` to the code.
const INTERACTION_TTL_SECS: i64 = 3600;

pub async fn authorize(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let raw = if method == Method::POST {
        body.to_vec()
    } else {
        query.unwrap_or_default().into_bytes()
    };
    let params = match Params::parse(&raw) {
        Ok(p) => p,
        Err(e) => return error_page::render("invalid_request", e.description()),
    };
    let (client, redirect_uri) = match auth_request::trusted_redirect(&state.store, &params).await {
        Ok(found) => found,
        Err(e) => return error_page::render(e.error, &e.description),
    };
    let state_param = params.get("state").map(str::to_string);
    let request =
        match auth_request::validate(&state.store, &params, &client, redirect_uri.clone()).await {
            Ok(r) => r,
            Err(e) => {
                return flow::redirect_error(&state, &redirect_uri, state_param.as_deref(), &e);
            }
        };
    match proceed(&state, &headers, &request, client.is_third_party).await {
        Ok(res) => res,
        Err(e) => flow::redirect_error(&state, &request.redirect_uri, request.state.as_deref(), &e),
    }
}

/// Whether the request carries a magic link: a one-time token and the email it is for.
fn magic_link(request: &AuthRequest) -> bool {
    request.one_time_token_digest.is_some()
        && request.login_hint.as_deref().is_some_and(|h| !h.is_empty())
}

/// With a usable session and nothing to ask, the code goes back at once; otherwise the
/// request waits as an interaction for the sign-in (or consent) page.
async fn proceed(
    state: &AppState,
    headers: &HeaderMap,
    request: &AuthRequest,
    third_party: bool,
) -> Result<Response, RedirectError> {
    let now = state.clock.now_ms();
    let session = flow::current_session(state, headers).await?;
    let fresh_enough = |auth_time_ms: i64| {
        request
            .max_age
            .is_none_or(|max| now - auth_time_ms <= max * 1000)
    };
    let usable = session
        .as_ref()
        .filter(|s| !request.has_prompt("login") && fresh_enough(s.auth_time));
    // First-party apps are trusted; third-party apps ask every time (consents are not kept).
    let needs_consent = third_party;
    if request.has_prompt("none") {
        let Some(session) = usable else {
            return Err(RedirectError {
                error: "login_required",
                description: "End-User authentication is required".into(),
            });
        };
        if needs_consent {
            return Err(RedirectError {
                error: "consent_required",
                description: "End-User consent is required".into(),
            });
        }
        return flow::issue_code(state, request, &session.user_id, session.auth_time).await;
    }
    // A magic link always asks which account continues (a session of another account must
    // not swallow it, nor the link be used up before the person chose): its page.
    if let Some(session) = usable
        && !needs_consent
        && !magic_link(request)
    {
        return flow::issue_code(state, request, &session.user_id, session.auth_time).await;
    }
    // Wait for the hosted page.
    let cookie_value = secrets::generate();
    let row = InteractionRow {
        id_digest: secrets::digest_hex(&cookie_value),
        tenant_id: DEFAULT_TENANT.into(),
        client_id: request.client_id.clone(),
        request: serde_json::to_string(request).map_err(|_| flow::server_error())?,
        user_id: usable
            .filter(|_| !magic_link(request))
            .map(|s| s.user_id.clone()),
        auth_time: usable.filter(|_| !magic_link(request)).map(|s| s.auth_time),
        last_error: None,
        last_identifier: request.login_hint.clone(),
        created_at: now,
        expires_at: now + INTERACTION_TTL_SECS * 1000,
        mfa: None,
        journey: None,
        join_organizations: None,
    };
    state.store.interaction_insert(&row).await.map_err(|e| {
        tracing::error!(error = %e, "interaction insert failed");
        flow::server_error()
    })?;
    let target = if magic_link(request) {
        "/one-time-token"
    } else if row.user_id.is_some() {
        "/consent"
    } else if request.first_screen.as_deref() == Some("register") {
        "/register"
    } else {
        "/sign-in"
    };
    let secure = state.public_url.starts_with("https://");
    Ok((
        axum::http::StatusCode::SEE_OTHER,
        [
            (header::LOCATION, target.to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        [(
            header::SET_COOKIE,
            cookies::set(
                cookies::INTERACTION,
                &cookie_value,
                INTERACTION_TTL_SECS,
                secure,
            ),
        )],
    )
        .into_response())
}
