//! OpenID Provider surface under `/oidc`.
//!
//! WARNING: `discovery.rs` lists these routes; change both together.

pub mod access_token;
pub mod client_auth;
pub mod discovery;
pub mod error;
pub mod jwks;
pub mod keys;
pub mod token;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(discovery::discovery_get),
        )
        .route("/jwks", get(jwks::jwks_get))
        .route("/token", post(token::token_post))
}
