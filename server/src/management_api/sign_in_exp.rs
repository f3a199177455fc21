//! `/api/sign-in-exp`: the parts of Logto's sign-in experience Tessera implements
//! (`signInMode`: `SignIn`, `Register` or `SignInAndRegister`; `mfa`; Logto's
//! `packages/core/src/routes/sign-in-experience/index.ts`): the routes with their OpenAPI
//! description, the handlers and how their body is read.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, get, patch};
use crate::domain::DomainError;
use crate::domain::mfa_settings::{
    self, MfaFactor, MfaPolicy, MfaSettings, OrganizationRequiredMfaPolicy,
};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::{self, Guard};
use crate::state::AppState;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/sign-in-exp",
        [
            get(sign_in_exp_get, "Get default sign-in experience settings")
                .id("GetSignInExp")
                .ok::<SignInExperience>(),
            patch(
                sign_in_exp_update,
                "Update default sign-in experience settings",
            )
            .id("UpdateSignInExp")
            .body::<SignInExperiencePatch>()
            .ok::<SignInExperience>(),
        ],
    )
}

/// The sign-in experience settings Tessera implements.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignInExperience {
    tenant_id: String,
    /// Always `default`: one sign-in experience per tenant.
    id: &'static str,
    /// `SignIn`, `Register` or `SignInAndRegister`.
    sign_in_mode: String,
    /// MFA at sign-in: the factors users may use, when they are asked, and whether
    /// organizations requiring MFA make the sign-in ask.
    mfa: MfaSettings,
}

async fn current(state: &AppState, tenant: String) -> Result<SignInExperience, ApiError> {
    let mode = state
        .store
        .sign_in_mode(&tenant)
        .await
        .map_err(DomainError::from)?;
    let mfa = mfa_settings::load(&state.store, &tenant).await?;
    Ok(SignInExperience {
        tenant_id: tenant,
        id: "default",
        sign_in_mode: mode,
        mfa,
    })
}

/// `GET /api/sign-in-exp`.
pub async fn sign_in_exp_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
) -> Result<Json<SignInExperience>, ApiError> {
    Ok(Json(current(&state, tenant).await?))
}

/// `PATCH /api/sign-in-exp` `{ signInMode?, mfa?, adaptiveMfa? }` → 200 with the settings.
/// `mfa` replaces the stored object whole (as Logto); everything is checked before anything
/// is written.
pub async fn sign_in_exp_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(patch): Body<SignInExperiencePatch>,
) -> Result<Json<SignInExperience>, ApiError> {
    if let Some(mfa) = &patch.mfa {
        mfa.check_here(state.passkeys.is_some())?;
    }
    if patch.adaptive_mfa_enabled == Some(true) {
        return Err(mfa_settings::not_supported("Adaptive MFA is not supported.").into());
    }
    let mfa = match &patch.mfa {
        Some(m) => {
            Some(serde_json::to_string(m).map_err(|e| DomainError::Internal(e.to_string()))?)
        }
        None => None,
    };
    state
        .store
        .sign_in_experience_update(
            &tenant,
            patch.sign_in_mode.map(SignInMode::as_str),
            mfa.as_deref(),
        )
        .await
        .map_err(DomainError::from)?;
    Ok(Json(current(&state, tenant).await?))
}

/// Whether the hosted pages offer sign-in, registration, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
pub enum SignInMode {
    SignIn,
    Register,
    SignInAndRegister,
}

impl SignInMode {
    const NAMES: [&'static str; 3] = ["SignIn", "Register", "SignInAndRegister"];

    pub fn as_str(self) -> &'static str {
        match self {
            SignInMode::SignIn => "SignIn",
            SignInMode::Register => "Register",
            SignInMode::SignInAndRegister => "SignInAndRegister",
        }
    }

    fn parse(name: &str) -> Option<SignInMode> {
        [
            SignInMode::SignIn,
            SignInMode::Register,
            SignInMode::SignInAndRegister,
        ]
        .into_iter()
        .find(|m| m.as_str() == name)
    }
}

/// `PATCH /api/sign-in-exp`: the parts of the sign-in experience Tessera implements; an empty
/// body changes nothing.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignInExperiencePatch {
    #[schema(nullable = false)]
    pub sign_in_mode: Option<SignInMode>,
    /// Replaces the MFA settings whole.
    #[schema(nullable = false)]
    pub mfa: Option<MfaSettings>,
    /// `adaptiveMfa.enabled`: only `false` is accepted (adaptive MFA is not offered).
    #[schema(nullable = false)]
    pub adaptive_mfa_enabled: Option<bool>,
}

impl FromBody for SignInExperiencePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let mode = g.optional_enum("signInMode", &SignInMode::NAMES);
        let mfa = g.optional_object("mfa").map(|m| {
            let factors = g.enum_list_at("mfa.factors", m.get("factors"), &MfaFactor::NAMES);
            let policy = g.enum_at("mfa.policy", m.get("policy"), &MfaPolicy::NAMES);
            let org = m.get("organizationRequiredMfaPolicy").map(|v| {
                g.enum_at(
                    "mfa.organizationRequiredMfaPolicy",
                    Some(v),
                    &OrganizationRequiredMfaPolicy::NAMES,
                )
            });
            (factors, policy, org)
        });
        let adaptive = g.optional_object("adaptiveMfa").and_then(|m| {
            let enabled = m.get("enabled")?;
            match enabled.as_bool() {
                Some(b) => Some(b),
                None => {
                    g.issue(
                        "adaptiveMfa.enabled",
                        "invalid_type",
                        format!("Expected boolean, received {}", guard::kind(enabled)),
                    );
                    None
                }
            }
        });
        g.finish()?;
        // `finish` succeeded: every name read is one of its enum's.
        let mfa = mfa.map(|(factors, policy, org)| MfaSettings {
            factors: factors
                .unwrap_or_default()
                .iter()
                .filter_map(|f| MfaFactor::parse(f))
                .collect(),
            policy: policy
                .as_deref()
                .and_then(MfaPolicy::parse)
                .unwrap_or(MfaPolicy::UserControlled),
            organization_required_mfa_policy: org
                .flatten()
                .as_deref()
                .and_then(OrganizationRequiredMfaPolicy::parse),
        });
        Ok(SignInExperiencePatch {
            sign_in_mode: mode.as_deref().and_then(SignInMode::parse),
            mfa,
            adaptive_mfa_enabled: adaptive,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn sign_in_mode_is_one_of_three() {
        let patch = SignInExperiencePatch::from_body(&json!({})).unwrap();
        assert!(patch.sign_in_mode.is_none());
        let patch = SignInExperiencePatch::from_body(&json!({ "signInMode": "Register" }));
        assert_eq!(patch.unwrap().sign_in_mode, Some(SignInMode::Register));
        assert!(SignInExperiencePatch::from_body(&json!({ "signInMode": "Both" })).is_err());
    }
}
