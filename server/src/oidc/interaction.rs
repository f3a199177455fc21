//! Form posts of the hosted sign-in, registration and consent pages (`/oidc/interaction/*`; the
//! MFA steps' posts are in `mfa/`): plain HTML forms, so the pages work without JavaScript. Each
//! answers with a redirect (post/redirect/get): back to the page with the error stored on the
//! interaction, or on to the MFA step, consent or the client (`pending.rs`).
//!
//! The interaction is found through its cookie, which only `/oidc/auth` sets: a form posted
//! from another site is refused by the same-origin check, and a stolen form cannot name
//! someone else's interaction.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::auth_request::RedirectError;
use super::pending::{back_to_page, clear_interaction, finish, internal, pending};
use super::{flow, mfa};
use crate::domain::end_users;
use crate::domain::mfa_gate::Event;
use crate::http::peer_ip::PeerIp;
use crate::metrics::{Outcome, Surface};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

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
