//! Server functions' answers to malformed requests. The framework reports a body it cannot read
//! (too large, not UTF-8) or arguments it cannot decode (a missing field) as a 500, as though the
//! server had failed; they are the client's mistakes, so they become 413 or 400 with a message
//! the page can show, in the same error shape as every other refusal.

use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::limits::BODY_LIMIT;

/// Where server functions are served (`#[server(prefix = …)]` in the app crate).
const PREFIXES: [&str; 2] = ["/console/fn/", "/hosted/fn/"];

/// The header server functions put on their error answers.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// How the framework words a request body it could not read or decode; on the server the
/// second only ever comes from reading the request.
const CLIENT_MISTAKES: [&str; 2] = [
    "error deserializing server function arguments: ",
    "error deserializing server function results: ",
];

pub async fn client_errors(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if !PREFIXES.iter().any(|prefix| path.starts_with(prefix)) {
        return next.run(req).await;
    }
    let path = path.to_string();
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT) {
        return too_large(&path);
    }
    // Read here, within the limit, so a body that turns out larger is refused as such.
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return too_large(&path);
    };
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let detail = match serde_json::from_slice::<AppError>(&bytes) {
        Ok(AppError::Transport(message)) => client_mistake(&message),
        _ => None,
    };
    let Some(detail) = detail else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.status = StatusCode::BAD_REQUEST;
    parts.headers.remove(header::CONTENT_LENGTH);
    let error = AppError::invalid(format!("The request could not be read: {detail}."));
    Response::from_parts(parts, Body::from(encode(&error)))
}

/// The framework's own words for the decoding failure, when it is one.
fn client_mistake(message: &str) -> Option<String> {
    if message.starts_with("missing argument ") {
        return Some(message.to_string());
    }
    CLIENT_MISTAKES
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .map(str::to_string)
}

fn too_large(path: &str) -> Response {
    let error = AppError::invalid(format!(
        "The request is too large: at most {} KiB.",
        BODY_LIMIT / 1024
    ));
    let mut res = (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "application/json")],
        encode(&error),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(path) {
        res.headers_mut().insert(SERVER_FN_ERROR, value);
    }
    res
}

fn encode(error: &AppError) -> String {
    serde_json::to_string(error).unwrap_or_else(|_| "\"Internal\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_decoding_failures_are_the_clients() {
        assert_eq!(
            client_mistake("error deserializing server function arguments: missing field `a`")
                .as_deref(),
            Some("missing field `a`")
        );
        assert_eq!(
            client_mistake("missing argument b").as_deref(),
            Some("missing argument b")
        );
        assert_eq!(client_mistake("error running server function: boom"), None);
    }
}
