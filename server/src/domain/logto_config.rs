//! A user's Logto flags (`users.logto_config`, Logto's `packages/schemas/src/types/user-logto-config.ts`
//! and `libraries/user-logto-config.ts`): what the user chose about MFA at sign-in (`mfa`) and
//! about passkey sign-in (`passkey_sign_in`). Read and patched by the Management API
//! (`/api/users/:id/logto-configs`) and written by the sign-in's MFA steps. Kept and answered
//! as Logto does; `skipMfaOnSignIn` does not spare a user who holds a factor its verification
//! (decisions: next-features.md §1.6) and `additionalBindingSuggestionSkipped` is stored only
//! (no suggestion of a further factor is made).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::DomainError;
use crate::storage::Store;

/// `mfa` of the answer: `enabled` is absent until the user (or an admin) chose.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct MfaFlags {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub enabled: Option<bool>,
    pub skipped: bool,
    pub skip_mfa_on_sign_in: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct PasskeySignInFlags {
    pub skipped: bool,
}

/// What `GET|PATCH /api/users/:id/logto-configs` answer (Logto's fixed projection).
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LogtoConfig {
    pub mfa: MfaFlags,
    pub passkey_sign_in: PasskeySignInFlags,
}

/// `PATCH` body: each flag given replaces the stored one; the others stay.
#[derive(Clone, Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LogtoConfigPatch {
    /// `enabled`, `skipped`, `skipMfaOnSignIn`, `additionalBindingSuggestionSkipped` (booleans).
    #[schema(value_type = Option<Object>)]
    pub mfa: Option<Map<String, Value>>,
    /// `skipped` (boolean).
    #[schema(value_type = Option<Object>)]
    pub passkey_sign_in: Option<Map<String, Value>>,
}

/// The stored object as Logto keys it (`passkey_sign_in` in snake case); other keys it may
/// hold are kept by [`patch`] but not read.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Stored {
    mfa: MfaFlags,
    passkey_sign_in: PasskeySignInFlags,
}

fn project(stored: &Value) -> LogtoConfig {
    // Only ever written through the checked patch; anything unreadable reads as unset.
    let Stored {
        mfa,
        passkey_sign_in,
    } = Stored::deserialize(stored).unwrap_or_default();
    LogtoConfig {
        mfa,
        passkey_sign_in,
    }
}

async fn stored(store: &Store, tenant: &str, user_id: &str) -> Result<Option<Value>, DomainError> {
    Ok(store
        .user_logto_config(tenant, user_id)
        .await?
        .map(|raw| serde_json::from_str(&raw).unwrap_or_else(|_| Value::Object(Map::new()))))
}

/// The user's flags; `None` for an unknown user.
pub async fn get(
    store: &Store,
    tenant: &str,
    user_id: &str,
) -> Result<Option<LogtoConfig>, DomainError> {
    Ok(stored(store, tenant, user_id).await?.map(|v| project(&v)))
}

/// Merges the given flags into the stored ones; `None` for an unknown user.
pub async fn patch(
    store: &Store,
    tenant: &str,
    user_id: &str,
    patch: LogtoConfigPatch,
) -> Result<Option<LogtoConfig>, DomainError> {
    let Some(stored) = stored(store, tenant, user_id).await? else {
        return Ok(None);
    };
    // Anything but an object (a hand edit) starts again from an empty one.
    let mut obj = match stored {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    for (key, given) in [
        ("mfa", patch.mfa),
        ("passkey_sign_in", patch.passkey_sign_in),
    ] {
        let Some(given) = given else { continue };
        let mut inner = match obj.remove(key) {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        inner.extend(given);
        obj.insert(key.to_string(), Value::Object(inner));
    }
    let value = Value::Object(obj);
    if !store
        .set_user_logto_config(tenant, user_id, &value.to_string())
        .await?
    {
        return Ok(None);
    }
    Ok(Some(project(&value)))
}

/// Sets one `mfa` flag (the sign-in's enable and skip steps).
pub async fn set_mfa_flag(
    store: &Store,
    tenant: &str,
    user_id: &str,
    key: &str,
    value: bool,
) -> Result<(), DomainError> {
    let mut mfa = Map::new();
    mfa.insert(key.to_string(), Value::Bool(value));
    patch(
        store,
        tenant,
        user_id,
        LogtoConfigPatch {
            mfa: Some(mfa),
            passkey_sign_in: None,
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn projection_defaults_flags_and_omits_an_unset_enabled() {
        let v = project(&json!({}));
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            json!({ "mfa": { "skipped": false, "skipMfaOnSignIn": false },
                    "passkeySignIn": { "skipped": false } })
        );
        let v = project(&json!({ "mfa": { "enabled": false, "skipped": true } }));
        assert_eq!(v.mfa.enabled, Some(false));
        assert!(v.mfa.skipped);
    }
}
