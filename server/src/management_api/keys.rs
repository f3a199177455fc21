//! `/api/configs/oidc/private-keys`: list and rotate the token signing keys (Logto's paths).

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// A signing key as Logto lists it: no key material.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PrivateKeyInfo {
    id: String,
    created_at: i64,
    /// `ES256`, `ES384`, `ES512` or `RS256`.
    signing_key_algorithm: String,
}

async fn list(state: &AppState) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    let rows = state.store.signing_key_list(DEFAULT_TENANT).await?;
    let keys = rows
        .into_iter()
        .rev()
        .map(|k| PrivateKeyInfo {
            id: k.id,
            created_at: k.created_at,
            signing_key_algorithm: k.alg,
        })
        .collect();
    Ok(Json(keys))
}

/// `GET /api/configs/oidc/private-keys`: newest (in use) first; no key material.
pub async fn private_keys_list(
    State(state): State<AppState>,
) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    list(&state).await
}

/// `POST /api/configs/oidc/private-keys/rotate`: a new key, listed first, is published in every
/// replica's JWKS at once and signs after the activation delay; the old public keys stay in the
/// JWKS so tokens already issued keep verifying.
pub async fn private_keys_rotate(
    State(state): State<AppState>,
) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    state.keys.rotate(state.clock.now_ms()).await.map_err(|e| {
        tracing::error!(error = %e, "key rotation failed");
        ApiError::internal()
    })?;
    list(&state).await
}
