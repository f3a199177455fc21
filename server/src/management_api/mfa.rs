//! `/api/users/:id/mfa-verifications` (Logto's
//! `packages/core/src/routes/admin-user/mfa-verifications.ts`; MFA factors as data). 404 for an
//! unknown user.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::Body;
use crate::domain::mfa::MfaVerificationCreate;
use crate::domain::{mfa, users};
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

async fn require_user(state: &AppState, id: &str) -> Result<(), ApiError> {
    match users::find(&state.store, DEFAULT_TENANT, id).await? {
        Some(_) => Ok(()),
        None => Err(ApiError::not_exists_with_id("users", id)),
    }
}

/// `GET` → the user's factors, oldest first.
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_user(&state, &id).await?;
    Ok(Json(mfa::list(&state.store, DEFAULT_TENANT, &id).await?).into_response())
}

/// `POST` `{ type, secret? | codes? }` → 200 with the secret or codes (shown once).
pub async fn create(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(input): Body<MfaVerificationCreate>,
) -> Result<Response, ApiError> {
    require_user(&state, &id).await?;
    let now = state.clock.now_ms();
    Ok(Json(mfa::create(&state.store, DEFAULT_TENANT, &id, input, now).await?).into_response())
}

/// `DELETE /:verificationId` → 204, 404 `entity.not_found`.
pub async fn delete(
    State(state): State<AppState>,
    Path((id, verification)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    require_user(&state, &id).await?;
    super::responses::deleted(
        state
            .store
            .mfa_delete(DEFAULT_TENANT, &id, &verification)
            .await
            .map_err(crate::domain::DomainError::from)?,
    )
}
