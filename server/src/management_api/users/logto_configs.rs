//! `GET|PATCH /api/users/:id/logto-configs` (Logto's `routes/admin-user/basics.ts`): the
//! user's MFA and passkey sign-in flags; a patch merges the flags it gives. 404 for an unknown
//! user.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Map, Value};

use crate::domain::DomainError;
use crate::domain::logto_config::{self, LogtoConfig, LogtoConfigPatch};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::{Guard, kind};
use crate::management_api::bodies::{Body, FromBody};
use crate::state::AppState;

/// `GET` → the flags.
pub async fn user_logto_configs_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Json<LogtoConfig>, ApiError> {
    logto_config::get(&state.store, &tenant, &id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_exists_with_id("users", &id))
}

/// `PATCH` `{ mfa?: {enabled?, skipped?, skipMfaOnSignIn?, additionalBindingSuggestionSkipped?},
/// passkeySignIn?: {skipped?} }` → 200 with the flags.
pub async fn user_logto_configs_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<LogtoConfigPatch>,
) -> Result<Json<LogtoConfig>, ApiError> {
    logto_config::patch(&state.store, &tenant, &id, patch)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_exists_with_id("users", &id))
}

/// The known boolean flags of `key`; unknown keys are dropped (as zod's objects do).
fn flags(g: &mut Guard, key: &str, m: &Map<String, Value>, names: &[&str]) -> Map<String, Value> {
    let mut out = Map::new();
    for name in names {
        match m.get(*name) {
            None => {}
            Some(Value::Bool(b)) => {
                out.insert((*name).to_string(), Value::Bool(*b));
            }
            Some(other) => g.issue(
                &format!("{key}.{name}"),
                "invalid_type",
                format!("Expected boolean, received {}", kind(other)),
            ),
        }
    }
    out
}

impl FromBody for LogtoConfigPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let mfa = g.optional_object("mfa").map(|m| {
            let names = [
                "enabled",
                "skipped",
                "additionalBindingSuggestionSkipped",
                "skipMfaOnSignIn",
            ];
            flags(&mut g, "mfa", m, &names)
        });
        let passkey = g
            .optional_object("passkeySignIn")
            .map(|m| flags(&mut g, "passkeySignIn", m, &["skipped"]));
        g.finish()?;
        Ok(LogtoConfigPatch {
            mfa,
            passkey_sign_in: passkey,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_boolean_flags_are_read() {
        let p =
            LogtoConfigPatch::from_body(&json!({ "mfa": { "skipped": true, "x": 1 } })).unwrap();
        assert_eq!(
            p.mfa.unwrap(),
            json!({ "skipped": true }).as_object().unwrap().clone()
        );
        assert!(LogtoConfigPatch::from_body(&json!({ "mfa": { "enabled": "yes" } })).is_err());
    }
}
