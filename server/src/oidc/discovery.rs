//! OpenID Connect Discovery 1.0 §3: lists exactly what is implemented.
//! WARNING: keep in step with `oidc/mod.rs` routes.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use super::claims::SUPPORTED_SCOPES;
use crate::state::AppState;

/// `GET /oidc/.well-known/openid-configuration` (public).
pub async fn discovery_get(State(state): State<AppState>) -> Json<Value> {
    let issuer = &state.issuer;
    let algs = state.keys.published_algs();
    Json(json!({
        "issuer": issuer.as_ref(),
        "authorization_endpoint": format!("{issuer}/auth"),
        "token_endpoint": format!("{issuer}/token"),
        "userinfo_endpoint": format!("{issuer}/me"),
        "end_session_endpoint": format!("{issuer}/session/end"),
        "revocation_endpoint": format!("{issuer}/token/revocation"),
        "introspection_endpoint": format!("{issuer}/token/introspection"),
        "jwks_uri": format!("{issuer}/jwks"),
        "scopes_supported": SUPPORTED_SCOPES,
        "claims_supported": super::claims::SUPPORTED_CLAIMS,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post"],
        "revocation_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post"],
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": algs,
        "userinfo_signing_alg_values_supported": [],
        "prompt_values_supported": ["none", "login", "consent", "select_account"],
        "claims_parameter_supported": false,
        "request_parameter_supported": false,
        "request_uri_parameter_supported": false,
        "authorization_response_iss_parameter_supported": true,
    }))
}
