//! The handlers of `/api/users/:id/mfa-verifications` (Logto's
//! `packages/core/src/routes/admin-user/mfa-verifications.ts`; MFA factors as data), and how
//! their body is read. 404 for an unknown user.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::domain::mfa::{MfaVerificationCreate, MfaVerificationType};
use crate::domain::{DomainError, mfa, users};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::Guard;
use crate::management_api::bodies::{Body, FromBody};
use crate::management_api::responses;
use crate::state::AppState;

async fn require_user(state: &AppState, tenant: &str, id: &str) -> Result<(), ApiError> {
    match users::find(&state.store, tenant, id).await? {
        Some(_) => Ok(()),
        None => Err(ApiError::not_exists_with_id("users", id)),
    }
}

/// `GET` → the user's factors, oldest first.
pub async fn user_mfa_verifications_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_user(&state, &tenant, &id).await?;
    Ok(Json(mfa::list(&state.store, &tenant, &id).await?).into_response())
}

/// `POST` `{ type, secret? | codes? }` → 200 with the secret or codes (shown once).
pub async fn user_mfa_verification_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<MfaVerificationCreate>,
) -> Result<Response, ApiError> {
    require_user(&state, &tenant, &id).await?;
    let now = state.clock.now_ms();
    let host = state.public_host();
    Ok(Json(mfa::create(&state.store, &tenant, &id, input, &host, now).await?).into_response())
}

/// `DELETE /:verificationId` → 204, 404 `entity.not_found`.
pub async fn user_mfa_verification_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, verification)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    require_user(&state, &tenant, &id).await?;
    responses::deleted(
        state
            .store
            .mfa_delete(&tenant, &id, &verification)
            .await
            .map_err(DomainError::from)?,
    )
}

impl FromBody for MfaVerificationCreate {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let kind = g.required_enum("type", &MfaVerificationType::NAMES);
        let secret = g.optional_string("secret", 0, 1024);
        let codes = g.id_list("codes", false, false);
        g.finish()?;
        // `finish` succeeded, so `kind` is one of the names.
        let kind = if kind.as_deref() == Some("BackupCode") {
            MfaVerificationType::BackupCode
        } else {
            MfaVerificationType::Totp
        };
        Ok(MfaVerificationCreate {
            kind,
            secret,
            codes,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines<T: std::fmt::Debug>(read: Result<T, DomainError>) -> Vec<String> {
        match read {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn mfa_body_names_its_type() {
        let body = json!({ "type": "BackupCode", "codes": ["a"] });
        let input = MfaVerificationCreate::from_body(&body).unwrap();
        assert_eq!(input.kind, MfaVerificationType::BackupCode);
        // Only the type is required; what the codes must be is the domain's 422.
        assert_eq!(
            lines(MfaVerificationCreate::from_body(&json!({ "codes": [] }))),
            ["Error in key path \"type\": (invalid_type) Required"]
        );
        assert_eq!(
            lines(MfaVerificationCreate::from_body(
                &json!({ "type": "Totp", "codes": "x" })
            ))
            .len(),
            1
        );
    }
}
