//! Where a sign-in goes once its password is checked, and after each MFA step: the decision
//! of `domain/mfa_gate.rs` turned into the next page, with what that page needs prepared (a
//! new TOTP secret, new backup codes), or the end of the sign-in.

use axum::http::HeaderMap;
use axum::response::Response;

use super::step::{MfaStep, Page};
use crate::domain::mfa_gate::{self, Event, Facts, Next};
use crate::domain::mfa_settings::{self, MfaFactor, MfaSettings};
use crate::domain::{DomainError, backup_codes, logto_config, mfa_sign_in, totp};
use crate::oidc::error_page;
use crate::oidc::flow;
use crate::oidc::pending::{Pending, internal, signed_in};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// The password was checked (or the account created): on to MFA, or signed in.
pub(crate) async fn begin(
    state: &AppState,
    headers: &HeaderMap,
    p: Pending,
    user_id: &str,
    event: Event,
) -> Response {
    let settings = match mfa_settings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) => s,
        Err(e) => return internal(e),
    };
    // Accounts the sign-in creates start with MFA not enabled (Logto's `createUser`).
    if event == Event::Register
        && let Err(e) =
            logto_config::set_mfa_flag(&state.store, DEFAULT_TENANT, user_id, "enabled", false)
                .await
    {
        return internal(e);
    }
    // No factor configured: nothing to ask, and nothing more read.
    if settings.factors.is_empty() {
        return signed_in(state, headers, p, user_id).await;
    }
    advance(
        state,
        headers,
        p,
        MfaStep::new(user_id, event),
        Some(settings),
    )
    .await
}

/// Decides the next step from what is known now and sends the browser there.
pub(super) async fn advance(
    state: &AppState,
    headers: &HeaderMap,
    p: Pending,
    mut step: MfaStep,
    settings: Option<MfaSettings>,
) -> Response {
    let next = match decide(state, &p, &step, settings).await {
        Ok(Some(next)) => next,
        Ok(None) => {
            return error_page::render(
                "access_denied",
                "This account no longer exists or has been suspended.",
            );
        }
        Err(e) => return internal(e),
    };
    let names = |fs: &[MfaFactor]| fs.iter().map(|f| f.as_str().to_string()).collect();
    match next {
        Next::Done => return signed_in(state, headers, p, &step.user_id).await,
        Next::Verify(factors) => {
            step.page = Page::Verify;
            step.factors = names(&factors);
        }
        Next::Suggest => {
            step.page = Page::Suggest;
            step.factors = Vec::new();
        }
        Next::Bind {
            factors,
            skippable,
            organization,
        } => {
            step.page = Page::Bind;
            step.factors = names(&factors);
            step.skippable = skippable;
            step.organization = organization;
            if factors.contains(&MfaFactor::Totp) && step.totp_secret.is_none() {
                step.totp_secret = Some(totp::new_secret());
            }
        }
        Next::BackupCodes => {
            step.page = Page::BackupCodes;
            step.factors = vec![MfaFactor::BackupCode.as_str().to_string()];
            step.skippable = false;
            if step.backup_codes.is_none() {
                step.backup_codes = Some(backup_codes::generate());
            }
        }
    }
    let target = step.path();
    if let Err(e) = super::ceremony::prepare(state, &mut step).await {
        return internal(e);
    }
    save(state, &p, &step, None, &target).await
}

/// Stores the step (and the page's error) and sends the browser to `target`.
pub(super) async fn save(
    state: &AppState,
    p: &Pending,
    step: &MfaStep,
    error: Option<&str>,
    target: &str,
) -> Response {
    let json = match serde_json::to_string(step) {
        Ok(j) => j,
        Err(e) => return internal(e),
    };
    match state
        .store
        .interaction_set_mfa(&p.row.id_digest, &json, error)
        .await
    {
        Ok(true) => flow::see_other(target),
        Ok(false) => error_page::render(
            "interaction_expired",
            "This sign-in request has expired or was already completed.",
        ),
        Err(e) => internal(e),
    }
}

/// Whether the sign-in may still bind a factor: not when the user, signing in and not yet
/// verified, has meanwhile come to hold a factor the tenant enables (added in another browser or
/// by an admin after this page was decided) — that factor must be verified first (`advance`
/// then asks for it).
/// Also `false` for a user suspended (or deleted) meanwhile: nothing is written for them.
pub(super) async fn may_bind(state: &AppState, step: &MfaStep) -> Result<bool, DomainError> {
    match state
        .store
        .user_find_by_id(DEFAULT_TENANT, &step.user_id)
        .await?
    {
        Some(user) if !user.is_suspended => {}
        _ => return Ok(false),
    }
    if step.verified || step.bound || step.register {
        return Ok(true);
    }
    let settings = mfa_settings::load(&state.store, DEFAULT_TENANT).await?;
    let held = mfa_sign_in::held(&state.store, DEFAULT_TENANT, &step.user_id).await?;
    Ok(!held.iter().any(|f| settings.enables(*f)))
}

/// The decision for this user now; `None` when the user is gone or suspended (suspension
/// ends sign-ins in progress too).
async fn decide(
    state: &AppState,
    p: &Pending,
    step: &MfaStep,
    settings: Option<MfaSettings>,
) -> Result<Option<Next>, DomainError> {
    let store = &state.store;
    let settings = match settings {
        Some(s) => s,
        None => mfa_settings::load(store, DEFAULT_TENANT).await?,
    };
    match store.user_find_by_id(DEFAULT_TENANT, &step.user_id).await? {
        Some(user) if !user.is_suspended => {}
        _ => return Ok(None),
    }
    let Some(flags) = logto_config::get(store, DEFAULT_TENANT, &step.user_id).await? else {
        return Ok(None);
    };
    let held = mfa_sign_in::held(store, DEFAULT_TENANT, &step.user_id).await?;
    let requiring = if settings.org_required_prompts() {
        store
            .user_mfa_required_organizations(DEFAULT_TENANT, &step.user_id)
            .await?
    } else {
        Vec::new()
    };
    // The organization the app asked for, if it is one of them; else the oldest.
    let organization = requiring
        .iter()
        .find(|(id, _)| p.request.organization_id.as_deref() == Some(id.as_str()))
        .or(requiring.first())
        .map(|(_, name)| name.as_str());
    let facts = Facts {
        settings: &settings,
        event: step.event(),
        sso: false,
        held: &held,
        enabled: flags.mfa.enabled,
        skipped: flags.mfa.skipped,
        requiring_organization: organization,
        verified: step.verified,
        bound: step.bound,
    };
    Ok(Some(mfa_gate::next(&facts)))
}
