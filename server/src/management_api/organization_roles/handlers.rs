//! The handlers of `/api/organization-roles` (Logto's
//! `packages/core/src/routes/organization-role/index.ts`) and its `/scopes` and
//! `/resource-scopes` relations.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::{
    OrganizationRoleResourceScopesAdd, OrganizationRoleResourceScopesReplace,
    OrganizationRoleScopesAdd, OrganizationRoleScopesReplace,
};
use crate::domain::organization_roles::{self, NewOrganizationRole, OrganizationRolePatch};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::pagination::ListRequest;
use crate::management_api::{relations, responses};
use crate::state::AppState;
use crate::storage::relations::{ORGANIZATION_ROLE_RESOURCE_SCOPES, ORGANIZATION_ROLE_SCOPES};

/// `GET /api/organization-roles?q&type&page&page_size`: by name, with permissions.
pub async fn organization_roles_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q"])?;
    let role_type = list.query.get("type");
    if let Some(line) = role_type.and_then(organization_roles::type_issue) {
        return Err(ApiError::invalid_input("query", &[line]));
    }
    let found = organization_roles::list(&state.store, &tenant, q, role_type, Some(page)).await?;
    Ok(list.respond(Some(page), found))
}

/// `POST /api/organization-roles` → 201 plain role; permissions are added in the same
/// transaction (an unknown one → 422 and no role).
pub async fn organization_role_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewOrganizationRole>,
) -> Result<Response, ApiError> {
    let role = organization_roles::create(&state.store, &tenant, input).await?;
    Ok((StatusCode::CREATED, Json(role)).into_response())
}

/// `GET /api/organization-roles/:id` → 200 plain role, or 404 `entity.not_found`.
pub async fn organization_role_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match organization_roles::find(&state.store, &tenant, &id).await? {
        Some(role) => Ok(Json(role).into_response()),
        None => Err(ApiError::not_found()),
    }
}

/// `PATCH /api/organization-roles/:id` `{ name?, description?, type? }`.
pub async fn organization_role_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<OrganizationRolePatch>,
) -> Result<Response, ApiError> {
    match organization_roles::update(&state.store, &tenant, &id, patch).await? {
        Some(role) => Ok(Json(role).into_response()),
        None => Err(ApiError::not_exists("organization role")),
    }
}

pub async fn organization_role_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(organization_roles::delete(&state.store, &tenant, &id).await?)
}

/// `GET /api/organization-roles/:id/scopes`: pagination optional.
pub async fn organization_role_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let found = organization_roles::scopes(&state.store, &tenant, &id, page)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(list.respond(page, found))
}

/// `GET /api/organization-roles/:id/resource-scopes`: pagination optional.
pub async fn organization_role_resource_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let found = organization_roles::resource_scopes(&state.store, &tenant, &id, page)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(list.respond(page, found))
}

relations::relation_handlers!(
    ORGANIZATION_ROLE_SCOPES,
    organization_role_scopes_add(OrganizationRoleScopesAdd),
    organization_role_scopes_replace(OrganizationRoleScopesReplace),
    organization_role_scope_remove,
);

/// Management API permissions are refused on every route that adds API permissions to a role.
async fn no_management_api_scopes(
    state: &AppState,
    tenant: &str,
    _role: &str,
    ids: &[String],
) -> Result<(), ApiError> {
    Ok(organization_roles::refuse_management_api_scopes(&state.store, tenant, ids).await?)
}

relations::relation_handlers!(
    ORGANIZATION_ROLE_RESOURCE_SCOPES,
    organization_role_resource_scopes_add(
        OrganizationRoleResourceScopesAdd,
        check = no_management_api_scopes
    ),
    organization_role_resource_scopes_replace(
        OrganizationRoleResourceScopesReplace,
        check = no_management_api_scopes
    ),
    organization_role_resource_scope_remove,
);
