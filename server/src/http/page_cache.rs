//! Server-rendered pages are never stored by browsers or proxies: they show what only this
//! browser may see (a TOTP key or backup codes while they are being set up, an admin's data),
//! and the back button on a shared computer must not bring them back. Hashed static files keep
//! their own long-lived caching (`static_files.rs`).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub async fn no_store_pages(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}
