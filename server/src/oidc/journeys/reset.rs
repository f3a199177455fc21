//! A forgotten password (Logto's ForgotPassword event, next-features §2.4): the address, its
//! emailed code, the new password twice, then back to the sign-in page with a notice. No
//! session is made and no MFA is asked, and the user's sessions and grants end (a thief who
//! had the old password keeps nothing); an address without an account gets no mail, and the
//! pages look the same either way.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::journey::{CodeForm, Journey, RESET_WINDOW_MS, check_code, go, send_code};
use crate::domain::account_settings::AccountSettings;
use crate::domain::end_users::valid_email;
use crate::domain::passwords;
use crate::domain::sign_up::check_new_password;
use crate::http::peer_ip::PeerIp;
use crate::oidc::flow;
use crate::oidc::pending::{back_to_page, internal, pending};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// Whether the settings (still) offer a reset by emailed code; unreadable settings offer
/// nothing.
async fn reset_available(state: &AppState) -> bool {
    match AccountSettings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) => s.email_password_reset(state.mailer.enabled()),
        Err(e) => {
            tracing::error!(error = %e, "sign-in settings unreadable");
            false
        }
    }
}

/// `POST /oidc/interaction/forgot-password` `email`: sends a reset code (to an account's
/// address only).
pub async fn forgot_password(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<EmailForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let email = form.email.trim();
    if !reset_available(&state).await {
        let message = "Resetting a password by email is not available. Ask your administrator.";
        return back_to_page(&state, &p, "/forgot-password", message, email).await;
    }
    if !valid_email(email) {
        let message = "Enter a valid email address.";
        return back_to_page(&state, &p, "/forgot-password", message, email).await;
    }
    if let Err(message) = state.sign_in_limits.check_page(peer, email) {
        return back_to_page(&state, &p, "/forgot-password", &message, email).await;
    }
    let deliver = match state.store.user_find_by_email(DEFAULT_TENANT, email).await {
        Ok(u) => u.is_some(),
        Err(e) => return internal(e),
    };
    let journey = Journey::ForgotPassword {
        email: email.to_string(),
        deliver,
        verified_at: None,
    };
    if let Err(message) = send_code(&state, &p, &journey).await {
        return back_to_page(&state, &p, "/forgot-password", &message, email).await;
    }
    go(
        &state,
        &p,
        Some(&journey),
        "/forgot-password/verify",
        None,
        None,
    )
    .await
}

/// `POST /oidc/interaction/forgot-password/verify` `code`.
pub async fn forgot_password_verify(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let Some(journey @ Journey::ForgotPassword { .. }) = Journey::of(&p) else {
        return flow::see_other("/forgot-password");
    };
    const PAGE: &str = "/forgot-password/verify";
    if !reset_available(&state).await {
        return go(&state, &p, None, "/forgot-password", None, None).await;
    }
    if let Err(message) = state.sign_in_limits.check_page(peer, journey.email()) {
        return go(&state, &p, Some(&journey), PAGE, Some(&message), None).await;
    }
    if let Err(message) = check_code(&state, &journey, &form.code).await {
        return go(&state, &p, Some(&journey), PAGE, Some(&message), None).await;
    }
    let Journey::ForgotPassword { email, deliver, .. } = journey else {
        return internal("journey changed");
    };
    // A code never sent cannot have been read: refused as a wrong one.
    if !deliver {
        let journey = Journey::ForgotPassword {
            email,
            deliver,
            verified_at: None,
        };
        return go(
            &state,
            &p,
            Some(&journey),
            PAGE,
            Some("The code is incorrect."),
            None,
        )
        .await;
    }
    let journey = Journey::ForgotPassword {
        email,
        deliver,
        verified_at: Some(state.clock.now_ms()),
    };
    go(&state, &p, Some(&journey), "/reset-password", None, None).await
}

/// `POST /oidc/interaction/reset-password` `password`, `password_confirm`: the new password;
/// then the sign-in page says it changed.
pub async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let now = state.clock.now_ms();
    let Some(
        journey @ Journey::ForgotPassword {
            verified_at: Some(verified_at),
            ..
        },
    ) = Journey::of(&p)
    else {
        return flow::see_other("/forgot-password");
    };
    if now - verified_at > RESET_WINDOW_MS || !reset_available(&state).await {
        let message = "This reset has expired. Send a new code.";
        let typed = journey.email().to_string();
        return go(
            &state,
            &p,
            None,
            "/forgot-password",
            Some(message),
            Some(&typed),
        )
        .await;
    }
    if let Err(message) = check_new_password(&form.password, &form.password_confirm) {
        return go(
            &state,
            &p,
            Some(&journey),
            "/reset-password",
            Some(message),
            None,
        )
        .await;
    }
    let user = match state
        .store
        .user_find_by_email(DEFAULT_TENANT, journey.email())
        .await
    {
        Ok(Some(u)) => u,
        Ok(None) => return go(&state, &p, None, "/forgot-password", None, None).await,
        Err(e) => return internal(e),
    };
    let hash = match passwords::hash(form.password).await {
        Ok(h) => h,
        Err(e) => return internal(e),
    };
    if let Err(e) = state
        .store
        .user_reset_password(DEFAULT_TENANT, &user.id, &hash, now)
        .await
    {
        return internal(e);
    }
    let typed = journey.email().to_string();
    go(&state, &p, None, "/sign-in?reset=1", None, Some(&typed)).await
}
