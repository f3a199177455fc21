//! The handlers of `/api/resources` and `/api/resources/:id/scopes` (Logto's API resources and
//! permissions).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::resources::{
    self, NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
};
use crate::http::error::ApiError;
use crate::http::extract::query_flag;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::{self, Found};
use crate::state::AppState;

/// `GET /api/resources?includeScopes&page&page_size` (pagination optional).
pub async fn resources_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let response = if query_flag(list.query.get("includeScopes")) {
        let found = resources::list_with_scopes(&state.store, &tenant, page).await?;
        list.respond(page, found)
    } else {
        let found = resources::list(&state.store, &tenant, page).await?;
        list.respond(page, found)
    };
    Ok(response)
}

/// `POST /api/resources` → 201 with `scopes: []`; a taken indicator → 422.
pub async fn resource_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewResource>,
) -> Result<Response, ApiError> {
    let resource = resources::create(&state.store, &tenant, input).await?;
    let created = app::model::ResourceWithScopes {
        resource,
        scopes: Vec::new(),
    };
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

pub async fn resource_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = resources::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("resources", &id)?).into_response())
}

pub async fn resource_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<ResourcePatch>,
) -> Result<Response, ApiError> {
    let found = resources::update(&state.store, &tenant, &id, patch).await?;
    Ok(Json(found.or_missing("resources", &id)?).into_response())
}

/// `PATCH /api/resources/:id/is-default` → 200 with the resource, 404 for an unknown one.
pub async fn resource_set_default(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(change): Body<ResourceIsDefaultPatch>,
) -> Result<Response, ApiError> {
    let found = resources::set_default(&state.store, &tenant, &id, change).await?;
    Ok(Json(found.or_missing("resources", &id)?).into_response())
}

pub async fn resource_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let removed = resources::delete(&state.store, &tenant, &id).await?;
    responses::deleted_by_id(removed, "resources", &id)
}

/// `GET /api/resources/:id/scopes?q&page&page_size` (pagination mandatory, by name).
pub async fn resource_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q", "search"])?;
    let found = resources::scopes(&state.store, &tenant, &id, q, Some(page))
        .await?
        .or_missing("resources", &id)?;
    Ok(list.respond(Some(page), found))
}

pub async fn resource_scope_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<NewResourceScope>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let found = resources::create_scope(&state.store, &tenant, &id, input, now).await?;
    Ok((
        StatusCode::CREATED,
        Json(found.or_missing("resources", &id)?),
    )
        .into_response())
}

pub async fn resource_scope_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, scope)): Path<(String, String)>,
    Body(patch): Body<ResourceScopePatch>,
) -> Result<Response, ApiError> {
    let found = resources::update_scope(&state.store, &tenant, &id, &scope, patch).await?;
    Ok(Json(found.or_missing("scopes", &scope)?).into_response())
}

pub async fn resource_scope_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, scope)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(resources::delete_scope(&state.store, &tenant, &id, &scope).await?)
}
