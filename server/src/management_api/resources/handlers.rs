//! The handlers of `/api/resources` and `/api/resources/:id/scopes` (Logto's API resources and
//! permissions).

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::resources::{
    self, NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
};
use crate::http::error::ApiError;
use crate::http::extract::{QueryPairs, query_flag};
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::{pagination, responses};
use crate::state::AppState;

/// `GET /api/resources?includeScopes&page&page_size` (pagination optional).
pub async fn resources_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let response = if query_flag(query.get("includeScopes")) {
        let found = resources::list_with_scopes(&state.store, &tenant, page).await?;
        pagination::list_response(&state.public_url, &uri, &query, page, found)
    } else {
        let found = resources::list(&state.store, &tenant, page).await?;
        pagination::list_response(&state.public_url, &uri, &query, page, found)
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
    match resources::find(&state.store, &tenant, &id).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

pub async fn resource_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<ResourcePatch>,
) -> Result<Response, ApiError> {
    match resources::update(&state.store, &tenant, &id, patch).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

/// `PATCH /api/resources/:id/is-default` → 200 with the resource, 404 for an unknown one.
pub async fn resource_set_default(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(change): Body<ResourceIsDefaultPatch>,
) -> Result<Response, ApiError> {
    match resources::set_default(&state.store, &tenant, &id, change).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

pub async fn resource_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if resources::delete(&state.store, &tenant, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_exists_with_id("resources", &id))
    }
}

/// `GET /api/resources/:id/scopes?q&page&page_size` (pagination mandatory, by name).
pub async fn resource_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::page(&query)?;
    let q = pagination::search(&query, &["q", "search"])?;
    let found = resources::scopes(&state.store, &tenant, &id, q, Some(page))
        .await?
        .ok_or_else(|| ApiError::not_exists_with_id("resources", &id))?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        Some(page),
        found,
    ))
}

pub async fn resource_scope_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<NewResourceScope>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    match resources::create_scope(&state.store, &tenant, &id, input, now).await? {
        Some(scope) => Ok((StatusCode::CREATED, Json(scope)).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

pub async fn resource_scope_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, scope)): Path<(String, String)>,
    Body(patch): Body<ResourceScopePatch>,
) -> Result<Response, ApiError> {
    match resources::update_scope(&state.store, &tenant, &id, &scope, patch).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("scopes", &scope)),
    }
}

pub async fn resource_scope_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, scope)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(resources::delete_scope(&state.store, &tenant, &id, &scope).await?)
}
