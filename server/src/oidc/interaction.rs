//! Form posts of the hosted pages (`/oidc/interaction/*`): plain HTML forms, so the pages work
//! without JavaScript. Each answers with a redirect (post/redirect/get): back to the page with
//! the error stored on the interaction, or on to the client with the code.
//!
//! The interaction is found through its cookie, which only `/oidc/auth` sets: a form posted
//! from another site is refused by the same-origin check, and a stolen form cannot name
//! someone else's interaction.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::auth_request::{AuthRequest, RedirectError};
use super::{cookies, error_page, flow, mfa};
use crate::domain::mfa_gate::Event;
use crate::domain::{end_users, secrets};
use crate::http::peer_ip::PeerIp;
use crate::metrics::{Outcome, Surface};
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, InteractionRow, SessionRow};

/// Lifetime of a browser session (Logto's default, `packages/core/src/oidc/defaults.ts`).
const SESSION_TTL_SECS: i64 = 14 * 86_400;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    password: String,
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// The pending interaction named by the cookie, with its request.
pub(crate) struct Pending {
    pub(crate) row: InteractionRow,
    pub(crate) request: AuthRequest,
}

pub(crate) async fn pending(state: &AppState, headers: &HeaderMap) -> Result<Pending, Response> {
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

pub(crate) fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "sign-in step failed");
    error_page::render("server_error", "An unexpected error occurred.")
}

/// `POST /oidc/interaction/sign-in` `identifier`, `password`.
pub async fn sign_in(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let identifier = form.identifier.trim();
    if let Err(wait) = state.sign_in_limits.check(peer, identifier) {
        state.metrics.sign_in(Surface::Hosted, Outcome::Limited);
        let message = format!("Too many attempts. Try again in {wait} seconds.");
        return back_to_page(&state, &p, "/sign-in", &message, identifier).await;
    }
    match end_users::authenticate(&state.store, DEFAULT_TENANT, identifier, &form.password).await {
        Ok(Ok(user)) => {
            state.metrics.sign_in(Surface::Hosted, Outcome::Success);
            mfa::begin(&state, &headers, p, &user.id, Event::SignIn).await
        }
        Ok(Err(failure)) => {
            state.metrics.sign_in(Surface::Hosted, Outcome::Failure);
            back_to_page(&state, &p, "/sign-in", failure.message(), identifier).await
        }
        Err(e) => internal(e),
    }
}

/// `POST /oidc/interaction/register` `username`, `email`, `password`, `password_confirm`.
pub async fn register(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let mode = match state.store.sign_in_mode(DEFAULT_TENANT).await {
        Ok(m) => m,
        Err(e) => return internal(e),
    };
    // Both fields come back after a refusal: a username never holds a space, nor does an
    // email, so one space keeps them apart (the register page splits them again).
    let shown = match (form.username.trim(), form.email.trim()) {
        (u, "") => u.to_string(),
        ("", e) => e.to_string(),
        (u, e) => format!("{u} {e}"),
    };
    let shown = shown.as_str();
    if mode == "SignIn" {
        return back_to_page(
            &state,
            &p,
            "/register",
            "Creating accounts is turned off. Ask your administrator for an account.",
            shown,
        )
        .await;
    }
    if let Err(wait) = state.sign_in_limits.check(peer, "") {
        let message = format!("Too many attempts. Try again in {wait} seconds.");
        return back_to_page(&state, &p, "/register", &message, shown).await;
    }
    let created = end_users::register(
        &state.store,
        DEFAULT_TENANT,
        &form.username,
        &form.email,
        &form.password,
        &form.password_confirm,
        state.clock.now_ms(),
    )
    .await;
    match created {
        Ok(Ok(user_id)) => mfa::begin(&state, &headers, p, &user_id, Event::Register).await,
        Ok(Err(message)) => back_to_page(&state, &p, "/register", &message, shown).await,
        Err(e) => internal(e),
    }
}

/// `POST /oidc/interaction/consent`: the signed-in user allows a third-party app.
pub async fn consent(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let (Some(user_id), Some(auth_time)) = (p.row.user_id.clone(), p.row.auth_time) else {
        return flow::see_other("/sign-in");
    };
    finish(&state, p, &user_id, auth_time, None).await
}

/// `POST /oidc/interaction/cancel`: back to the client with `access_denied`.
pub async fn cancel(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    if let Err(e) = state.store.interaction_delete(&p.row.id_digest).await {
        return internal(e);
    }
    let e = RedirectError {
        error: "access_denied",
        description: "End-User aborted interaction".into(),
    };
    let mut res = flow::redirect_error(
        &state,
        &p.request.redirect_uri,
        p.request.state.as_deref(),
        &e,
    );
    clear_interaction(&state, &mut res);
    res
}

/// Stores the error for the page to show and sends the browser back to it.
pub(crate) async fn back_to_page(
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
pub(crate) async fn signed_in(
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
async fn finish(
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

fn clear_interaction(state: &AppState, res: &mut Response) {
    let secure = state.public_url.starts_with("https://");
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(cookies::INTERACTION, secure),
    );
}
