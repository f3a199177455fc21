//! The passkey ceremony each MFA page visit runs: a registration on the binding page, an
//! authentication on the verification page, prepared with the step (its state stays on the
//! interaction until the browser answers).

use super::step::{MfaStep, Page};
use crate::domain::{DomainError, passkeys};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// Prepares the ceremony the step's page runs (none when passkeys are not on offer).
pub async fn prepare(state: &AppState, step: &mut MfaStep) -> Result<(), DomainError> {
    step.passkey_state = None;
    step.passkey_options = None;
    let Some(rp) = state.passkeys.as_deref() else {
        return Ok(());
    };
    let offered = step.factors.iter().any(|f| f == "WebAuthn");
    let store = &state.store;
    let ceremony = match step.page {
        Page::Verify if offered => {
            passkeys::start_authentication(rp, store, DEFAULT_TENANT, &step.user_id).await?
        }
        Page::Bind if offered => {
            let name = store
                .user_find_by_id(DEFAULT_TENANT, &step.user_id)
                .await?
                .and_then(|u| u.username.or(u.primary_email).or(u.name))
                .unwrap_or_else(|| step.user_id.clone());
            Some(
                passkeys::start_registration(rp, store, DEFAULT_TENANT, &step.user_id, &name)
                    .await?,
            )
        }
        _ => None,
    };
    if let Some(c) = ceremony {
        step.passkey_state = Some(c.state);
        step.passkey_options = Some(c.options);
    }
    Ok(())
}
