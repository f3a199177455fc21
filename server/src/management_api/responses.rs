//! Responses several handlers share: an entity looked up by the path's id, the answer to a
//! delete, and a member's organization list.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::MemberKind;

/// What a handler found of the entity the path's id names: absent is Logto's 404
/// `entity.not_exists_with_id` naming the table and the id.
pub(super) trait Found<T> {
    fn or_missing(self, table: &str, id: &str) -> Result<T, ApiError>;
}

impl<T> Found<T> for Option<T> {
    fn or_missing(self, table: &str, id: &str) -> Result<T, ApiError> {
        self.ok_or_else(|| ApiError::not_exists_with_id(table, id))
    }
}

/// 204 when a delete removed the entity the path's id names, else 404
/// `entity.not_exists_with_id` naming it.
pub(super) fn deleted_by_id(removed: bool, table: &str, id: &str) -> Result<StatusCode, ApiError> {
    removed
        .then_some(StatusCode::NO_CONTENT)
        .or_missing(table, id)
}

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
