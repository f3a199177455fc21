//! The verification pages' posts: a code of the user's authenticator app or a backup code
//! (Logto's `session.mfa.invalid_totp_code`, `invalid_backup_code`). Wrong codes count toward
//! the user's lockout (`domain/mfa_sign_in.rs`) on top of the per-address sign-in limiter.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::advance::{advance, save};
use super::step::{MfaStep, Page};
use crate::domain::mfa_sign_in::{self, CodeCheck};
use crate::http::peer_ip::PeerIp;
use crate::oidc::flow;
use crate::oidc::pending::{Pending, internal, pending};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub(super) code: String,
}

/// The pending sign-in and its MFA step; without one, back to the sign-in page.
pub(super) async fn current(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(Pending, MfaStep), Response> {
    let p = pending(state, headers).await?;
    match MfaStep::parse(p.row.mfa.as_deref()) {
        Some(step) => Ok((p, step)),
        None => Err(flow::see_other("/sign-in")),
    }
}

/// The words of a lockout (Logto's `session.verification_blocked_too_many_attempts`).
pub(super) fn locked_message(until: i64, now: i64) -> String {
    let minutes = ((until - now) as f64 / 60_000.0).ceil().max(1.0) as i64;
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("Too many attempts in a short time. Please try again in {minutes} {unit}.")
}

/// Counts the post against the per-address limiter.
pub(super) fn limited(state: &AppState, peer: Option<std::net::IpAddr>) -> Option<String> {
    state
        .sign_in_limits
        .check(peer, "")
        .err()
        .map(|wait| format!("Too many attempts. Try again in {wait} seconds."))
}

/// A code factor of the verification pages.
#[derive(Clone, Copy)]
enum CodeFactor {
    Totp,
    BackupCode,
}

impl CodeFactor {
    fn name(self) -> &'static str {
        match self {
            CodeFactor::Totp => "Totp",
            CodeFactor::BackupCode => "BackupCode",
        }
    }

    fn wrong(self) -> &'static str {
        match self {
            CodeFactor::Totp => "Invalid TOTP code.",
            CodeFactor::BackupCode => "Invalid backup code.",
        }
    }
}

/// Checks a posted code of `factor`; a refusal goes back to that factor's page.
async fn verify_code(
    state: AppState,
    peer: Option<std::net::IpAddr>,
    headers: HeaderMap,
    code: &str,
    factor: CodeFactor,
) -> Response {
    let (p, mut step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    if !step.offers(Page::Verify, factor.name()) {
        return flow::see_other(&step.path());
    }
    let here = format!("/mfa-verification/{}", factor.name());
    if let Some(message) = limited(&state, peer) {
        return save(&state, &p, &step, Some(&message), &here).await;
    }
    let now = state.clock.now_ms();
    let (store, user) = (&state.store, step.user_id.as_str());
    let check = match factor {
        CodeFactor::Totp => mfa_sign_in::verify_totp(store, DEFAULT_TENANT, user, code, now).await,
        CodeFactor::BackupCode => {
            mfa_sign_in::verify_backup_code(store, DEFAULT_TENANT, user, code, now).await
        }
    };
    match check {
        Ok(CodeCheck::Accepted) => {
            step.verified = true;
            advance(&state, &headers, p, step, None).await
        }
        Ok(CodeCheck::Wrong) => save(&state, &p, &step, Some(factor.wrong()), &here).await,
        Ok(CodeCheck::Locked(until)) => {
            save(&state, &p, &step, Some(&locked_message(until, now)), &here).await
        }
        Err(e) => internal(e),
    }
}

/// `POST /oidc/interaction/mfa/verify-totp` `code`.
pub async fn verify_totp(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    verify_code(state, peer, headers, &form.code, CodeFactor::Totp).await
}

/// `POST /oidc/interaction/mfa/verify-backup-code` `code`.
pub async fn verify_backup_code(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    verify_code(state, peer, headers, &form.code, CodeFactor::BackupCode).await
}
