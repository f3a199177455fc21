//! Relation routes shared by several resources (spec §2.0): `POST` adds (201, empty body),
//! `PUT` replaces (204), `DELETE …/:itemId` removes one (204, or 404 `entity.not_found`).

use axum::http::StatusCode;
use serde_json::Value;

use crate::domain::relations;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;
use crate::storage::relations::Relation;

pub async fn add(
    state: &AppState,
    rel: &Relation,
    scope: &[&str],
    key: &str,
    body: &Value,
) -> Result<StatusCode, ApiError> {
    let ids = relations::ids_to_add(body, key)?;
    let now = state.clock.now_ms();
    state
        .store
        .relation_add(rel, DEFAULT_TENANT, scope, &ids, now)
        .await?;
    Ok(StatusCode::CREATED)
}

pub async fn replace(
    state: &AppState,
    rel: &Relation,
    scope: &[&str],
    key: &str,
    body: &Value,
) -> Result<StatusCode, ApiError> {
    let ids = relations::ids_to_replace(body, key)?;
    let now = state.clock.now_ms();
    state
        .store
        .relation_replace(rel, DEFAULT_TENANT, scope, &ids, now)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn remove(
    state: &AppState,
    rel: &Relation,
    scope: &[&str],
    item: &str,
) -> Result<StatusCode, ApiError> {
    let removed = state
        .store
        .relation_remove(rel, DEFAULT_TENANT, scope, item)
        .await?;
    super::deleted(removed)
}
