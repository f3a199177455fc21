//! `/api/users` (what the organization features need of Logto's users API) and
//! `/api/users/:id/organizations` (Logto's `packages/core/src/routes/admin-user/organization.ts`).

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::Body;
use super::pagination;
use crate::domain::users::{self, NewUser, UserPatch};
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, MemberKind};

/// `GET /api/users?q&excludeOrganizationId&page&page_size`: creation order, paginated.
/// Logto's console searches with `search`; it is read as `q` too.
pub async fn list(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::page(&query)?;
    let exclude = super::list_filters::exclude_organization(&query)?;
    let q = pagination::search(&query, &["q", "search"])?;
    let found = users::list(&state.store, DEFAULT_TENANT, q, exclude, page).await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        Some(page),
        found,
    ))
}

/// `POST /api/users` → 201; a taken username / email / phone → 422 with Logto's codes.
pub async fn create(
    State(state): State<AppState>,
    Body(input): Body<NewUser>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let user = users::create(&state.store, DEFAULT_TENANT, input, now).await?;
    Ok(Json(user).into_response())
}

pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match users::find(&state.store, DEFAULT_TENANT, &id).await? {
        Some(user) => Ok(Json(user).into_response()),
        None => Err(ApiError::not_exists_with_id("users", &id)),
    }
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(patch): Body<UserPatch>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    match users::update(&state.store, DEFAULT_TENANT, &id, patch, now).await? {
        Some(user) => Ok(Json(user).into_response()),
        None => Err(ApiError::not_exists_with_id("users", &id)),
    }
}

/// `DELETE /api/users/:id` → 204; memberships and roles go with the user.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if users::delete(&state.store, DEFAULT_TENANT, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_exists_with_id("users", &id))
    }
}

/// `GET /api/users/:id/organizations`: every organization of the user with its roles there
/// (no pagination, as Logto); 404 for an unknown user.
pub async fn organizations(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    super::responses::organization_list(&state, MemberKind::User, &id)
        .await?
        .ok_or_else(|| ApiError::not_exists_with_id("users", &id))
}
