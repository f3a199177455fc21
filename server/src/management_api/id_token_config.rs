//! `/api/configs/id-token` (Logto's `packages/core/src/routes/logto-config/id-token.ts`): which
//! extended claims ID tokens carry. Userinfo always carries every claim of the granted scopes;
//! this only narrows ID tokens. The routes with their OpenAPI description, the handlers and how
//! their body is read.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, get, put};
use crate::domain::DomainError;
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::Guard;
use crate::state::AppState;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/configs/id-token",
        [
            get(id_token_config_get, "Get ID token claims configuration")
                .id("GetIdTokenConfig")
                .ok::<IdTokenConfig>(),
            put(
                id_token_config_replace,
                "Upsert ID token claims configuration",
            )
            .id("UpsertIdTokenConfig")
            .body::<IdTokenConfigReplace>()
            .ok::<IdTokenConfig>(),
        ],
    )
}

const KEY: &str = "idToken";

/// Which extended claims ID tokens carry.
#[derive(Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdTokenConfig {
    enabled_extended_claims: Vec<String>,
}

/// `GET /api/configs/id-token` → `{ enabledExtendedClaims }` (none when never set).
pub async fn id_token_config_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
) -> Result<Json<IdTokenConfig>, ApiError> {
    let stored = state
        .store
        .config_get(&tenant, KEY)
        .await
        .map_err(DomainError::from)?
        .and_then(|v| serde_json::from_str::<IdTokenConfig>(&v).ok())
        .unwrap_or_default();
    Ok(Json(stored))
}

/// `PUT /api/configs/id-token` `{ enabledExtendedClaims: [...] }` → 200 with the config.
pub async fn id_token_config_replace(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
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
        .config_set(&tenant, KEY, &stored)
        .await
        .map_err(DomainError::from)?;
    Ok(Json(value))
}

/// An extended claim ID tokens may carry (as Logto's
/// `packages/core/src/routes/logto-config/id-token.ts` lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExtendedClaim {
    CustomData,
    Identities,
    SsoIdentities,
    Roles,
    Organizations,
    OrganizationData,
    OrganizationRoles,
}

impl ExtendedClaim {
    const ALL: [ExtendedClaim; 7] = [
        ExtendedClaim::CustomData,
        ExtendedClaim::Identities,
        ExtendedClaim::SsoIdentities,
        ExtendedClaim::Roles,
        ExtendedClaim::Organizations,
        ExtendedClaim::OrganizationData,
        ExtendedClaim::OrganizationRoles,
    ];

    /// The claim's name in ID tokens and in the stored config.
    pub fn as_str(self) -> &'static str {
        match self {
            ExtendedClaim::CustomData => "custom_data",
            ExtendedClaim::Identities => "identities",
            ExtendedClaim::SsoIdentities => "sso_identities",
            ExtendedClaim::Roles => "roles",
            ExtendedClaim::Organizations => "organizations",
            ExtendedClaim::OrganizationData => "organization_data",
            ExtendedClaim::OrganizationRoles => "organization_roles",
        }
    }

    fn parse(name: &str) -> Option<ExtendedClaim> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// `PUT /api/configs/id-token`: which extended claims ID tokens carry (userinfo always carries
/// every claim of the granted scopes). An empty list turns them all off.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdTokenConfigReplace {
    pub enabled_extended_claims: Vec<ExtendedClaim>,
}

impl FromBody for IdTokenConfigReplace {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let names = g.id_list("enabledExtendedClaims", true, false);
        let mut claims = Vec::new();
        // Only the first unknown claim is reported.
        for name in names.iter().flatten() {
            match ExtendedClaim::parse(name) {
                Some(claim) => claims.push(claim),
                None => {
                    g.issue(
                        "enabledExtendedClaims",
                        "invalid_enum_value",
                        format!("Invalid enum value '{name}'"),
                    );
                    break;
                }
            }
        }
        g.finish()?;
        Ok(IdTokenConfigReplace {
            enabled_extended_claims: claims,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn claims_are_required_and_known() {
        let Err(DomainError::Invalid(lines)) = IdTokenConfigReplace::from_body(&json!({})) else {
            panic!("invalid")
        };
        assert_eq!(
            lines,
            ["Error in key path \"enabledExtendedClaims\": (invalid_type) Required"]
        );
        let body = json!({ "enabledExtendedClaims": ["roles", "email", "phone"] });
        let Err(DomainError::Invalid(lines)) = IdTokenConfigReplace::from_body(&body) else {
            panic!("invalid")
        };
        assert_eq!(
            lines,
            [
                "Error in key path \"enabledExtendedClaims\": (invalid_enum_value) Invalid enum \
                 value 'email'"
            ]
        );
        let body = json!({ "enabledExtendedClaims": ["roles", "custom_data"] });
        let claims = IdTokenConfigReplace::from_body(&body)
            .unwrap()
            .enabled_extended_claims;
        assert_eq!(claims, [ExtendedClaim::Roles, ExtendedClaim::CustomData]);
    }
}
