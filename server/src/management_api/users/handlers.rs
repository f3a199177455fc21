//! The handlers of `/api/users` (what the organization features need of Logto's
//! `packages/core/src/routes/admin-user/basics.ts`) and `/api/users/:id/organizations` (Logto's
//! `packages/core/src/routes/admin-user/organization.ts`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::users::{self, NewUser, UserPatch};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::management_api::{list_filters, responses};
use crate::state::AppState;
use crate::storage::MemberKind;

/// `GET /api/users?q&excludeOrganizationId&page&page_size`: creation order, paginated.
/// Logto's console searches with `search`; it is read as `q` too.
pub async fn users_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let exclude = list_filters::exclude_organization(&list.query)?;
    let q = list.search(&["q", "search"])?;
    let found = users::list(&state.store, &tenant, q, exclude, page).await?;
    Ok(list.respond(Some(page), found))
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
    let found = users::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("users", &id)?).into_response())
}

pub async fn user_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<UserPatch>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let found = users::update(&state.store, &tenant, &id, patch, now).await?;
    Ok(Json(found.or_missing("users", &id)?).into_response())
}

/// `DELETE /api/users/:id` → 204; memberships and roles go with the user.
pub async fn user_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let removed = users::delete(&state.store, &tenant, &id).await?;
    responses::deleted_by_id(removed, "users", &id)
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
        .or_missing("users", &id)
}
