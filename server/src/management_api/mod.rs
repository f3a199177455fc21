//! Management API under `/api` (Logto's paths and shapes). Every route requires a bearer token
//! for the Management API resource with scope `all` (see `auth.rs`).

mod applications;
mod auth;
mod keys;
mod organization_scopes;
mod organizations;
mod pagination;
mod text;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};

use crate::http::error::ApiError;
use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/organizations",
            get(organizations::organizations_list).post(organizations::organization_create),
        )
        .route(
            "/organizations/{id}",
            get(organizations::organization_get)
                .patch(organizations::organization_update)
                .delete(organizations::organization_delete),
        )
        .route(
            "/organization-scopes",
            get(organization_scopes::organization_scopes_list)
                .post(organization_scopes::organization_scope_create),
        )
        .route(
            "/organization-scopes/{id}",
            get(organization_scopes::organization_scope_get)
                .patch(organization_scopes::organization_scope_update)
                .delete(organization_scopes::organization_scope_delete),
        )
        .route(
            "/applications",
            get(applications::applications_list).post(applications::application_create),
        )
        .route(
            "/applications/{id}",
            get(applications::application_get).delete(applications::application_delete),
        )
        .route("/configs/oidc/private-keys", get(keys::private_keys_list))
        .route(
            "/configs/oidc/private-keys/rotate",
            post(keys::private_keys_rotate),
        )
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        // Layers run bottom-up: authentication first, then the NUL check.
        .route_layer(middleware::from_fn(text::refuse_nul_in_uri))
        .route_layer(middleware::from_fn_with_state(
            state,
            auth::require_management_token,
        ))
        .fallback(|| async { ApiError::route_not_found() })
}

/// 204 when a delete removed a row, else Logto's 404 `entity.not_found`.
fn deleted(removed: bool) -> Result<StatusCode, ApiError> {
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}
