//! Per-application CORS for the endpoints browsers call (token, userinfo, revocation), as
//! Logto does: a response is readable from an origin when the app lists it in
//! `corsAllowedOrigins` or one of its redirect URIs has that origin. Requests without an
//! `Origin` (backends) are untouched and cost nothing extra. Preflights are answered for any
//! origin: the actual response decides whether the browser may read it.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::client::Client;
use super::client_auth;
use super::token::params::Params;
use crate::storage::Store;

/// Adds `Access-Control-Allow-Origin` to `res` when the request's origin may read it.
pub async fn apply(
    store: &Store,
    headers: &HeaderMap,
    client_id: Option<&str>,
    res: &mut Response,
) {
    let Some(client_id) = client_id.filter(|_| headers.contains_key(header::ORIGIN)) else {
        return;
    };
    let Ok(Some(client)) = Client::find(store, client_id).await else {
        return;
    };
    apply_for(&client, headers, res);
}

/// [`apply`] for a form-encoded request (token, revocation) whose client is the one it presents
/// in `Authorization` or the body; the body is only read when the request has an `Origin`.
pub async fn apply_presented(store: &Store, headers: &HeaderMap, body: &[u8], res: &mut Response) {
    if !headers.contains_key(header::ORIGIN) {
        return;
    }
    let client_id = Params::parse(body)
        .ok()
        .and_then(|p| client_auth::presented(headers, &p).ok())
        .map(|c| c.client_id);
    apply(store, headers, client_id.as_deref(), res).await;
}

/// [`apply`] for a client already at hand.
pub fn apply_for(client: &Client, headers: &HeaderMap, res: &mut Response) {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return;
    };
    let Ok(origin_text) = origin.to_str() else {
        return;
    };
    let allowed = client.allows_origin(origin_text);
    let h = res.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    if allowed {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    }
}

/// `OPTIONS` on those endpoints.
pub async fn preflight(headers: HeaderMap) -> Response {
    let mut res = StatusCode::NO_CONTENT.into_response();
    let h = res.headers_mut();
    if let Some(origin) = headers.get(header::ORIGIN) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("authorization, content-type"),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    res
}
