//! Responses several handlers share: the answer to a delete, and a member's organization list.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::MemberKind;

/// 204 when a delete removed a row, else Logto's 404 `entity.not_found`.
pub(super) fn deleted(removed: bool) -> Result<StatusCode, ApiError> {
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// A member's whole organization list (JSON array); `None` when there is no such member.
pub(super) async fn organization_list(
    state: &AppState,
    tenant: &str,
    kind: MemberKind,
    id: &str,
) -> Result<Option<Response>, ApiError> {
    let body = state
        .organization_lists
        .body(&state.store, kind, tenant, id)
        .await?;
    Ok(body.map(|body| ([(CONTENT_TYPE, "application/json")], body).into_response()))
}
