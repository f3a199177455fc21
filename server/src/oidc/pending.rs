//! A pending sign-in (the interaction named by the browser's cookie) and how it ends: the
//! browser's new session, then consent (third-party apps) or the code back to the client.
//! Shared by the hosted pages' form posts (`interaction.rs`) and the MFA steps (`mfa/`).

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::auth_request::AuthRequest;
use super::{cookies, error_page, flow};
use crate::domain::secrets;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, InteractionRow, SessionRow};

/// Lifetime of a browser session (Logto's default, `packages/core/src/oidc/defaults.ts`).
const SESSION_TTL_SECS: i64 = 14 * 86_400;

/// The pending interaction named by the cookie, with its request.
pub struct Pending {
    pub row: InteractionRow,
    pub request: AuthRequest,
}

pub async fn pending(state: &AppState, headers: &HeaderMap) -> Result<Pending, Response> {
    let expired = || {
        error_page::render(
            "interaction_expired",
            "This sign-in request has expired or was already completed.",
        )
    };
    let value = cookies::read(headers, cookies::INTERACTION).ok_or_else(expired)?;
    let row = state
        .store
        .interaction_find(&secrets::digest_hex(&value), state.clock.now_ms())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "interaction lookup failed");
            error_page::render("server_error", "An unexpected error occurred.")
        })?
        .ok_or_else(expired)?;
    let request: AuthRequest = serde_json::from_str(&row.request).map_err(|e| {
        tracing::error!(error = %e, "stored interaction unreadable");
        error_page::render("server_error", "An unexpected error occurred.")
    })?;
    Ok(Pending { row, request })
}

pub fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "sign-in step failed");
    error_page::render("server_error", "An unexpected error occurred.")
}

/// Stores the error for the page to show and sends the browser back to it.
pub async fn back_to_page(
    state: &AppState,
    p: &Pending,
    page: &str,
    message: &str,
    identifier: &str,
) -> Response {
    let identifier = (!identifier.is_empty()).then_some(identifier);
    match state
        .store
        .interaction_set_error(&p.row.id_digest, Some(message), identifier)
        .await
    {
        Ok(()) => flow::see_other(page),
        Err(e) => internal(e),
    }
}

/// A new session for the user; then consent (third-party apps) or the code.
pub async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
    p: Pending,
    user_id: &str,
) -> Response {
    let now = state.clock.now_ms();
    let cookie_value = secrets::generate();
    let session = SessionRow {
        id_digest: secrets::digest_hex(&cookie_value),
        tenant_id: DEFAULT_TENANT.into(),
        user_id: user_id.to_string(),
        auth_time: now,
        created_at: now,
        expires_at: now + SESSION_TTL_SECS * 1000,
    };
    // A previous session of this browser ends: one browser, one signed-in user.
    if let Some(old) = cookies::read(headers, cookies::SESSION) {
        let _ = state.store.session_delete(&secrets::digest_hex(&old)).await;
    }
    // Organizations the sign-in joins once it completes (after the MFA step).
    if let Some(json) = &p.row.join_organizations {
        let ids: Vec<String> = serde_json::from_str(json).unwrap_or_default();
        if let Err(e) = state
            .store
            .user_join_organizations_jit(DEFAULT_TENANT, user_id, &ids, now)
            .await
        {
            return internal(e);
        }
    }
    if let Err(e) = state.store.session_insert(&session).await {
        return internal(e);
    }
    if let Err(e) = state
        .store
        .user_touch_sign_in(DEFAULT_TENANT, user_id, now)
        .await
    {
        return internal(e);
    }
    let secure = state.public_url.starts_with("https://");
    let session_cookie = cookies::set(cookies::SESSION, &cookie_value, SESSION_TTL_SECS, secure);
    let third_party = match state
        .store
        .application_find_by_id(DEFAULT_TENANT, &p.request.client_id)
        .await
    {
        Ok(Some(app)) => app.is_third_party,
        Ok(None) => return error_page::render("invalid_client", "The application was deleted."),
        Err(e) => return internal(e),
    };
    if third_party {
        if let Err(e) = state
            .store
            .interaction_set_user(&p.row.id_digest, user_id, now)
            .await
        {
            return internal(e);
        }
        let mut res = flow::see_other("/consent");
        res.headers_mut().append(header::SET_COOKIE, session_cookie);
        return res;
    }
    finish(state, p, user_id, now, Some(session_cookie)).await
}

/// Ends the interaction and sends the browser to the client with its code.
pub async fn finish(
    state: &AppState,
    p: Pending,
    user_id: &str,
    auth_time: i64,
    session_cookie: Option<HeaderValue>,
) -> Response {
    match state.store.interaction_delete(&p.row.id_digest).await {
        Ok(true) => {}
        // Already completed by a concurrent submit: nothing more to issue.
        Ok(false) => {
            return error_page::render(
                "interaction_expired",
                "This sign-in request was already completed.",
            );
        }
        Err(e) => return internal(e),
    }
    let mut res = match flow::issue_code(state, &p.request, user_id, auth_time).await {
        Ok(res) => res,
        Err(e) => flow::redirect_error(
            state,
            &p.request.redirect_uri,
            p.request.state.as_deref(),
            &e,
        ),
    };
    if let Some(cookie) = session_cookie {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    clear_interaction(state, &mut res);
    res.into_response()
}

pub fn clear_interaction(state: &AppState, res: &mut Response) {
    let secure = state.public_url.starts_with("https://");
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(cookies::INTERACTION, secure),
    );
}
