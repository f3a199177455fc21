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

async fn checked(
    state: &AppState,
    headers: &HeaderMap,
    p: Pending,
    mut step: MfaStep,
    check: Result<CodeCheck, crate::domain::DomainError>,
    wrong: &str,
) -> Response {
    let now = state.clock.now_ms();
    let path = step.path();
    match check {
        Ok(CodeCheck::Accepted) => {
            step.verified = true;
            advance(state, headers, p, step, None).await
        }
        Ok(CodeCheck::Wrong) => save(state, &p, &step, Some(wrong), &path).await,
        Ok(CodeCheck::Locked(until)) => {
            save(state, &p, &step, Some(&locked_message(until, now)), &path).await
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
    let (p, step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    if !step.offers(Page::Verify, "Totp") {
        return flow::see_other(&step.path());
    }
    let step = MfaStep {
        factors: rotate_to(&step.factors, "Totp"),
        ..step
    };
    if let Some(message) = limited(&state, peer) {
        let path = step.path();
        return save(&state, &p, &step, Some(&message), &path).await;
    }
    let now = state.clock.now_ms();
    let check =
        mfa_sign_in::verify_totp(&state.store, DEFAULT_TENANT, &step.user_id, &form.code, now)
            .await;
    checked(&state, &headers, p, step, check, "Invalid TOTP code.").await
}

/// `POST /oidc/interaction/mfa/verify-backup-code` `code`.
pub async fn verify_backup_code(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let (p, step) = match current(&state, &headers).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    if !step.offers(Page::Verify, "BackupCode") {
        return flow::see_other(&step.path());
    }
    let step = MfaStep {
        factors: rotate_to(&step.factors, "BackupCode"),
        ..step
    };
    if let Some(message) = limited(&state, peer) {
        let path = step.path();
        return save(&state, &p, &step, Some(&message), &path).await;
    }
    let now = state.clock.now_ms();
    let check = mfa_sign_in::verify_backup_code(
        &state.store,
        DEFAULT_TENANT,
        &step.user_id,
        &form.code,
        now,
    )
    .await;
    checked(&state, &headers, p, step, check, "Invalid backup code.").await
}

/// The factors with `first` first, so an error sends the user back to the page they used.
fn rotate_to(factors: &[String], first: &str) -> Vec<String> {
    let mut out = vec![first.to_string()];
    out.extend(factors.iter().filter(|f| *f != first).cloned());
    out
}
