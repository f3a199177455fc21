//! Passkeys as a second factor (WebAuthn, with the `webauthn-rs` crate): the relying party is
//! the public URL's host (a passkey is bound to it), registration and authentication ceremonies
//! whose state waits on the sign-in between the page and its post, and the credential's counter
//! checked and stored at each use (a cloned authenticator shows up as a counter that did not
//! rise). Logto: `routes/experience/classes/verifications/web-authn-verification.ts`.

use aws_lc_rs::digest::{SHA256, digest};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};

use super::DomainError;
use super::mfa_sign_in::{CodeCheck, count_failure, factor_row, locked_until};
use crate::storage::{MfaVerificationRow, Store};

/// What is kept beside a passkey (`user_mfa_verifications.details`) and listed by the
/// Management API and the console (Logto's `agent`, `name`).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasskeyDetails {
    pub credential_id: String,
    pub rp_id: String,
    /// The registering browser's `User-Agent`.
    pub agent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl PasskeyDetails {
    /// From a stored row's `details`; an unreadable one reads as empty.
    pub fn parse(stored: &str) -> PasskeyDetails {
        serde_json::from_str(stored).unwrap_or_default()
    }
}

/// The relying party: this deployment as passkeys know it.
pub struct RelyingParty {
    webauthn: Webauthn,
    id: String,
}

impl RelyingParty {
    /// From the public URL; `None` when its host is an IP address (browsers refuse passkeys for
    /// those) or it is otherwise unusable.
    pub fn from_public_url(public_url: &str) -> Option<RelyingParty> {
        let origin = Url::parse(public_url).ok()?;
        let id = origin.domain()?.to_string();
        let webauthn = WebauthnBuilder::new(&id, &origin)
            .ok()?
            .rp_name(&id)
            .build()
            .ok()?;
        Some(RelyingParty { webauthn, id })
    }
}

/// A ceremony to run in the browser: the options for `navigator.credentials`, and the state
/// the server keeps until the answer comes back.
pub struct Ceremony {
    pub options: Value,
    pub state: Value,
}

fn internal(e: impl std::fmt::Display) -> DomainError {
    DomainError::Internal(e.to_string())
}

/// A stable WebAuthn user handle for the user (16 bytes of a digest of the ids).
fn user_handle(tenant: &str, user_id: &str) -> Uuid {
    let d = digest(&SHA256, format!("{tenant}:{user_id}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&d.as_ref()[..16]);
    Uuid::from_bytes(bytes)
}

/// The signature counter of a stored passkey (`cred.counter` of webauthn-rs' JSON).
fn stored_counter(stored: &str) -> u64 {
    serde_json::from_str::<Value>(stored)
        .ok()
        .and_then(|v| v["cred"]["counter"].as_u64())
        .unwrap_or(0)
}

fn passkeys_of(rows: &[MfaVerificationRow]) -> Vec<(String, String, Passkey)> {
    rows.iter()
        .filter(|r| r.kind == "WebAuthn")
        .filter_map(|r| {
            let pk: Passkey = serde_json::from_str(&r.secret).ok()?;
            Some((r.id.clone(), r.secret.clone(), pk))
        })
        .collect()
}

/// Starts registering a new passkey (the user's others are excluded).
pub async fn start_registration(
    rp: &RelyingParty,
    store: &Store,
    tenant: &str,
    user_id: &str,
    user_name: &str,
) -> Result<Ceremony, DomainError> {
    let rows = store.mfa_list(tenant, user_id).await?;
    let exclude: Vec<_> = passkeys_of(&rows)
        .iter()
        .map(|(_, _, pk)| pk.cred_id().clone())
        .collect();
    let (options, state) = rp
        .webauthn
        .start_passkey_registration(
            user_handle(tenant, user_id),
            user_name,
            user_name,
            (!exclude.is_empty()).then_some(exclude),
        )
        .map_err(internal)?;
    Ok(Ceremony {
        options: serde_json::to_value(options).map_err(internal)?,
        state: serde_json::to_value(state).map_err(internal)?,
    })
}

/// The result of registering.
#[derive(Debug, PartialEq, Eq)]
pub enum Registration {
    Bound,
    /// The browser's answer did not verify (or the credential belongs to another account).
    Refused,
}

/// Finishes a registration with the browser's answer (`RegisterPublicKeyCredential` JSON);
/// `agent` is the browser's `User-Agent` (what the Management API lists).
#[allow(clippy::too_many_arguments)]
pub async fn finish_registration(
    rp: &RelyingParty,
    store: &Store,
    tenant: &str,
    user_id: &str,
    answer: &str,
    state: &Value,
    agent: &str,
    now: i64,
) -> Result<Registration, DomainError> {
    let Ok(credential) = serde_json::from_str::<RegisterPublicKeyCredential>(answer) else {
        return Ok(Registration::Refused);
    };
    let state: PasskeyRegistration = serde_json::from_value(state.clone()).map_err(internal)?;
    let Ok(passkey) = rp.webauthn.finish_passkey_registration(&credential, &state) else {
        return Ok(Registration::Refused);
    };
    let credential_id = URL_SAFE_NO_PAD.encode(passkey.cred_id().as_ref());
    let details = PasskeyDetails {
        credential_id: credential_id.clone(),
        rp_id: rp.id.clone(),
        agent: agent.to_string(),
        name: None,
    };
    let secret = serde_json::to_string(&passkey).map_err(internal)?;
    let row = MfaVerificationRow {
        details: serde_json::to_string(&details).map_err(internal)?,
        ..factor_row(tenant, user_id, "WebAuthn", secret, now)
    };
    Ok(if store.mfa_insert_passkey(&row, &credential_id).await? {
        Registration::Bound
    } else {
        Registration::Refused
    })
}

/// Starts proving one of the user's passkeys; `None` when they have none.
pub async fn start_authentication(
    rp: &RelyingParty,
    store: &Store,
    tenant: &str,
    user_id: &str,
) -> Result<Option<Ceremony>, DomainError> {
    let rows = store.mfa_list(tenant, user_id).await?;
    let keys: Vec<Passkey> = passkeys_of(&rows)
        .into_iter()
        .map(|(_, _, pk)| pk)
        .collect();
    // An empty list would start a ceremony no answer can finish.
    if keys.is_empty() {
        return Ok(None);
    }
    let (options, state) = rp
        .webauthn
        .start_passkey_authentication(&keys)
        .map_err(internal)?;
    Ok(Some(Ceremony {
        options: serde_json::to_value(options).map_err(internal)?,
        state: serde_json::to_value(state).map_err(internal)?,
    }))
}

/// Checks the browser's answer (`PublicKeyCredential` JSON) and stores the passkey's new
/// counter; a wrong answer counts toward the user's lockout like a wrong code.
pub async fn verify(
    rp: &RelyingParty,
    store: &Store,
    tenant: &str,
    user_id: &str,
    answer: &str,
    state: &Value,
    now: i64,
) -> Result<CodeCheck, DomainError> {
    if let Some(until) = locked_until(store, tenant, user_id, now).await? {
        return Ok(CodeCheck::Locked(until));
    }
    let state: PasskeyAuthentication = serde_json::from_value(state.clone()).map_err(internal)?;
    let result = serde_json::from_str::<PublicKeyCredential>(answer)
        .ok()
        .and_then(|c| rp.webauthn.finish_passkey_authentication(&c, &state).ok());
    let Some(result) = result else {
        return count_failure(store, tenant, user_id, now).await;
    };
    let rows = store.mfa_list(tenant, user_id).await?;
    for (id, stored, mut pk) in passkeys_of(&rows) {
        if pk.cred_id() != result.cred_id() {
            continue;
        }
        // webauthn-rs compared the counter with the copy taken when the page was prepared; the
        // stored one may have risen since (a use elsewhere). An authenticator that counts must
        // count past it, or this is a clone (W3C WebAuthn §6.1.1).
        let counted = stored_counter(&stored);
        if (result.counter() > 0 || counted > 0) && u64::from(result.counter()) <= counted {
            break;
        }
        pk.update_credential(&result);
        let updated = serde_json::to_string(&pk).map_err(internal)?;
        // Compare-and-set: of two concurrent uses of a counting passkey only one is stored.
        if store.mfa_swap_secret(&id, &stored, &updated, now).await? {
            return Ok(CodeCheck::Accepted);
        }
    }
    count_failure(store, tenant, user_id, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relying_party_needs_a_domain_name() {
        assert!(RelyingParty::from_public_url("http://localhost:3000").is_some());
        assert!(RelyingParty::from_public_url("https://id.example.com").is_some());
        assert!(RelyingParty::from_public_url("http://127.0.0.1:3000").is_none());
        assert!(RelyingParty::from_public_url("http://[::1]:3000").is_none());
    }

    #[test]
    fn user_handles_are_stable_and_distinct() {
        assert_eq!(user_handle("default", "a"), user_handle("default", "a"));
        assert_ne!(user_handle("default", "a"), user_handle("default", "b"));
    }
}
