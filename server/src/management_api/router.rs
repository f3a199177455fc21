//! The Management API's router: every route behind bearer-token authentication, mounted at
//! `/api`.

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::get;

use super::{auth, routes, swagger, uri_text};
use crate::http::error::ApiError;
use crate::state::AppState;

/// The Management API behind bearer-token authentication (mounted at `/api`), and its
/// OpenAPI document at `/api/swagger.json` without it.
pub fn router(state: AppState) -> Router<AppState> {
    let (routes, paths, schemas) = routes::api().into_parts();
    let document = swagger::document(paths, schemas);
    routes
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        // Layers run bottom-up: authentication first, then the NUL check.
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
