//! Ids and query values are text the databases must store and compare, refused up front with a
//! 400 in the API's error shape when they cannot be: PostgreSQL cannot hold NUL characters (a
//! `%00` anywhere in the path or query), and a path segment must decode to UTF-8 (`%ff` would
//! otherwise get the router's plain-text rejection).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;

pub async fn refuse_unstorable_uri(req: Request, next: Next) -> Response {
    let uri = req.uri();
    let has_nul = |s: &str| s.to_ascii_lowercase().contains("%00");
    if has_nul(uri.path()) || uri.query().is_some_and(has_nul) {
        return ApiError::invalid_input(
            "query",
            &["Error in key path \"\": (invalid_string) Text must not contain NUL characters"],
        )
        .into_response();
    }
    if percent_encoding::percent_decode_str(uri.path())
        .decode_utf8()
        .is_err()
    {
        return ApiError::invalid_input(
            "path",
            &["Error in key path \"\": (invalid_string) Path segments must be UTF-8 text"],
        )
        .into_response();
    }
    next.run(req).await
}
