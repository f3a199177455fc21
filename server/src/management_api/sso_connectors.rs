//! `/api/sso-connectors`, a minimal version of Logto's
//! `packages/core/src/routes/sso-connector/index.ts`: create / get / list / patch / delete;
//! secrets never echoed.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::Body;
use super::pagination;
use crate::domain::DomainError;
use crate::domain::sso_connectors::{self, NewSsoConnector, SsoConnectorPatch};
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, StorageError};

/// Logto's answer to a taken connector name.
fn named(err: DomainError) -> ApiError {
    match err {
        DomainError::Storage(StorageError::UniqueViolation) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "single_sign_on.duplicate_connector_name",
            "Connector name already exists.",
        ),
        other => other.into(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let found = sso_connectors::list(&state.store, DEFAULT_TENANT, page).await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        page,
        found,
    ))
}

/// `POST /api/sso-connectors` `{ providerName, connectorName, config?, domains?, … }` → 201.
pub async fn create(
    State(state): State<AppState>,
    Body(input): Body<NewSsoConnector>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let created = sso_connectors::create(&state.store, DEFAULT_TENANT, input, now)
        .await
        .map_err(named)?;
    Ok(Json(created).into_response())
}

pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match sso_connectors::find(&state.store, DEFAULT_TENANT, &id).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("sso_connectors", &id)),
    }
}

/// `PATCH /api/sso-connectors/:id`: `config` merges key by key.
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(patch): Body<SsoConnectorPatch>,
) -> Result<Response, ApiError> {
    match sso_connectors::update(&state.store, DEFAULT_TENANT, &id, patch)
        .await
        .map_err(named)?
    {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::not_exists_with_id("sso_connectors", &id)),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    super::responses::deleted(sso_connectors::delete(&state.store, DEFAULT_TENANT, &id).await?)
}
