//! Management API authentication (as Logto's `packages/core/src/middleware/koa-auth/index.ts`):
//! a JWT we issued, for the Management API indicator, unexpired, with scope `all`. Missing or
//! invalid → 401 `auth.unauthorized`; valid without `all` → 403 `auth.forbidden`. Unlike Logto,
//! there is no development bypass header.
//!
//! A token issued in an organization's context (it carries `organization_id`) is refused
//! whatever its scope: an organization membership grants access inside that organization,
//! never tenant-wide administration.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;
use crate::oidc::access_token;
use crate::state::AppState;

pub async fn require_management_token(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_string());
    let Some(token) = token else {
        return ApiError::unauthorized().into_response();
    };
    let audience = &state.settings.management_api.indicator;
    match access_token::verify(&state.keys, &token, &state.issuer, audience).await {
        Ok(claims) if claims.organization_id.is_some() => {
            tracing::debug!("organization token presented to the Management API");
            ApiError::unauthorized().into_response()
        }
        Ok(claims) if claims.has_scope("all") => next.run(req).await,
        Ok(_) => ApiError::forbidden().into_response(),
        Err(e) => {
            tracing::debug!(reason = %e, "management token rejected");
            ApiError::unauthorized().into_response()
        }
    }
}
