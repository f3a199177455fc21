//! OAuth 2.0 errors (RFC 6749 §5.2, RFC 8707 §2, RFC 6750 §3.1) in Logto's JSON shape:
//! `{ code: "oidc.<error>", message, error, error_description }`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OAuthError {
    /// RFC 6749 §5.2: missing or malformed parameter.
    InvalidRequest(String),
    /// RFC 6749 §5.2: client authentication failed; `basic` adds `WWW-Authenticate`.
    InvalidClient { description: String, basic: bool },
    /// RFC 6749 §5.2: the grant is invalid, expired or revoked.
    InvalidGrant(String),
    /// RFC 6749 §5.2: the client may not use this grant type.
    UnauthorizedClient(String),
    /// RFC 6749 §5.2.
    UnsupportedGrantType(String),
    /// RFC 6749 §5.2.
    InvalidScope(String),
    /// RFC 8707 §2: unknown or unacceptable resource.
    InvalidTarget(String),
    /// RFC 6749 §4.1.2.1, used with 403 for organization denials (Logto).
    AccessDenied(String),
    /// RFC 6750 §3.1, 403: the grant lacks a scope; the body names it in `scope` (Logto).
    InsufficientScope { description: String, scope: String },
    /// RFC 6750 §3.1, 401: the bearer token is missing, expired or unknown.
    InvalidToken(String),
    /// RFC 6749 §5.2.
    ServerError,
}

impl OAuthError {
    pub fn code(&self) -> &'static str {
        match self {
            OAuthError::InvalidRequest(_) => "invalid_request",
            OAuthError::InvalidClient { .. } => "invalid_client",
            OAuthError::InvalidGrant(_) => "invalid_grant",
            OAuthError::UnauthorizedClient(_) => "unauthorized_client",
            OAuthError::UnsupportedGrantType(_) => "unsupported_grant_type",
            OAuthError::InvalidScope(_) => "invalid_scope",
            OAuthError::InvalidTarget(_) => "invalid_target",
            OAuthError::AccessDenied(_) => "access_denied",
            OAuthError::InsufficientScope { .. } => "insufficient_scope",
            OAuthError::InvalidToken(_) => "invalid_token",
            OAuthError::ServerError => "server_error",
        }
    }

    pub fn description(&self) -> &str {
        match self {
            OAuthError::InvalidRequest(d)
            | OAuthError::InvalidGrant(d)
            | OAuthError::UnauthorizedClient(d)
            | OAuthError::UnsupportedGrantType(d)
            | OAuthError::InvalidScope(d)
            | OAuthError::InvalidTarget(d)
            | OAuthError::AccessDenied(d)
            | OAuthError::InvalidToken(d) => d,
            OAuthError::InsufficientScope { description, .. } => description,
            OAuthError::InvalidClient { description, .. } => description,
            OAuthError::ServerError => "an unexpected error occurred",
        }
    }

    fn message(&self) -> &'static str {
        match self {
            OAuthError::InvalidRequest(_) => "Invalid request.",
            OAuthError::InvalidClient { .. } => "Invalid client.",
            OAuthError::InvalidGrant(_) => "Grant request is invalid.",
            OAuthError::UnauthorizedClient(_) => "The client is not authorized.",
            OAuthError::UnsupportedGrantType(_) => "Unsupported `grant_type` requested.",
            OAuthError::InvalidScope(_) => "Invalid scope.",
            OAuthError::InvalidTarget(_) => "Invalid resource indicator.",
            OAuthError::AccessDenied(_) => "Access denied.",
            OAuthError::InsufficientScope { .. } => "Insufficient scope.",
            OAuthError::InvalidToken(_) => "Invalid token.",
            OAuthError::ServerError => "Internal server error.",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            OAuthError::InvalidClient { .. } => StatusCode::UNAUTHORIZED,
            OAuthError::AccessDenied(_) | OAuthError::InsufficientScope { .. } => {
                StatusCode::FORBIDDEN
            }
            OAuthError::InvalidToken(_) => StatusCode::UNAUTHORIZED,
            OAuthError::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "code": format!("oidc.{}", self.code()),
            "message": self.message(),
            "error": self.code(),
            "error_description": self.description(),
        });
        if let OAuthError::InsufficientScope { scope, .. } = &self {
            body["scope"] = json!(scope);
        }
        if matches!(self, OAuthError::InvalidGrant(_)) {
            body["error_uri"] = json!("https://openid.sh/debug/invalid_grant");
        }
        let mut res = (self.status(), axum::Json(body)).into_response();
        let headers = res.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
        if let OAuthError::InvalidToken(d) = &self
            && let Ok(v) = HeaderValue::from_str(&format!(
                "Bearer realm=\"tessera\", error=\"invalid_token\", error_description=\"{}\"",
                d.replace('"', "'")
            ))
        {
            headers.insert(header::WWW_AUTHENTICATE, v);
        }
        if matches!(self, OAuthError::InvalidClient { basic: true, .. }) {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"tessera\""),
            );
        }
        res
    }
}
