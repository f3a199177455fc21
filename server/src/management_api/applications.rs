//! `/api/applications`: what the organization features need of Logto's
//! `packages/core/src/routes/applications/application.ts`. All routes: Management API token
//! with `all`.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::Body;
use super::pagination;
use crate::domain::applications::{self, ApplicationPatch, NewApplication};
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, MemberKind};

/// `GET /api/applications?q&types&excludeOrganizationId&page&page_size`: creation order; pagination optional.
/// `types` may repeat or hold a comma-separated list.
pub async fn applications_list(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let q = pagination::search(&query, &["q"])?;
    let types: Vec<String> = query
        .all("types")
        .flat_map(|t| t.split(','))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    if let Some(bad) = types
        .iter()
        .find(|t| !app::model::APPLICATION_TYPES.contains(&t.as_str()))
    {
        return Err(ApiError::invalid_input(
            "query",
            &[format!(
                "Error in key path \"types\": (invalid_enum_value) Invalid enum value '{bad}'"
            )],
        ));
    }
    let exclude = super::list_filters::exclude_organization(&query)?;
    let found = applications::list(&state.store, DEFAULT_TENANT, q, &types, exclude, page).await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        page,
        found,
    ))
}

/// `POST /api/applications` `{ name, type, description?, oidcClientMetadata?,
/// customClientMetadata?, customData?, isThirdParty? }` → 201 with the app and, for
/// confidential types, its `secret` (shown only here).
pub async fn application_create(
    State(state): State<AppState>,
    Body(input): Body<NewApplication>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let created = applications::create(&state.store, DEFAULT_TENANT, input, false, now).await?;
    Ok(Json(created).into_response())
}

/// `GET /api/applications/:id` → 200, or 404 `entity.not_exists_with_id`.
pub async fn application_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match applications::find(&state.store, DEFAULT_TENANT, &id).await? {
        Some(entity) => Ok(Json(entity).into_response()),
        None => Err(ApiError::not_exists_with_id("applications", &id)),
    }
}

/// `PATCH /api/applications/:id` → 200 with the app, 404 `entity.not_exists_with_id`.
pub async fn application_patch(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(patch): Body<ApplicationPatch>,
) -> Result<Response, ApiError> {
    match applications::update(&state.store, DEFAULT_TENANT, &id, patch).await? {
        Some(entity) => Ok(Json(entity).into_response()),
        None => Err(ApiError::not_exists_with_id("applications", &id)),
    }
}

/// `DELETE /api/applications/:id` → 204, 404 `entity.not_found`.
pub async fn application_delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    super::responses::deleted(
        applications::delete(&state.store, DEFAULT_TENANT, &id, bootstrap).await?,
    )
}

/// `GET /api/applications/:id/organizations` (pagination optional); 404 for an unknown app.
pub async fn application_organizations(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    if page.is_none() {
        return super::responses::organization_list(&state, MemberKind::Application, &id)
            .await?
            .ok_or_else(|| ApiError::not_exists_with_id("applications", &id));
    }
    if applications::find(&state.store, DEFAULT_TENANT, &id)
        .await?
        .is_none()
    {
        return Err(ApiError::not_exists_with_id("applications", &id));
    }
    let found = crate::domain::members::organizations_of(
        &state.store,
        MemberKind::Application,
        DEFAULT_TENANT,
        &id,
        page,
    )
    .await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        page,
        found,
    ))
}
