//! `/api/organization-scopes` (Logto's `packages/core/src/routes/organization-scope/index.ts`).
//! All routes: Management API token with scope `all`.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::Body;
use super::pagination;
use crate::domain::organization_scopes::{self, NewOrganizationScope, OrganizationScopePatch};
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// `GET /api/organization-scopes?q&page&page_size`: by name; pagination optional.
pub async fn organization_scopes_list(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let q = pagination::search(&query, &["q"])?;
    let found = organization_scopes::list(&state.store, DEFAULT_TENANT, q, page).await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        page,
        found,
    ))
}

/// `POST /api/organization-scopes` `{ name, description? }` → 201; a taken name → 422.
pub async fn organization_scope_create(
    State(state): State<AppState>,
    Body(input): Body<NewOrganizationScope>,
) -> Result<Response, ApiError> {
    let scope = organization_scopes::create(&state.store, DEFAULT_TENANT, input).await?;
    Ok((StatusCode::CREATED, Json(scope)).into_response())
}

/// `GET /api/organization-scopes/:id` → 200, or 404 `entity.not_exists_with_id`.
pub async fn organization_scope_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match organization_scopes::find(&state.store, DEFAULT_TENANT, &id).await? {
        Some(entity) => Ok(Json(entity).into_response()),
        None => Err(ApiError::not_exists_with_id("organization_scopes", &id)),
    }
}

/// `PATCH /api/organization-scopes/:id` → 200; a taken name → 422; 404 `entity.not_exists`.
pub async fn organization_scope_update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(patch): Body<OrganizationScopePatch>,
) -> Result<Response, ApiError> {
    match organization_scopes::update(&state.store, DEFAULT_TENANT, &id, patch).await? {
        Some(entity) => Ok(Json(entity).into_response()),
        None => Err(ApiError::not_exists("organization scope")),
    }
}

/// `DELETE /api/organization-scopes/:id` → 204, 404 `entity.not_found`.
pub async fn organization_scope_delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    super::responses::deleted(organization_scopes::delete(&state.store, DEFAULT_TENANT, &id).await?)
}
