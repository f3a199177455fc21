//! `/api/configs/id-token` (Logto's `packages/core/src/routes/logto-config/id-token.ts`): which
//! extended claims ID tokens carry. Userinfo always
//! carries every claim of the granted scopes; this only narrows ID tokens.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use crate::domain::DomainError;
use crate::domain::guard::Guard;
use crate::http::error::ApiError;
use crate::http::extract::JsonBody;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

const KEY: &str = "idToken";
const CLAIMS: [&str; 7] = [
    "custom_data",
    "identities",
    "sso_identities",
    "roles",
    "organizations",
    "organization_data",
    "organization_roles",
];

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
    JsonBody(body): JsonBody,
) -> Result<Json<IdTokenConfig>, ApiError> {
    let mut g = Guard::new(&body);
    let claims = g.id_list("enabledExtendedClaims", true, false);
    if let Some(bad) = claims
        .iter()
        .flatten()
        .find(|c| !CLAIMS.contains(&c.as_str()))
    {
        g.issue(
            "enabledExtendedClaims",
            "invalid_enum_value",
            format!("Invalid enum value '{bad}'"),
        );
    }
    g.finish()?;
    let mut claims = claims.unwrap_or_default();
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
