//! Form posts of the hosted sign-in and consent pages (`/oidc/interaction/*`; registration and
//! the other email journeys are in `journeys/`, the MFA steps' posts in `mfa/`): plain HTML forms, so the pages work without JavaScript. Each
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
use crate::domain::account_settings::{AccountSettings, Identifier};
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
    if let Err(message) = state.sign_in_limits.check_page(peer, identifier) {
        state.metrics.sign_in(Surface::Hosted, Outcome::Limited);
        return back_to_page(&state, &p, "/sign-in", &message, identifier).await;
    }
    // Only the identifiers the sign-in experience lets sign in with a password.
    let kind = Identifier::of_text(identifier);
    match AccountSettings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) if s.password_sign_in(kind) => {}
        Ok(_) => {
            state.metrics.sign_in(Surface::Hosted, Outcome::Failure);
            let message = match kind {
                Identifier::Username => "Signing in with a username and password is not enabled.",
                Identifier::Email => {
                    "Signing in with an email address and password is not enabled."
                }
                Identifier::Phone => "Signing in with a phone number and password is not enabled.",
            };
            return back_to_page(&state, &p, "/sign-in", message, identifier).await;
        }
        Err(e) => return internal(e),
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
