//! Passkeys on the MFA pages: each page visit's ceremony is prepared with the step (a
//! registration on the binding page, an authentication on the verification page), the
//! browser's answer comes back in a form post, and the small script that runs the ceremony is
//! served here (the one hosted page script; `passkey.js`).

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;

use super::advance::{advance, may_bind, save};
use super::ceremony::prepare;
use super::step::{MfaStep, Page};
use super::verify::{current, limited, locked_message};
use crate::domain::logto_config;
use crate::domain::mfa_sign_in::CodeCheck;
use crate::domain::passkeys::{self, Registration, RelyingParty};
use crate::http::peer_ip::PeerIp;
use crate::oidc::flow;
use crate::oidc::pending::{Pending, internal};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

const SCRIPT: &str = include_str!("passkey.js");

/// What the page says when the form came without an answer (JavaScript off).
const NEEDS_SCRIPT: &str =
    "Passkeys need JavaScript in this browser. Turn it on, or choose another method.";

#[derive(Deserialize)]
pub struct CredentialForm {
    #[serde(default)]
    credential: String,
}

/// Sends the browser back to the passkey page with `message`, with a fresh ceremony.
async fn again(state: &AppState, p: Pending, mut step: MfaStep, message: &str) -> Response {
    if let Err(e) = prepare(state, &mut step).await {
        return internal(e);
    }
    let path = match step.page {
        Page::Verify => "/mfa-verification/WebAuthn",
        _ => "/mfa-binding/WebAuthn",
    };
    save(state, &p, &step, Some(message), path).await
}

/// The sign-in, its step, the relying party and the ceremony `page` waits on, for an answer
/// posted to it; otherwise what to send back (the step's own page, or the passkey page saying
/// JavaScript is needed when the answer is empty).
async fn answered(
    state: &AppState,
    headers: &HeaderMap,
    page: Page,
    credential: &str,
) -> Result<(Pending, MfaStep, Arc<RelyingParty>, Value), Response> {
    let (p, step) = current(state, headers).await?;
    let (true, Some(rp), Some(ceremony)) = (
        step.offers(page, "WebAuthn"),
        state.passkeys.clone(),
        step.passkey_state.clone(),
    ) else {
        return Err(flow::see_other(&step.path()));
    };
    if credential.is_empty() {
        return Err(again(state, p, step, NEEDS_SCRIPT).await);
    }
    Ok((p, step, rp, ceremony))
}

/// `POST /oidc/interaction/mfa/verify-passkey` `credential` (the browser's answer, JSON).
pub async fn verify_passkey(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CredentialForm>,
) -> Response {
    let (p, mut step, rp, ceremony) =
        match answered(&state, &headers, Page::Verify, &form.credential).await {
            Ok(found) => found,
            Err(res) => return res,
        };
    if let Some(message) = limited(&state, peer) {
        return again(&state, p, step, &message).await;
    }
    let now = state.clock.now_ms();
    let checked = passkeys::verify(
        &rp,
        &state.store,
        DEFAULT_TENANT,
        &step.user_id,
        &form.credential,
        &ceremony,
        now,
    )
    .await;
    match checked {
        Ok(CodeCheck::Accepted) => {
            // The next page prepares its own ceremony (or none).
            step.verified = true;
            advance(&state, &headers, p, step, None).await
        }
        Ok(CodeCheck::Wrong) => {
            again(
                &state,
                p,
                step,
                "The passkey could not be verified. Try again, or choose another method.",
            )
            .await
        }
        Ok(CodeCheck::Locked(until)) => again(&state, p, step, &locked_message(until, now)).await,
        Err(e) => internal(e),
    }
}

/// `POST /oidc/interaction/mfa/bind-passkey` `credential`: registers the new passkey.
pub async fn bind_passkey(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CredentialForm>,
) -> Response {
    let (p, mut step, rp, ceremony) =
        match answered(&state, &headers, Page::Bind, &form.credential).await {
            Ok(found) => found,
            Err(res) => return res,
        };
    match may_bind(&state, &step).await {
        Ok(true) => {}
        Ok(false) => return advance(&state, &headers, p, step, None).await,
        Err(e) => return internal(e),
    }
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .chars()
        .take(256)
        .collect::<String>();
    let now = state.clock.now_ms();
    let store = &state.store;
    let user = step.user_id.clone();
    let registered = passkeys::finish_registration(
        &rp,
        store,
        DEFAULT_TENANT,
        &user,
        &form.credential,
        &ceremony,
        &agent,
        now,
    )
    .await;
    match registered {
        Ok(Registration::Bound) => {}
        Ok(Registration::Refused) => {
            return again(
                &state,
                p,
                step,
                "The passkey could not be registered. Try again, or choose another method.",
            )
            .await;
        }
        Err(e) => return internal(e),
    }
    if let Err(e) = logto_config::set_mfa_flag(store, DEFAULT_TENANT, &user, "enabled", true).await
    {
        return internal(e);
    }
    step.bound = true;
    advance(&state, &headers, p, step, None).await
}

/// `GET /oidc/interaction/mfa/passkey.js`.
pub async fn passkey_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SCRIPT,
    )
        .into_response()
}
