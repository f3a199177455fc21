//! `/api/sign-in-exp`: the parts of Logto's sign-in experience Tessera implements
//! (`signInMode`: `SignIn`, `Register` or `SignInAndRegister`).

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use super::bodies::{Body, SignInExperiencePatch};
use crate::domain::DomainError;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// The sign-in experience settings Tessera implements.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignInExperience {
    tenant_id: &'static str,
    /// Always `default`: one sign-in experience per tenant.
    id: &'static str,
    /// `SignIn`, `Register` or `SignInAndRegister`.
    sign_in_mode: String,
}

async fn current(state: &AppState) -> Result<SignInExperience, ApiError> {
    let mode = state
        .store
        .sign_in_mode(DEFAULT_TENANT)
        .await
        .map_err(DomainError::from)?;
    Ok(SignInExperience {
        tenant_id: DEFAULT_TENANT,
        id: "default",
        sign_in_mode: mode,
    })
}

/// `GET /api/sign-in-exp`.
pub async fn get(State(state): State<AppState>) -> Result<Json<SignInExperience>, ApiError> {
    Ok(Json(current(&state).await?))
}

/// `PATCH /api/sign-in-exp` `{ signInMode? }` → 200 with the settings.
pub async fn patch(
    State(state): State<AppState>,
    Body(patch): Body<SignInExperiencePatch>,
) -> Result<Json<SignInExperience>, ApiError> {
    if let Some(mode) = patch.sign_in_mode {
        state
            .store
            .set_sign_in_mode(DEFAULT_TENANT, mode.as_str())
            .await
            .map_err(DomainError::from)?;
    }
    Ok(Json(current(&state).await?))
}
