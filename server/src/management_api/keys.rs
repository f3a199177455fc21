//! `/api/configs/oidc/private-keys`: list and rotate the token signing keys (Logto's paths and
//! shapes, `packages/core/src/routes/logto-config/index.ts`).

use std::time::Duration;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;

use super::bodies::{Body, OidcKeysRotate};
use crate::http::error::ApiError;
use crate::oidc::keys::{Alg, KeyStatus, key_statuses};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// A signing key as Logto lists it: no key material.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PrivateKeyInfo {
    id: String,
    created_at: i64,
    /// The key type: `EC` or `RSA`.
    signing_key_algorithm: String,
    /// `Current` signs now; `Next` signs from `effectiveAt`; `Previous` only verifies.
    status: String,
    /// When a `Next` key starts signing (epoch ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_at: Option<i64>,
}

async fn list(state: &AppState) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    let rows = state.store.signing_key_list(DEFAULT_TENANT).await?;
    let statuses = key_statuses(&rows, state.clock.now_ms());
    let keys = rows
        .into_iter()
        .zip(statuses)
        .rev()
        .map(|(k, (status, from))| PrivateKeyInfo {
            id: k.id,
            created_at: k.created_at,
            signing_key_algorithm: Alg::parse(&k.alg).map_or("EC", Alg::key_type).to_string(),
            status: format!("{status:?}"),
            effective_at: (status == KeyStatus::Next).then_some(from),
        })
        .collect();
    Ok(Json(keys))
}

/// `GET /api/configs/oidc/private-keys`: newest first; no key material.
pub async fn private_keys_list(
    State(state): State<AppState>,
) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    list(&state).await
}

/// `POST /api/configs/oidc/private-keys/rotate` `{ signingKeyAlgorithm?: "EC" | "RSA",
/// rotationGracePeriod?: seconds }`: a new key, listed first, is published in every replica's
/// JWKS at once and signs after the grace period (the configured activation delay when not
/// given); the old public keys stay in the JWKS so tokens already issued keep verifying.
pub async fn private_keys_rotate(
    State(state): State<AppState>,
    Body(input): Body<OidcKeysRotate>,
) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    let alg = input
        .signing_key_algorithm
        .and_then(|t| Alg::of_key_type(t.as_str(), state.keys.alg()));
    let grace = input.rotation_grace_period.map(Duration::from_secs);
    state
        .keys
        .rotate(alg, grace, state.clock.now_ms())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "key rotation failed");
            ApiError::internal()
        })?;
    list(&state).await
}

/// `DELETE /api/configs/oidc/private-keys/:keyId` → 204. As Logto, only a `Previous` key can go
/// (422 `oidc.only_previous_key_can_be_deleted`), never the last one (422 `oidc.key_required`);
/// an unknown id is 404 `oidc.key_not_found`. Tokens it signed stop verifying everywhere.
pub async fn private_key_delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let rows = state.store.signing_key_list(DEFAULT_TENANT).await?;
    if rows.len() <= 1 {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "oidc.key_required",
            "At least one signing key is required.".to_string(),
        ));
    }
    let statuses = key_statuses(&rows, state.clock.now_ms());
    let Some((_, (status, _))) = rows.iter().zip(statuses).find(|(row, _)| row.id == id) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "oidc.key_not_found",
            format!("The key with ID {id} is not found."),
        ));
    };
    if status != KeyStatus::Previous {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "oidc.only_previous_key_can_be_deleted",
            "Only a previous signing key can be deleted.".to_string(),
        ));
    }
    state.store.signing_key_delete(DEFAULT_TENANT, &id).await?;
    state.keys.reload().await.map_err(|e| {
        tracing::error!(error = %e, "reloading keys failed");
        ApiError::internal()
    })?;
    Ok(StatusCode::NO_CONTENT)
}
