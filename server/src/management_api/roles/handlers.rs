//! The handlers of `/api/roles` (global roles) with their permissions, users and applications.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::roles::{self, NewRole, RolePatch};
use crate::http::error::ApiError;
use crate::http::extract::JsonBody;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::{self, Body};
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::management_api::{relations, responses};
use crate::state::AppState;
use crate::storage::RoleFilter;
use crate::storage::relations::{ROLE_APPLICATIONS, ROLE_SCOPES, ROLE_USERS};

async fn require_role(
    state: &AppState,
    tenant: &str,
    id: &str,
) -> Result<app::model::Role, ApiError> {
    roles::find(&state.store, tenant, id)
        .await?
        .or_missing("roles", id)
}

/// `GET /api/roles?q&type&excludeUserId&excludeApplicationId&page&page_size`: by name, each
/// role with `usersCount`, `featuredUsers`, `applicationsCount` and `featuredApplications`.
pub async fn roles_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q", "search"])?;
    let filter = RoleFilter {
        q,
        role_type: list
            .query
            .get("type")
            .filter(|t| app::model::ORGANIZATION_ROLE_TYPES.contains(t)),
        exclude_user: list.query.get("excludeUserId").filter(|v| !v.is_empty()),
        exclude_application: list
            .query
            .get("excludeApplicationId")
            .filter(|v| !v.is_empty()),
        ..RoleFilter::default()
    };
    let found = roles::list(&state.store, &tenant, &filter, page).await?;
    Ok(list.respond(Some(page), found))
}

pub async fn role_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewRole>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let role = roles::create(&state.store, &tenant, input, now).await?;
    Ok(Json(role).into_response())
}

pub async fn role_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = roles::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("roles", &id)?).into_response())
}

pub async fn role_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<RolePatch>,
) -> Result<Response, ApiError> {
    let found = roles::update(&state.store, &tenant, &id, patch).await?;
    Ok(Json(found.or_missing("roles", &id)?).into_response())
}

pub async fn role_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_role(&state, &tenant, &id).await?;
    responses::deleted(roles::delete(&state.store, &tenant, &id).await?)
}

pub async fn role_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_role(&state, &tenant, &id).await?;
    Ok(Json(roles::scopes(&state.store, &tenant, &id).await?).into_response())
}

/// `POST /api/roles/:id/scopes` `{ scopeIds }` → 201 with the permissions just granted.
pub async fn role_scopes_add(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let role = require_role(&state, &tenant, &id).await?;
    let ids = bodies::ids_to_add(&body, "scopeIds")?;
    roles::check_scope_assignment(&state.store, &tenant, &role.role_type, &ids).await?;
    let now = state.clock.now_ms();
    state
        .store
        .relation_add(&ROLE_SCOPES, &tenant, &[&id], &ids, now)
        .await?;
    let added: Vec<_> = roles::scopes(&state.store, &tenant, &id)
        .await?
        .into_iter()
        .filter(|s| ids.contains(&s.id))
        .collect();
    Ok((StatusCode::CREATED, Json(added)).into_response())
}

pub async fn role_scope_remove(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, scope)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    roles::check_scope_removal(&id, &scope)?;
    relations::remove(&state, &tenant, &ROLE_SCOPES, &[&id], &scope).await
}

pub async fn role_users_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    require_role(&state, &tenant, &id).await?;
    let found = roles::users(&state.store, &tenant, &id, page).await?;
    Ok(list.respond(Some(page), found))
}

/// `POST /api/roles/:id/users` `{ userIds }` → 201; an M2M role → 422.
pub async fn role_users_add(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<StatusCode, ApiError> {
    require_role(&state, &tenant, &id).await?;
    relations::add(&state, &tenant, &ROLE_USERS, &[&id], "userIds", &body).await
}

pub async fn role_user_remove(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, user)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    relations::remove(&state, &tenant, &ROLE_USERS, &[&id], &user).await
}

pub async fn role_applications_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    require_role(&state, &tenant, &id).await?;
    let found = roles::applications(&state.store, &tenant, &id, page).await?;
    Ok(list.respond(Some(page), found))
}

/// `POST /api/roles/:id/applications` `{ applicationIds }` → 201; a User role or a non-M2M
/// application → 422.
pub async fn role_applications_add(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<StatusCode, ApiError> {
    require_role(&state, &tenant, &id).await?;
    relations::add(
        &state,
        &tenant,
        &ROLE_APPLICATIONS,
        &[&id],
        "applicationIds",
        &body,
    )
    .await
}

pub async fn role_application_remove(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, application)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    roles::check_application_removal(&id, &application, bootstrap)?;
    relations::remove(&state, &tenant, &ROLE_APPLICATIONS, &[&id], &application).await
}
