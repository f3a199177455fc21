//! The handlers of `/api/organizations` (Logto's `packages/core/src/routes/organization/index.ts`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::organizations::{self, NewOrganization, OrganizationPatch};
use crate::http::error::ApiError;
use crate::http::extract::query_flag;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::{self, Found};
use crate::state::AppState;

/// `GET /api/organizations?q&showFeatured&page&page_size`: creation order; paginated.
pub async fn organizations_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q"])?;
    let found = organizations::list(&state.store, &tenant, q, page).await?;
    if !query_flag(list.query.get("showFeatured")) {
        return Ok(list.respond(Some(page), found));
    }
    let items = organizations::with_featured(&state.store, &tenant, found.items).await?;
    let found = crate::storage::Paged {
        items,
        total: found.total,
    };
    Ok(list.respond(Some(page), found))
}

/// `POST /api/organizations` → 201 with the organization.
pub async fn organization_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewOrganization>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let org = organizations::create(&state.store, &tenant, input, now).await?;
    Ok((StatusCode::CREATED, Json(org)).into_response())
}

/// `GET /api/organizations/:id` → 200, or 404 `entity.not_exists_with_id`.
pub async fn organization_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = organizations::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("organizations", &id)?).into_response())
}

/// `PATCH /api/organizations/:id` → 200 with the result, 404 `entity.not_exists`.
pub async fn organization_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<OrganizationPatch>,
) -> Result<Response, ApiError> {
    match organizations::update(&state.store, &tenant, &id, patch).await? {
        Some(entity) => Ok(Json(entity).into_response()),
        None => Err(ApiError::not_exists("organization")),
    }
}

/// `DELETE /api/organizations/:id` → 204, 404 `entity.not_found`. Relations cascade.
pub async fn organization_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(organizations::delete(&state.store, &tenant, &id).await?)
}
