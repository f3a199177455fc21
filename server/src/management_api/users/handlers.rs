//! The handlers of `/api/users` (what the organization features need of Logto's
//! `packages/core/src/routes/admin-user/basics.ts`) and `/api/users/:id/organizations` (Logto's
//! `packages/core/src/routes/admin-user/organization.ts`).

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::users::{self, NewUser, UserPatch};
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::{list_filters, pagination, responses};
use crate::state::AppState;
use crate::storage::MemberKind;

/// `GET /api/users?q&excludeOrganizationId&page&page_size`: creation order, paginated.
/// Logto's console searches with `search`; it is read as `q` too.
pub async fn users_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::page(&query)?;
    let exclude = list_filters::exclude_organization(&query)?;
    let q = pagination::search(&query, &["q", "search"])?;
    let found = users::list(&state.store, &tenant, q, exclude, page).await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        Some(page),
        found,
    ))
}

/// `POST /api/users` → 201; a taken username / email / phone → 422 with Logto's codes.
pub async fn user_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewUser>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let user = users::create(&state.store, &tenant, input, now).await?;
    Ok(Json(user).into_response())
}

pub async fn user_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match users::find(&state.store, &tenant, &id).await? {
        Some(user) => Ok(Json(user).into_response()),
        None => Err(ApiError::not_exists_with_id("users", &id)),
    }
}

pub async fn user_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<UserPatch>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    match users::update(&state.store, &tenant, &id, patch, now).await? {
        Some(user) => Ok(Json(user).into_response()),
        None => Err(ApiError::not_exists_with_id("users", &id)),
    }
}

/// `DELETE /api/users/:id` → 204; memberships and roles go with the user.
pub async fn user_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if users::delete(&state.store, &tenant, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_exists_with_id("users", &id))
    }
}

/// `GET /api/users/:id/organizations`: every organization of the user with its roles there
/// (no pagination, as Logto); 404 for an unknown user.
pub async fn user_organizations_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    responses::organization_list(&state, &tenant, MemberKind::User, &id)
        .await?
        .ok_or_else(|| ApiError::not_exists_with_id("users", &id))
}
