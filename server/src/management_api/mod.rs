//! Management API under `/api` (Logto's paths and shapes). Every route requires a bearer token
//! for the Management API resource with scope `all` (see `auth.rs`).

mod applications;
mod auth;
mod bodies;
mod docs;
mod id_token_config;
mod jit;
mod keys;
mod mfa;
mod organization_members;
mod organization_roles;
mod organization_scopes;
mod organizations;
mod pagination;
mod relations;
mod resources;
mod roles;
mod routes;
mod sign_in_exp;
mod sso_connectors;
mod swagger;
mod uri_text;
mod users;
mod writes;

use axum::Router;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, MemberKind};

/// The Management API behind bearer-token authentication (mounted at `/api`), and its
/// OpenAPI document at `/api/swagger.json` without it.
pub fn router(state: AppState) -> Router<AppState> {
    let (routes, paths, schemas) = routes::api().into_parts();
    let document = swagger::document(paths, schemas);
    routes
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        // Layers run bottom-up: authentication first, then the NUL check, then the handler
        // with what follows a write (only authenticated requests get that far).
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            writes::forget_grants_after_writes,
        ))
        .route_layer(middleware::from_fn(uri_text::refuse_unstorable_uri))
        .route_layer(middleware::from_fn_with_state(
            state,
            auth::require_management_token,
        ))
        // Added after the layers, so they are served without a token.
        .route(
            "/swagger.json",
            get(move || std::future::ready(swagger::response(document.clone()))),
        )
        // Logto's health check: the server is up and routing.
        .route("/status", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(|| async { ApiError::route_not_found() })
}

/// The same routes for the console, which calls them in-process for the signed-in admin (its
/// session and CSRF checks stand in for the bearer token), so both share every rule and error.
pub fn console_router(state: AppState) -> Router {
    let (routes, _, _) = routes::api().into_parts();
    routes
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            writes::forget_grants_after_writes,
        ))
        .route_layer(middleware::from_fn(uri_text::refuse_unstorable_uri))
        .fallback(|| async { ApiError::route_not_found() })
        .with_state(state)
}

/// 204 when a delete removed a row, else Logto's 404 `entity.not_found`.
fn deleted(removed: bool) -> Result<StatusCode, ApiError> {
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// A member's whole organization list (JSON array); `None` when there is no such member.
async fn organization_list(
    state: &AppState,
    kind: MemberKind,
    id: &str,
) -> Result<Option<Response>, ApiError> {
    let body = state
        .organization_lists
        .body(&state.store, kind, DEFAULT_TENANT, id)
        .await?;
    Ok(body.map(|body| ([(CONTENT_TYPE, "application/json")], body).into_response()))
}

/// `excludeOrganizationId` of the user and application lists; Logto refuses it together with
/// `excludeRoleId`.
fn exclude_organization(query: &QueryPairs) -> Result<Option<&str>, ApiError> {
    let exclude = query.get("excludeOrganizationId").filter(|v| !v.is_empty());
    if exclude.is_some() && query.get("excludeRoleId").is_some() {
        return Err(ApiError::invalid_input(
            "query",
            &[
                "Error in key path \"\": (custom) excludeRoleId and excludeOrganizationId \
               cannot be used together"
                    .into(),
            ],
        ));
    }
    Ok(exclude)
}
