//! OpenID Provider surface under `/oidc`.
//!
//! WARNING: `discovery.rs` lists these routes; change both together.

pub mod access_token;
pub mod auth_request;
pub mod authorize;
pub mod claims;
pub mod client;
pub mod client_auth;
pub mod cookies;
pub mod cors;
pub mod discovery;
pub mod error;
pub mod error_page;
pub mod flow;
pub mod id_token;
pub mod interaction;
pub mod invitation;
pub mod journeys;
pub mod jwks;
pub mod keys;
pub mod limits;
pub mod mfa;
pub mod pending;
pub mod session_end;
pub mod token;
pub mod token_admin;
pub mod userinfo;

use std::time::Duration;

use axum::Router;
use axum::http::Method;
use axum::middleware;
use axum::routing::{get, post};
use tower_http::cors::{Any, CorsLayer};

use crate::http::csrf;
use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    // The hosted pages' form posts carry the browser's cookies: same-origin only.
    let interaction = Router::new()
        .route("/sign-in", post(interaction::sign_in))
        .route("/register", post(journeys::register))
        .route("/register/verify", post(journeys::register_verify))
        .route("/sign-in/code", post(journeys::sign_in_code))
        .route("/sign-in/verify", post(journeys::sign_in_verify))
        .route("/forgot-password", post(journeys::forgot_password))
        .route(
            "/forgot-password/verify",
            post(journeys::forgot_password_verify),
        )
        .route("/reset-password", post(journeys::reset_password))
        .route("/code/resend", post(journeys::resend))
        .route("/one-time-token", post(journeys::one_time_token))
        .route("/invitation/{id}/accept", post(invitation::accept))
        .route(
            "/invitation/{id}/switch-account",
            post(invitation::switch_account),
        )
        .route("/consent", post(interaction::consent))
        .route("/cancel", post(interaction::cancel))
        .route("/mfa/verify-totp", post(mfa::verify_totp))
        .route("/mfa/verify-backup-code", post(mfa::verify_backup_code))
        .route("/mfa/bind-totp", post(mfa::bind_totp))
        .route("/mfa/bind-backup-codes", post(mfa::bind_backup_codes))
        .route("/mfa/skip", post(mfa::skip))
        .route("/mfa/enable", post(mfa::enable))
        .route("/mfa/backup-codes.txt", get(mfa::backup_codes_file))
        .route("/mfa/verify-passkey", post(mfa::verify_passkey))
        .route("/mfa/bind-passkey", post(mfa::bind_passkey))
        .route("/mfa/passkey.js", get(mfa::passkey_script))
        .layer(middleware::from_fn_with_state(
            state,
            csrf::require_same_origin,
        ));
    // Public documents: any origin may read them.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET])
        .max_age(Duration::from_secs(600));
    let documents = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(discovery::discovery_get),
        )
        .route("/jwks", get(jwks::jwks_get))
        .layer(cors);
    // Endpoints apps call from browsers: readable from the app's own origins (see `cors`).
    Router::new()
        .merge(documents)
        .route("/token", post(token::token_post).options(cors::preflight))
        .route(
            "/me",
            get(userinfo::userinfo)
                .post(userinfo::userinfo)
                .options(cors::preflight),
        )
        .route(
            "/token/revocation",
            post(token_admin::revocation).options(cors::preflight),
        )
        .route("/token/introspection", post(token_admin::introspection))
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
