//! `/api/configs/oidc/private-keys`: list and rotate the token signing keys (Logto's paths).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

async fn list(state: &AppState) -> Result<Json<Value>, ApiError> {
    let rows = state.store.signing_key_list(DEFAULT_TENANT).await?;
    let keys: Vec<Value> = rows
        .iter()
        .rev()
        .map(|k| json!({ "id": k.id, "createdAt": k.created_at, "signingKeyAlgorithm": k.alg }))
        .collect();
    Ok(Json(Value::Array(keys)))
}

/// `GET /api/configs/oidc/private-keys`: newest (in use) first; no key material.
pub async fn private_keys_list(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    list(&state).await
}

/// `POST /api/configs/oidc/private-keys/rotate`: a new key signs from now on; the old public keys
/// stay in the JWKS so tokens already issued keep verifying.
pub async fn private_keys_rotate(
    State(state): State<AppState>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    state.keys.rotate(state.clock.now_ms()).await.map_err(|e| {
        tracing::error!(error = %e, "key rotation failed");
        ApiError::internal()
    })?;
    Ok((StatusCode::CREATED, list(&state).await?))
}
