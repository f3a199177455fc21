//! The handlers of `/api/users/:id/roles` and `/api/applications/:id/roles`: one set of
//! operations over [`Holder`], named per path.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::{RolesAssign, RolesReplace, RolesSet};
use crate::domain::role_grants::{self, Holder};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::{Body, IdListBody};
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::state::AppState;

async fn list(
    state: &AppState,
    tenant: &str,
    holder: Holder,
    id: &str,
    list: &ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q", "search"])?;
    let found = role_grants::list(&state.store, tenant, holder, id, q, page)
        .await?
        .or_missing(holder.table(), id)?;
    Ok(list.respond(Some(page), found))
}

async fn add(
    state: &AppState,
    tenant: &str,
    holder: Holder,
    id: &str,
    input: RolesAssign,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let added = role_grants::add(&state.store, tenant, holder, id, input.into_ids(), now)
        .await?
        .or_missing(holder.table(), id)?;
    Ok((StatusCode::CREATED, Json(added)).into_response())
}

async fn replace(
    state: &AppState,
    tenant: &str,
    holder: Holder,
    id: &str,
    input: RolesReplace,
) -> Result<Vec<String>, ApiError> {
    let now = state.clock.now_ms();
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    let ids = input.into_ids();
    role_grants::replace(&state.store, tenant, holder, id, ids, bootstrap, now)
        .await?
        .or_missing(holder.table(), id)
}

async fn remove(
    state: &AppState,
    tenant: &str,
    holder: Holder,
    id: &str,
    role_id: &str,
) -> Result<StatusCode, ApiError> {
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    match role_grants::remove(&state.store, tenant, holder, id, role_id, bootstrap).await? {
        Some(true) => Ok(StatusCode::NO_CONTENT),
        Some(false) => Err(ApiError::not_found()),
        None => Err(ApiError::not_exists_with_id(holder.table(), id)),
    }
}

/// `GET /api/users/:id/roles?q&page&page_size`: the user's roles by name.
pub async fn user_roles_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    self::list(&state, &tenant, Holder::User, &id, &list).await
}

/// `POST /api/users/:id/roles` `{ roleIds }` → 201 `{ roleIds, addedRoleIds }`; a
/// machine-to-machine role → 422 `user.invalid_role_type`.
pub async fn user_roles_add(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<RolesAssign>,
) -> Result<Response, ApiError> {
    add(&state, &tenant, Holder::User, &id, input).await
}

/// `PUT /api/users/:id/roles` `{ roleIds }` → 200 `{ roleIds }`.
pub async fn user_roles_replace(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<RolesReplace>,
) -> Result<Json<RolesSet>, ApiError> {
    let role_ids = replace(&state, &tenant, Holder::User, &id, input).await?;
    Ok(Json(RolesSet { role_ids }))
}

/// `DELETE /api/users/:id/roles/:roleId` → 204, or 404 `entity.not_found`.
pub async fn user_role_remove(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, role_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    remove(&state, &tenant, Holder::User, &id, &role_id).await
}

/// `GET /api/applications/:id/roles?q&page&page_size`: a machine-to-machine app's roles.
pub async fn application_roles_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    self::list(&state, &tenant, Holder::Application, &id, &list).await
}

/// `POST /api/applications/:id/roles` `{ roleIds }` → 201 `{ roleIds, addedRoleIds }`; an app
/// that is not machine-to-machine → 422 `application.invalid_type`, a User role → 422
/// `application.invalid_role_type`.
pub async fn application_roles_add(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<RolesAssign>,
) -> Result<Response, ApiError> {
    add(&state, &tenant, Holder::Application, &id, input).await
}

/// `PUT /api/applications/:id/roles` `{ roleIds }` → 200 with no body, as Logto.
pub async fn application_roles_replace(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<RolesReplace>,
) -> Result<StatusCode, ApiError> {
    replace(&state, &tenant, Holder::Application, &id, input).await?;
    Ok(StatusCode::OK)
}

/// `DELETE /api/applications/:id/roles/:roleId` → 204, or 404 `entity.not_found`; the
/// bootstrap credential keeps the Management API access role.
pub async fn application_role_remove(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, role_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    remove(&state, &tenant, Holder::Application, &id, &role_id).await
}
