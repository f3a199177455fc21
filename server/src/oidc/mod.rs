//! OpenID Provider surface under `/oidc`.
//!
//! WARNING: `discovery.rs` lists these routes; change both together.

pub mod access_token;
pub mod auth_request;
pub mod authorize;
pub mod claims;
pub mod client_auth;
pub mod config_cache;
pub mod cookies;
pub mod discovery;
pub mod error;
pub mod error_page;
pub mod flow;
pub mod id_token;
pub mod interaction;
pub mod jwks;
pub mod keys;
pub mod limits;
pub mod session_end;
pub mod token;
pub mod token_admin;
pub mod userinfo;

use std::time::Duration;

use axum::Router;
use axum::http::{Method, header};
use axum::middleware;
use axum::routing::{get, post};
use tower_http::cors::{Any, CorsLayer};

use crate::http::csrf;
use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    // The hosted pages' form posts carry the browser's cookies: same-origin only.
    let interaction = Router::new()
        .route("/sign-in", post(interaction::sign_in))
        .route("/register", post(interaction::register))
        .route("/consent", post(interaction::consent))
        .route("/cancel", post(interaction::cancel))
        .layer(middleware::from_fn_with_state(
            state,
            csrf::require_same_origin,
        ));
    // Endpoints apps call from browsers (SPAs) with bearer tokens or client ids, never with
    // cookies: any origin may read them.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .max_age(Duration::from_secs(600));
    let for_apps = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(discovery::discovery_get),
        )
        .route("/jwks", get(jwks::jwks_get))
        .route("/token", post(token::token_post))
        .route("/me", get(userinfo::userinfo).post(userinfo::userinfo))
        .route("/token/revocation", post(token_admin::revocation))
        .route("/token/introspection", post(token_admin::introspection))
        .layer(cors);
    Router::new()
        .merge(for_apps)
        .route(
            "/auth",
            get(authorize::authorize).post(authorize::authorize),
        )
        .route(
            "/session/end",
            get(session_end::end_session).post(session_end::end_session),
        )
        .nest("/interaction", interaction)
}
