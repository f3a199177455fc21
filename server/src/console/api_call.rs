//! The console's in-process Management API client: a request through the same router API
//! clients reach at `/api`, without the bearer check (the caller has already required a signed-in
//! admin), and the answer or error in the console's terms.

use app::error::AppError;
use app::model::ApiReply;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, header};
use serde_json::Value;
use tower::ServiceExt;

use super::errors::api_error_to_app;
use crate::http::limits::BODY_LIMIT;

pub async fn call(
    api: &Router,
    method: &'static str,
    path_and_query: String,
    body: Option<Value>,
) -> Result<ApiReply, AppError> {
    let method = Method::from_bytes(method.as_bytes()).map_err(|_| AppError::Internal)?;
    let mut request = Request::builder()
        .method(method)
        .uri(path_and_query)
        .header(header::ACCEPT, "application/json");
    let body = match body {
        Some(value) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(value.to_string())
        }
        None => Body::empty(),
    };
    let request = request.body(body).map_err(|e| {
        tracing::error!(error = %e, "console built an invalid API request");
        AppError::Internal
    })?;
    let response = match api.clone().oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status();
    let total = response
        .headers()
        .get("total-number")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    let bytes = axum::body::to_bytes(response.into_body(), BODY_LIMIT * 16)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading an API answer failed");
            AppError::Internal
        })?;
    let body: Value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).map_err(|e| {
            tracing::error!(error = %e, "API answer is not JSON");
            AppError::Internal
        })?
    };
    if status.is_success() {
        Ok(ApiReply { body, total })
    } else {
        Err(api_error_to_app(status.as_u16(), &body))
    }
}
