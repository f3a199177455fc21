//! `/api/resources` and `/api/resources/:id/scopes` (Logto's API resources and permissions).

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::Body;
use super::pagination;
use crate::domain::resources::{
    self, NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
};
use crate::http::error::ApiError;
use crate::http::extract::{QueryPairs, query_flag};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// `GET /api/resources?includeScopes&page&page_size` (pagination optional).
pub async fn list(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let response = if query_flag(query.get("includeScopes")) {
        let found = resources::list_with_scopes(&state.store, DEFAULT_TENANT, page).await?;
        pagination::list_response(&state.public_url, &uri, &query, page, found)
    } else {
        let found = resources::list(&state.store, DEFAULT_TENANT, page).await?;
        pagination::list_response(&state.public_url, &uri, &query, page, found)
    };
    Ok(response)
}

/// `POST /api/resources` → 201 with `scopes: []`; a taken indicator → 422.
pub async fn create(
    State(state): State<AppState>,
    Body(input): Body<NewResource>,
) -> Result<Response, ApiError> {
    let resource = resources::create(&state.store, DEFAULT_TENANT, input).await?;
    let created = app::model::ResourceWithScopes {
        resource,
        scopes: Vec::new(),
    };
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match resources::find(&state.store, DEFAULT_TENANT, &id).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(patch): Body<ResourcePatch>,
) -> Result<Response, ApiError> {
    match resources::update(&state.store, DEFAULT_TENANT, &id, patch).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

/// `PATCH /api/resources/:id/is-default` → 200 with the resource, 404 for an unknown one.
pub async fn set_default(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(change): Body<ResourceIsDefaultPatch>,
) -> Result<Response, ApiError> {
    match resources::set_default(&state.store, DEFAULT_TENANT, &id, change).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if resources::delete(&state.store, DEFAULT_TENANT, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_exists_with_id("resources", &id))
    }
}

/// `GET /api/resources/:id/scopes?q&page&page_size` (pagination mandatory, by name).
pub async fn scopes(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::page(&query)?;
    let q = pagination::search(&query, &["q", "search"])?;
    let found = resources::scopes(&state.store, DEFAULT_TENANT, &id, q, Some(page))
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

pub async fn scope_create(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(input): Body<NewResourceScope>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    match resources::create_scope(&state.store, DEFAULT_TENANT, &id, input, now).await? {
        Some(scope) => Ok((StatusCode::CREATED, Json(scope)).into_response()),
        None => Err(ApiError::not_exists_with_id("resources", &id)),
    }
}

pub async fn scope_update(
    State(state): State<AppState>,
    Path((id, scope)): Path<(String, String)>,
    Body(patch): Body<ResourceScopePatch>,
) -> Result<Response, ApiError> {
    match resources::update_scope(&state.store, DEFAULT_TENANT, &id, &scope, patch).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("scopes", &scope)),
    }
}

pub async fn scope_delete(
    State(state): State<AppState>,
    Path((id, scope)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    super::responses::deleted(
        resources::delete_scope(&state.store, DEFAULT_TENANT, &id, &scope).await?,
    )
}
