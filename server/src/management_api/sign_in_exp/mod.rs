//! `/api/sign-in-exp`: the parts of Logto's sign-in experience Tessera implements
//! (`signInMode`: `SignIn`, `Register` or `SignInAndRegister`; `signUp`, `signIn`,
//! `forgotPasswordMethods`; `mfa`; Logto's `packages/core/src/routes/sign-in-experience/index.ts`):
//! the routes with their OpenAPI description and the handlers; how the body is read:
//! `bodies.rs`.

mod bodies;

pub use bodies::{SignInExperiencePatch, SignInMode};

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::bodies::Body;
use super::docs::{ApiRoutes, get, patch};
use crate::domain::DomainError;
use crate::domain::account_settings::{
    self, AccountSettings, ForgotPasswordMethod, SignIn, SignUp,
};
use crate::domain::mfa_settings::{self, MfaSettings};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::state::AppState;
use crate::storage::SignInExperienceWrite;

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
    /// What a new account gives.
    sign_up: SignUp,
    /// How users sign in.
    sign_in: SignIn,
    /// How a forgotten password is reset; `null`: every method whose messages can be sent.
    #[schema(nullable)]
    forgot_password_methods: Option<Vec<ForgotPasswordMethod>>,
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
    let account = AccountSettings::load(&state.store, &tenant).await?;
    Ok(SignInExperience {
        tenant_id: tenant,
        id: "default",
        sign_in_mode: mode,
        sign_up: account.sign_up,
        sign_in: account.sign_in,
        forgot_password_methods: account.forgot_password_methods,
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

/// `PATCH /api/sign-in-exp` `{ signInMode?, signUp?, signIn?, forgotPasswordMethods?, mfa?,
/// adaptiveMfa? }` → 200 with the settings. Each object replaces the stored one whole (as
/// Logto); everything is checked, in Logto's order, before anything is written.
pub async fn sign_in_exp_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(patch): Body<SignInExperiencePatch>,
) -> Result<Json<SignInExperience>, ApiError> {
    let mail = state.mailer.enabled();
    let stored = AccountSettings::load(&state.store, &tenant).await?;
    if let Some(sign_up) = &patch.sign_up {
        account_settings::check_sign_up(sign_up, mail)?;
    }
    if let Some(sign_in) = &patch.sign_in {
        let sign_up = patch.sign_up.as_ref().unwrap_or(&stored.sign_up);
        account_settings::check_sign_in(sign_in, sign_up, mail)?;
    }
    if let Some(mfa) = &patch.mfa {
        mfa.check_here(state.passkeys.is_some())?;
    }
    if patch.adaptive_mfa_enabled == Some(true) {
        return Err(mfa_settings::not_supported("Adaptive MFA is not supported.").into());
    }
    if let Some(Some(methods)) = &patch.forgot_password_methods {
        account_settings::check_forgot_password(methods, mail)?;
    }
    let mfa = patch.mfa.as_ref().map(json).transpose()?;
    let sign_up = patch.sign_up.as_ref().map(json).transpose()?;
    let sign_in = patch.sign_in.as_ref().map(json).transpose()?;
    let forgot = match &patch.forgot_password_methods {
        Some(Some(m)) => Some(Some(json(m)?)),
        Some(None) => Some(None),
        None => None,
    };
    let write = SignInExperienceWrite {
        mode: patch.sign_in_mode.map(SignInMode::as_str),
        mfa: mfa.as_deref(),
        sign_up: sign_up.as_deref(),
        sign_in: sign_in.as_deref(),
        forgot_password_methods: forgot.as_ref().map(|f| f.as_deref()),
    };
    state
        .store
        .sign_in_experience_update(&tenant, &write)
        .await
        .map_err(DomainError::from)?;
    Ok(Json(current(&state, tenant).await?))
}

/// A setting as the JSON text stored.
fn json<T: Serialize>(value: &T) -> Result<String, DomainError> {
    serde_json::to_string(value).map_err(|e| DomainError::Internal(e.to_string()))
}
