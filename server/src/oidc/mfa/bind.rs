//! The binding pages' posts: an authenticator app proven by its first code, a set of backup
//! codes the user confirms having saved (and their download), skipping where the policy allows
//! it (else Logto's `session.mfa.mfa_policy_not_user_controlled`), and turning 2-step
//! verification on from the suggestion page.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::advance::{advance, may_bind, save};
use super::step::Page;
use super::verify::{CodeForm, current, limited, locked_message};
use crate::domain::logto_config;
use crate::domain::mfa_sign_in::{self, CodeCheck, TotpBinding};
use crate::http::peer_ip::PeerIp;
use crate::oidc::flow;
use crate::oidc::pending::internal;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// `POST /oidc/interaction/mfa/bind-totp` `code`: the first code of the app proves the secret
/// shown on the page.
pub async fn bind_totp(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let (p, mut step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let here = "/mfa-binding/Totp";
    let Some(secret) = step.totp_secret.clone() else {
        return flow::see_other(&step.path());
    };
    if !step.offers(Page::Bind, "Totp") {
        return flow::see_other(&step.path());
    }
    match may_bind(&state, &step).await {
        Ok(true) => {}
        Ok(false) => return advance(&state, &headers, p, step, None).await,
        Err(e) => return internal(e),
    }
    if let Some(message) = limited(&state, peer) {
        return save(&state, &p, &step, Some(&message), here).await;
    }
    let now = state.clock.now_ms();
    let store = &state.store;
    let bound = mfa_sign_in::bind_totp(
        store,
        DEFAULT_TENANT,
        &step.user_id,
        &secret,
        &form.code,
        now,
    )
    .await;
    match bound {
        Ok(TotpBinding::Bound) => {}
        // Bound meanwhile in another sign-in: nothing was bound here; decide again.
        Ok(TotpBinding::AlreadyBound) => {
            step.totp_secret = None;
            return advance(&state, &headers, p, step, None).await;
        }
        Ok(TotpBinding::WrongCode(CodeCheck::Locked(until))) => {
            return save(&state, &p, &step, Some(&locked_message(until, now)), here).await;
        }
        Ok(TotpBinding::WrongCode(_)) => {
            return save(&state, &p, &step, Some("Invalid TOTP code."), here).await;
        }
        Err(e) => return internal(e),
    }
    // Binding turns 2-step verification on (Logto's `markMfaEnabled`).
    if let Err(e) =
        logto_config::set_mfa_flag(store, DEFAULT_TENANT, &step.user_id, "enabled", true).await
    {
        return internal(e);
    }
    step.bound = true;
    step.totp_secret = None;
    advance(&state, &headers, p, step, None).await
}

#[derive(Deserialize)]
pub struct SavedForm {
    #[serde(default)]
    saved: Option<String>,
}

/// `POST /oidc/interaction/mfa/bind-backup-codes` `saved=on`: the codes shown are stored.
pub async fn bind_backup_codes(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SavedForm>,
) -> Response {
    let (p, mut step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let (Page::BackupCodes, Some(codes)) = (step.page, step.backup_codes.clone()) else {
        return flow::see_other(&step.path());
    };
    if form.saved.is_none() {
        let message = "Confirm that you have saved your backup codes.";
        return save(&state, &p, &step, Some(message), "/mfa-binding/BackupCode").await;
    }
    match may_bind(&state, &step).await {
        Ok(true) => {}
        Ok(false) => return advance(&state, &headers, p, step, None).await,
        Err(e) => return internal(e),
    }
    let now = state.clock.now_ms();
    let user = step.user_id.clone();
    if let Err(e) =
        mfa_sign_in::bind_backup_codes(&state.store, DEFAULT_TENANT, &user, &codes, now).await
    {
        return internal(e);
    }
    step.bound = true;
    step.backup_codes = None;
    advance(&state, &headers, p, step, None).await
}

/// `POST /oidc/interaction/mfa/skip`: binding is skipped (remembered on the user), where the
/// policy allows it and no organization requires MFA.
pub async fn skip(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (p, mut step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let allowed = step.page == Page::Suggest || (step.page == Page::Bind && step.skippable);
    if !allowed {
        let path = step.path();
        let message = "Two-step verification is required and cannot be skipped.";
        return save(&state, &p, &step, Some(message), &path).await;
    }
    let user = step.user_id.clone();
    if let Err(e) =
        logto_config::set_mfa_flag(&state.store, DEFAULT_TENANT, &user, "skipped", true).await
    {
        return internal(e);
    }
    step.totp_secret = None;
    advance(&state, &headers, p, step, None).await
}

/// `POST /oidc/interaction/mfa/enable`: the user turns 2-step verification on when it is
/// suggested, and goes on to bind a factor.
pub async fn enable(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (p, step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    if step.page != Page::Suggest {
        return flow::see_other(&step.path());
    }
    let user = step.user_id.clone();
    if let Err(e) =
        logto_config::set_mfa_flag(&state.store, DEFAULT_TENANT, &user, "enabled", true).await
    {
        return internal(e);
    }
    advance(&state, &headers, p, step, None).await
}

/// `GET /oidc/interaction/mfa/backup-codes.txt`: the codes being shown, as a file to keep.
pub async fn backup_codes_file(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (_, step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let (Page::BackupCodes, Some(codes)) = (step.page, step.backup_codes.as_ref()) else {
        return flow::see_other(&step.path());
    };
    let body = format!(
        "Backup codes for {}\nEach code can be used once.\n\n{}\n",
        state.public_url,
        codes.join("\n")
    );
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"backup-codes.txt\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
