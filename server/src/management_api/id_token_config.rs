//! `/api/configs/id-token` (Logto's `packages/core/src/routes/logto-config/id-token.ts`): which
//! extended claims ID tokens carry. Userinfo always
//! carries every claim of the granted scopes; this only narrows ID tokens.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use super::bodies::{Body, IdTokenConfigReplace};
use crate::domain::DomainError;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

const KEY: &str = "idToken";

/// Which extended claims ID tokens carry.
#[derive(Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdTokenConfig {
    enabled_extended_claims: Vec<String>,
}

/// `GET /api/configs/id-token` → `{ enabledExtendedClaims }` (none when never set).
pub async fn get(State(state): State<AppState>) -> Result<Json<IdTokenConfig>, ApiError> {
    let stored = state
        .store
        .config_get(DEFAULT_TENANT, KEY)
        .await
        .map_err(DomainError::from)?
        .and_then(|v| serde_json::from_str::<IdTokenConfig>(&v).ok())
        .unwrap_or_default();
    Ok(Json(stored))
}

/// `PUT /api/configs/id-token` `{ enabledExtendedClaims: [...] }` → 200 with the config.
pub async fn put(
    State(state): State<AppState>,
    Body(input): Body<IdTokenConfigReplace>,
) -> Result<Json<IdTokenConfig>, ApiError> {
    let mut claims: Vec<String> = input
        .enabled_extended_claims
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    claims.dedup();
    let value = IdTokenConfig {
        enabled_extended_claims: claims,
    };
    let stored = serde_json::to_string(&value).map_err(|_| ApiError::internal())?;
    state
        .store
        .config_set(DEFAULT_TENANT, KEY, &stored)
        .await
        .map_err(DomainError::from)?;
    state.config_cache.invalidate();
    Ok(Json(value))
}
