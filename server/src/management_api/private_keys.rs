//! `/api/configs/oidc/private-keys`: list, rotate and delete the token signing keys (Logto's
//! paths and shapes, `packages/core/src/routes/logto-config/index.ts`): the routes with their
//! OpenAPI description, the handlers and how the rotation's body is read.

use std::time::Duration;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, delete, get, post};
use crate::domain::DomainError;
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::Guard;
use crate::oidc::keys::{Alg, KeyStatus, key_statuses};
use crate::state::AppState;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/configs/oidc/private-keys",
        [get(private_keys_list, "Get OIDC keys")
            .id("GetOidcKeys")
            .all::<PrivateKeyInfo>()],
    )
    .route(
        "/configs/oidc/private-keys/{keyId}",
        [delete(private_key_delete, "Delete OIDC key")
            .id("DeleteOidcKey")
            .describe("Only a previous key can be deleted; tokens it signed stop verifying.")
            .errors(&[404, 422])],
    )
    .route(
        "/configs/oidc/private-keys/rotate",
        [post(private_keys_rotate, "Rotate OIDC keys")
            .id("RotateOidcKeys")
            .describe(
                "The new key is published at once and signs after the grace period (the \
                 configured activation delay by default); earlier public keys stay in the JWKS.",
            )
            .body::<OidcKeysRotate>()
            .all::<PrivateKeyInfo>()],
    )
}

/// A signing key as Logto lists it: no key material.
#[derive(Serialize, ToSchema)]
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

async fn list(state: &AppState, tenant: &str) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    let rows = state.store.signing_key_list(tenant).await?;
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
    Tenant(tenant): Tenant,
) -> Result<Json<Vec<PrivateKeyInfo>>, ApiError> {
    list(&state, &tenant).await
}

/// `POST /api/configs/oidc/private-keys/rotate` `{ signingKeyAlgorithm?: "EC" | "RSA",
/// rotationGracePeriod?: seconds }`: a new key, listed first, is published in every replica's
/// JWKS at once and signs after the grace period (the configured activation delay when not
/// given); the old public keys stay in the JWKS so tokens already issued keep verifying.
pub async fn private_keys_rotate(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
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
    list(&state, &tenant).await
}

/// `DELETE /api/configs/oidc/private-keys/:keyId` → 204. As Logto, only a `Previous` key can go
/// (422 `oidc.only_previous_key_can_be_deleted`), never the last one (422 `oidc.key_required`);
/// an unknown id is 404 `oidc.key_not_found`. Tokens it signed stop verifying everywhere.
pub async fn private_key_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let rows = state.store.signing_key_list(&tenant).await?;
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
    state.store.signing_key_delete(&tenant, &id).await?;
    state.keys.reload().await.map_err(|e| {
        tracing::error!(error = %e, "reloading keys failed");
        ApiError::internal()
    })?;
    Ok(StatusCode::NO_CONTENT)
}

/// The type of a signing key: elliptic curve (the configured EC algorithm, ES256 by default)
/// or RSA (RS256, 2048 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
pub enum SigningKeyType {
    #[schema(rename = "EC")]
    Ec,
    #[schema(rename = "RSA")]
    Rsa,
}

impl SigningKeyType {
    /// Logto's name for it, which `oidc::keys::Alg::of_key_type` reads.
    pub fn as_str(self) -> &'static str {
        match self {
            SigningKeyType::Ec => "EC",
            SigningKeyType::Rsa => "RSA",
        }
    }
}

/// The longest grace period a rotation may ask for: a year, in seconds.
const GRACE_MAX_SECS: u64 = 365 * 24 * 3600;

/// `POST /api/configs/oidc/private-keys/rotate`: every key is optional.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OidcKeysRotate {
    /// The new key's type; the configured algorithm's when absent.
    pub signing_key_algorithm: Option<SigningKeyType>,
    /// Seconds until the new key signs (it is published at once); the configured activation
    /// delay when absent.
    #[schema(minimum = 0, maximum = 31536000)]
    pub rotation_grace_period: Option<u64>,
}

impl FromBody for OidcKeysRotate {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let key_type = g.optional_enum("signingKeyAlgorithm", &["EC", "RSA"]);
        let grace = match g.optional_value("rotationGracePeriod") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_u64() {
                Some(secs) if secs <= GRACE_MAX_SECS => Some(secs),
                _ => {
                    g.issue(
                        "rotationGracePeriod",
                        "invalid_type",
                        "Expected a whole number of seconds from 0 to a year",
                    );
                    None
                }
            },
        };
        g.finish()?;
        Ok(OidcKeysRotate {
            signing_key_algorithm: key_type.map(|t| match t.as_str() {
                "RSA" => SigningKeyType::Rsa,
                _ => SigningKeyType::Ec,
            }),
            rotation_grace_period: grace,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn rotation_takes_a_key_type_and_a_grace_period_of_at_most_a_year() {
        let rotate = OidcKeysRotate::from_body(&json!({ "rotationGracePeriod": null })).unwrap();
        assert!(rotate.signing_key_algorithm.is_none() && rotate.rotation_grace_period.is_none());
        let body = json!({ "signingKeyAlgorithm": "RSA", "rotationGracePeriod": 60 });
        let rotate = OidcKeysRotate::from_body(&body).unwrap();
        assert_eq!(rotate.signing_key_algorithm, Some(SigningKeyType::Rsa));
        assert_eq!(rotate.rotation_grace_period, Some(60));
        for bad in [
            json!(-1),
            json!(1.5),
            json!(GRACE_MAX_SECS + 1),
            json!("60"),
        ] {
            let body = json!({ "rotationGracePeriod": bad });
            assert!(OidcKeysRotate::from_body(&body).is_err(), "{body}");
        }
        let body = json!({ "signingKeyAlgorithm": "Ed25519" });
        assert!(OidcKeysRotate::from_body(&body).is_err());
    }
}
