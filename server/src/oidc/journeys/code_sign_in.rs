//! Sign-in with an emailed code (`signIn.methods` with `email` and `verificationCode`). As
//! Logto, an address without an account gets its code only when it could register; otherwise
//! the code is made but not sent, and the page looks the same either way.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::journey::{CodeForm, Journey, check_code, go, send_code};
use super::register::create;
use crate::domain::account_settings::AccountSettings;
use crate::domain::end_users::SignInFailure;
use crate::domain::mfa_gate::Event;
use crate::domain::sign_up::Registration;
use crate::http::peer_ip::PeerIp;
use crate::metrics::{Outcome, Surface};
use crate::oidc::mfa;
use crate::oidc::pending::{back_to_page, internal, pending};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

#[derive(Deserialize)]
pub struct CodeSignInForm {
    #[serde(default)]
    identifier: String,
}

/// `POST /oidc/interaction/sign-in/code` `identifier`: sends a sign-in code to the address.
pub async fn sign_in_code(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeSignInForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let email = form.identifier.trim();
    let settings = match AccountSettings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) => s,
        Err(e) => return internal(e),
    };
    if !settings.email_code_sign_in(state.mailer.enabled()) {
        let message = "Signing in with an emailed code is not available.";
        return back_to_page(&state, &p, "/sign-in", message, email).await;
    }
    if !crate::domain::end_users::valid_email(email) {
        return back_to_page(
            &state,
            &p,
            "/sign-in",
            "Enter a valid email address.",
            email,
        )
        .await;
    }
    if let Err(message) = state.sign_in_limits.check_page(peer, email) {
        state.metrics.sign_in(Surface::Hosted, Outcome::Limited);
        return back_to_page(&state, &p, "/sign-in", &message, email).await;
    }
    let known = match state.store.user_find_by_email(DEFAULT_TENANT, email).await {
        Ok(u) => u.is_some(),
        Err(e) => return internal(e),
    };
    let deliver = known || can_register(&state, &settings).await;
    let journey = Journey::SignIn {
        email: email.to_string(),
        deliver,
    };
    if let Err(message) = send_code(&state, &p, &journey).await {
        return back_to_page(&state, &p, "/sign-in", &message, email).await;
    }
    go(&state, &p, Some(&journey), "/sign-in/verify", None, None).await
}

/// Whether an address without an account may register by email here.
async fn can_register(state: &AppState, settings: &AccountSettings) -> bool {
    let open = state
        .store
        .sign_in_mode(DEFAULT_TENANT)
        .await
        .is_ok_and(|m| m != "SignIn");
    open && settings.sign_up_form().email.is_some()
}

/// `POST /oidc/interaction/sign-in/verify` `code`: the emailed code signs the user in; for an
/// address without an account that may register, the registration continues with it proved.
pub async fn sign_in_verify(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let Some(journey @ Journey::SignIn { .. }) = Journey::of(&p) else {
        return crate::oidc::flow::see_other("/sign-in");
    };
    let email = journey.email().to_string();
    let settings = match AccountSettings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) => s,
        Err(e) => return internal(e),
    };
    // Turned off meanwhile: the code no longer signs in.
    if !settings.email_code_sign_in(state.mailer.enabled()) {
        let message = "Signing in with an emailed code is not available.";
        return go(&state, &p, None, "/sign-in", Some(message), Some(&email)).await;
    }
    if let Err(message) = state.sign_in_limits.check_page(peer, &email) {
        state.metrics.sign_in(Surface::Hosted, Outcome::Limited);
        return go(
            &state,
            &p,
            Some(&journey),
            "/sign-in/verify",
            Some(&message),
            None,
        )
        .await;
    }
    let user = match state.store.user_find_by_email(DEFAULT_TENANT, &email).await {
        Ok(u) => u,
        Err(e) => return internal(e),
    };
    // A code that was never sent cannot be known: it is refused as a wrong one (the stored
    // code still counts the guess).
    if let Err(message) = check_code(&state, &journey, &form.code).await {
        state.metrics.sign_in(Surface::Hosted, Outcome::Failure);
        return go(
            &state,
            &p,
            Some(&journey),
            "/sign-in/verify",
            Some(&message),
            None,
        )
        .await;
    }
    if !matches!(journey, Journey::SignIn { deliver: true, .. }) {
        let message = "The code is incorrect.";
        return go(
            &state,
            &p,
            Some(&journey),
            "/sign-in/verify",
            Some(message),
            None,
        )
        .await;
    }
    match user {
        Some(user) if user.is_suspended => {
            state.metrics.sign_in(Surface::Hosted, Outcome::Failure);
            let message = SignInFailure::Suspended.message();
            go(&state, &p, None, "/sign-in", Some(message), Some(&email)).await
        }
        Some(user) => {
            state.metrics.sign_in(Surface::Hosted, Outcome::Success);
            if let Err(e) = state
                .store
                .interaction_set_journey(&p.row.id_digest, None, None, None)
                .await
            {
                return internal(e);
            }
            mfa::begin(&state, &headers, p, &user.id, Event::SignIn).await
        }
        None => {
            let shape = settings.sign_up_form();
            if !can_register(&state, &settings).await {
                let message = "The code is incorrect.";
                return go(
                    &state,
                    &p,
                    Some(&journey),
                    "/sign-in/verify",
                    Some(message),
                    None,
                )
                .await;
            }
            // Nothing more to ask: the proved address makes the account (Logto's sign-in to
            // registration switch).
            if !shape.username && !shape.password {
                let registration = Registration {
                    username: None,
                    email: Some(email.clone()),
                    email_verified: true,
                    password_hash: None,
                };
                return create(&state, &headers, p, registration, &email).await;
            }
            let journey = Journey::Register {
                email: email.clone(),
                username: None,
                password_hash: None,
                verified: true,
            };
            let message = "No account uses this email address yet. Finish creating yours.";
            go(
                &state,
                &p,
                Some(&journey),
                "/register",
                Some(message),
                Some(&email),
            )
            .await
        }
    }
}
