//! The handlers of `/api/applications`: what the organization features need of Logto's
//! `packages/core/src/routes/applications/application.ts`, and the application's organizations
//! (`packages/core/src/routes/applications/application-organization.ts`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::applications::{self, ApplicationPatch, NewApplication};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::management_api::{list_filters, responses};
use crate::state::AppState;
use crate::storage::MemberKind;

/// `GET /api/applications?q&types&excludeOrganizationId&page&page_size`: creation order; pagination optional.
/// `types` may repeat or hold a comma-separated list.
pub async fn applications_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let q = list.search(&["q"])?;
    let types: Vec<String> = list
        .query
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
    let exclude = list_filters::exclude_organization(&list.query)?;
    let found = applications::list(&state.store, &tenant, q, &types, exclude, page).await?;
    Ok(list.respond(page, found))
}

/// `POST /api/applications` `{ name, type, description?, oidcClientMetadata?,
/// customClientMetadata?, customData?, isThirdParty? }` → 201 with the app and, for
/// confidential types, its `secret` (shown only here).
pub async fn application_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewApplication>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let created = applications::create(&state.store, &tenant, input, false, now).await?;
    // A confidential app's secret is in this answer only: no cache may keep it.
    Ok((super::secrets::NO_STORE, Json(created)).into_response())
}

/// `GET /api/applications/:id` → 200, or 404 `entity.not_exists_with_id`.
pub async fn application_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = applications::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("applications", &id)?).into_response())
}

/// `PATCH /api/applications/:id` → 200 with the app, 404 `entity.not_exists_with_id`.
pub async fn application_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<ApplicationPatch>,
) -> Result<Response, ApiError> {
    let found = applications::update(&state.store, &tenant, &id, patch).await?;
    Ok(Json(found.or_missing("applications", &id)?).into_response())
}

/// `DELETE /api/applications/:id` → 204, 404 `entity.not_found`.
pub async fn application_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    responses::deleted(applications::delete(&state.store, &tenant, &id, bootstrap).await?)
}

/// `GET /api/applications/:id/organizations` (pagination optional); 404 for an unknown app.
pub async fn application_organizations_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    if page.is_none() {
        return responses::organization_list(&state, &tenant, MemberKind::Application, &id)
            .await?
            .or_missing("applications", &id);
    }
    if applications::find(&state.store, &tenant, &id)
        .await?
        .is_none()
    {
        return Err(ApiError::not_exists_with_id("applications", &id));
    }
    let found = crate::domain::members::organizations_of(
        &state.store,
        MemberKind::Application,
        &tenant,
        &id,
        page,
    )
    .await?;
    Ok(list.respond(page, found))
}
