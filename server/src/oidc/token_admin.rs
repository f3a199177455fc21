//! Token revocation (RFC 7009) and introspection (RFC 7662). Both authenticate the client and
//! only ever act on or describe tokens issued to that same client.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::access_token;
use super::client_auth::{self, Accepts};
use super::error::OAuthError;
use super::token::Params;
use crate::domain::secrets;
use crate::state::AppState;

/// `POST /oidc/token/revocation` `token`, `token_type_hint?` → 200 whatever the token was.
/// A refresh token takes its whole grant with it; an opaque access token goes alone. JWT
/// access tokens cannot be recalled and simply expire.
pub async fn revocation(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let run = async {
        let params = Params::parse(&body)?;
        let presented = client_auth::presented(&headers, &params)?;
        let client = client_auth::authenticate(
            &state.store,
            &presented,
            Accepts::AnyClient,
            state.clock.now_ms(),
        )
        .await?;
        let token = params.get("token").ok_or_else(|| {
            OAuthError::InvalidRequest("missing required parameter 'token'".into())
        })?;
        let digest = secrets::digest_hex(token);
        let failed = |e: crate::storage::StorageError| {
            tracing::error!(error = %e, "revocation failed");
            OAuthError::ServerError
        };
        if let Some(found) = state
            .store
            .refresh_token_find(&digest)
            .await
            .map_err(failed)?
        {
            if found.grant.client_id == client.id {
                state
                    .store
                    .grant_delete(&found.grant.id)
                    .await
                    .map_err(failed)?;
            }
        } else if let Some(found) = state
            .store
            .access_token_find(&digest)
            .await
            .map_err(failed)?
            && found.grant.client_id == client.id
        {
            state
                .store
                .access_token_delete(&digest)
                .await
                .map_err(failed)?;
        }
        Ok::<_, OAuthError>(())
    };
    let mut res = match run.await {
        Ok(()) => StatusCode::OK.into_response(),
        Err(e) => e.into_response(),
    };
    super::cors::apply_presented(&state.store, &headers, &body, &mut res).await;
    res
}

/// `POST /oidc/token/introspection` `token` → `{ active, … }`, for confidential clients.
pub async fn introspection(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match introspect(&state, &headers, &body).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn introspect(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, OAuthError> {
    let params = Params::parse(body)?;
    let presented = client_auth::presented(headers, &params)?;
    let client = client_auth::authenticate(
        &state.store,
        &presented,
        Accepts::Confidential,
        state.clock.now_ms(),
    )
    .await?;
    if !client.is_confidential() {
        return Err(OAuthError::InvalidClient {
            description: "introspection is for confidential clients".into(),
            basic: presented.basic,
        });
    }
    let token = params
        .get("token")
        .ok_or_else(|| OAuthError::InvalidRequest("missing required parameter 'token'".into()))?;
    let inactive = json!({ "active": false });
    let now = state.clock.now_ms();
    let failed = |e: crate::storage::StorageError| {
        tracing::error!(error = %e, "introspection failed");
        OAuthError::ServerError
    };
    let digest = secrets::digest_hex(token);
    if let Some(found) = state
        .store
        .access_token_find(&digest)
        .await
        .map_err(failed)?
    {
        if found.grant.client_id != client.id || found.token_expires_at <= now {
            return Ok(inactive);
        }
        return Ok(json!({
            "active": true,
            "token_type": "Bearer",
            "scope": found.token_scopes,
            "client_id": found.grant.client_id,
            "sub": found.grant.user_id,
            "exp": found.token_expires_at / 1000,
            "iss": state.issuer.as_ref(),
        }));
    }
    if let Some(found) = state
        .store
        .refresh_token_find(&digest)
        .await
        .map_err(failed)?
    {
        let live = found.consumed_at.is_none()
            && found.token_expires_at > now
            && found.grant.expires_at > now;
        if found.grant.client_id != client.id || !live {
            return Ok(inactive);
        }
        return Ok(json!({
            "active": true,
            "token_type": "refresh_token",
            "scope": found.grant.scopes,
            "client_id": found.grant.client_id,
            "sub": found.grant.user_id,
            "iat": found.token_created_at / 1000,
            "exp": found.token_expires_at / 1000,
            "iss": state.issuer.as_ref(),
        }));
    }
    match access_token::verify_own(&state.keys, token, &state.issuer, false).await {
        Ok(claims) if claims.get("client_id").and_then(Value::as_str) == Some(&client.id) => {
            let mut out = json!({ "active": true, "token_type": "Bearer" });
            if let (Value::Object(out), Value::Object(claims)) = (&mut out, claims) {
                for (k, v) in claims {
                    out.entry(k).or_insert(v);
                }
            }
            Ok(out)
        }
        _ => Ok(inactive),
    }
}
