//! `GET /metrics` (Prometheus' text format) and the layers that count every request by its
//! route pattern. Routing knows the pattern only inside the router, so a route layer tags each
//! response with it and the outermost layer, which also sees unrouted requests, records it.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::domain::secrets;
use crate::metrics::Metrics;
use crate::state::AppState;

/// Route layer: hands the matched pattern to [`count_requests`] on the response.
pub async fn tag_route(matched: Option<MatchedPath>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if let Some(matched) = matched {
        res.extensions_mut().insert(matched);
    }
    res
}

/// Outermost layer: counts the request and the time to its response headers.
pub async fn count_requests(
    State(metrics): State<Arc<Metrics>>,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = method_label(req.method());
    let res = next.run(req).await;
    let route = res
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str);
    metrics.request(
        method,
        route,
        res.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    res
}

/// Methods a client invents would each make a series; they count as `other`.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// `GET /metrics`. With `metrics.bearer_token` set, only a scraper presenting it may read.
pub async fn metrics_get(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(expected) = state.settings.metrics.bearer_token.as_deref() {
        let presented = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        // Digests of equal length, compared in constant time: neither the token nor its
        // length shows in the time a refusal takes.
        if !secrets::matches(&secrets::digest_hex(expected), presented) {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
            )
                .into_response();
        }
    }
    let body = state.metrics.render(state.store.pool_use());
    (
        [
            (
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
