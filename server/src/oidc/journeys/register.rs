//! Registration on the hosted page, as the sign-in experience's `signUp` asks: a username, an
//! email address proved with an emailed code, a password, in any combination Logto allows.
//! The account is created (with the organizations its verified email's domain provisions)
//! only once everything is proved; then the MFA step of a registration runs.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::journey::{CodeForm, Journey, check_code, go, send_code};
use crate::domain::account_settings::AccountSettings;
use crate::domain::mfa_gate::Event;
use crate::domain::passwords;
use crate::domain::sign_up::{self, Registration, SignUpInput};
use crate::http::peer_ip::PeerIp;
use crate::oidc::mfa;
use crate::oidc::pending::{Pending, back_to_page, internal, pending};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

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

const TURNED_OFF: &str = "Creating accounts is turned off. Ask your administrator for an account.";

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
    let settings = match AccountSettings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) => s,
        Err(e) => return internal(e),
    };
    let shape = settings.sign_up_form();
    let input = SignUpInput {
        username: form.username.trim(),
        email: form.email.trim(),
        password: &form.password,
        password_confirm: &form.password_confirm,
    };
    // Both fields come back after a refusal: a username never holds a space, nor does an
    // email, so one space keeps them apart (the register page splits them again).
    let shown = match (input.username, input.email) {
        (u, "") => u.to_string(),
        ("", e) => e.to_string(),
        (u, e) => format!("{u} {e}"),
    };
    let shown = shown.as_str();
    let mode = match state.store.sign_in_mode(DEFAULT_TENANT).await {
        Ok(m) => m,
        Err(e) => return internal(e),
    };
    if mode == "SignIn" {
        return back_to_page(&state, &p, "/register", TURNED_OFF, shown).await;
    }
    if let Err(message) = state.sign_in_limits.check_page(peer, "") {
        return back_to_page(&state, &p, "/register", &message, shown).await;
    }
    if let Err(message) = sign_up::check_form(shape, &input) {
        return back_to_page(&state, &p, "/register", message, shown).await;
    }
    let given = |v: &str| (!v.is_empty()).then(|| v.to_string());
    let username = given(input.username).filter(|_| shape.username);
    let email = given(input.email).filter(|_| shape.email.is_some());
    if let Some(u) = &username {
        match sign_up::username_free(&state.store, DEFAULT_TENANT, u).await {
            Ok(true) => {}
            Ok(false) => {
                return back_to_page(&state, &p, "/register", sign_up::USERNAME_TAKEN, shown).await;
            }
            Err(e) => return internal(e),
        }
    }
    let password_hash = if shape.password {
        match passwords::hash(form.password.clone()).await {
            Ok(h) => Some(h),
            Err(e) => return internal(e),
        }
    } else {
        None
    };
    // An address proved by a sign-in code a moment ago needs no second code.
    let proved = matches!(
        Journey::of(&p),
        Some(Journey::Register { email: e, verified: true, .. })
            if email.as_deref().is_some_and(|typed| typed.eq_ignore_ascii_case(&e))
    );
    match email {
        Some(email) if shape.email == Some(true) && !proved => {
            let journey = Journey::Register {
                email,
                username,
                password_hash,
                verified: false,
            };
            if let Err(message) = send_code(&state, &p, &journey).await {
                return back_to_page(&state, &p, "/register", &message, shown).await;
            }
            go(&state, &p, Some(&journey), "/register/verify", None, None).await
        }
        email => {
            let registration = Registration {
                username,
                email,
                email_verified: proved,
                password_hash,
            };
            create(&state, &headers, p, registration, shown).await
        }
    }
}

/// `POST /oidc/interaction/register/verify` `code`: the emailed code; then the account.
pub async fn register_verify(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let Some(journey @ Journey::Register { .. }) = Journey::of(&p) else {
        return crate::oidc::flow::see_other("/register");
    };
    if let Err(message) = state.sign_in_limits.check_page(peer, journey.email()) {
        return go(
            &state,
            &p,
            Some(&journey),
            "/register/verify",
            Some(&message),
            None,
        )
        .await;
    }
    if let Err(message) = check_code(&state, &journey, &form.code).await {
        return go(
            &state,
            &p,
            Some(&journey),
            "/register/verify",
            Some(&message),
            None,
        )
        .await;
    }
    let Journey::Register {
        email,
        username,
        password_hash,
        ..
    } = journey
    else {
        return internal("journey changed");
    };
    let shown = email.clone();
    let registration = Registration {
        username,
        email: Some(email),
        email_verified: true,
        password_hash,
    };
    create(&state, &headers, p, registration, &shown).await
}

/// Creates the account and runs a registration's MFA step; a refusal (taken meanwhile) goes
/// back to the registration form.
pub(super) async fn create(
    state: &AppState,
    headers: &HeaderMap,
    p: Pending,
    registration: Registration,
    shown: &str,
) -> Response {
    let now = state.clock.now_ms();
    match sign_up::create(&state.store, DEFAULT_TENANT, registration, now).await {
        Ok(Ok(user_id)) => {
            if let Err(e) = state
                .store
                .interaction_set_journey(&p.row.id_digest, None, None, None)
                .await
            {
                return internal(e);
            }
            mfa::begin(state, headers, p, &user_id, Event::Register).await
        }
        Ok(Err(message)) => go(state, &p, None, "/register", Some(&message), Some(shown)).await,
        Err(e) => internal(e),
    }
}
