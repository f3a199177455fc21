//! Ids and query values are text the databases must store and compare; PostgreSQL cannot hold
//! NUL characters, so a `%00` anywhere in the path or query is refused up front with a 400.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;

pub async fn refuse_nul_in_uri(req: Request, next: Next) -> Response {
    let uri = req.uri();
    let has_nul = |s: &str| s.to_ascii_lowercase().contains("%00");
    if has_nul(uri.path()) || uri.query().is_some_and(has_nul) {
        return ApiError::invalid_input(
            "query",
            &[
                "Error in key path \"\": (invalid_string) Text must not contain NUL characters"
                    .into(),
            ],
        )
        .into_response();
    }
    next.run(req).await
}
