//! OpenID Connect Discovery 1.0 §3: lists exactly what is implemented.
//! WARNING: keep in step with `oidc/mod.rs` routes.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::state::AppState;

/// `GET /oidc/.well-known/openid-configuration` (public).
pub async fn discovery_get(State(state): State<AppState>) -> Json<Value> {
    let issuer = &state.issuer;
    Json(json!({
        "issuer": issuer.as_ref(),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "response_types_supported": [],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [state.keys.alg().name()],
        "claims_parameter_supported": false,
        "request_parameter_supported": false,
    }))
}
