//! Relation routes shared by several resources (Logto's `addRelationRoutes` in
//! `packages/core/src/utils/SchemaRouter.ts`): `POST` adds (201, empty body),
//! `PUT` replaces (204), `DELETE …/:itemId` removes one (204, or 404 `entity.not_found`).

use axum::http::StatusCode;
use serde_json::Value;

use super::bodies;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;
use crate::storage::relations::Relation;

/// Reads a `POST` body `{ <key>: [...] }` and adds its ids: 201.
pub async fn add(
    state: &AppState,
    rel: &Relation,
    scope: &[&str],
    key: &str,
    body: &Value,
) -> Result<StatusCode, ApiError> {
    let ids = bodies::ids_to_add(body, key)?;
    insert(state, rel, scope, &ids).await
}

/// Adds ids already read from a body: 201.
pub async fn insert(
    state: &AppState,
    rel: &Relation,
    scope: &[&str],
    ids: &[String],
) -> Result<StatusCode, ApiError> {
    let now = state.clock.now_ms();
    state
        .store
        .relation_add(rel, DEFAULT_TENANT, scope, ids, now)
        .await?;
    Ok(StatusCode::CREATED)
}

/// Makes the relation exactly ids already read from a body: 204.
pub async fn set(
    state: &AppState,
    rel: &Relation,
    scope: &[&str],
    ids: &[String],
) -> Result<StatusCode, ApiError> {
    let now = state.clock.now_ms();
    state
        .store
        .relation_replace(rel, DEFAULT_TENANT, scope, ids, now)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A check of [`relation_handlers!`] that lets every request through.
pub async fn accept(_: &AppState, _: &str, _: &[String]) -> Result<(), ApiError> {
    Ok(())
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
    super::responses::deleted(removed)
}

/// The `POST` / `PUT` / `DELETE …/:item` handlers of a relation scoped by the path's `{id}`,
/// as a module: `relation_handlers!(scopes_of_role, ORGANIZATION_ROLE_SCOPES,
/// OrganizationRoleScopesAdd, OrganizationRoleScopesReplace)`, naming the body types (from
/// `management_api::bodies`) of `POST` and `PUT`. With `add = check, replace = check`, each
/// check (`async fn(&AppState, id, ids)`) runs after the body was read (so a bad body is a 400
/// first) and before anything is written.
macro_rules! relation_handlers {
    ($module:ident, $relation:path, $add_body:ident, $replace_body:ident) => {
        $crate::management_api::relations::relation_handlers!(
            $module,
            $relation,
            $add_body,
            $replace_body,
            add = $crate::management_api::relations::accept,
            replace = $crate::management_api::relations::accept
        );
    };
    (
        $module:ident,
        $relation:path,
        $add_body:ident,
        $replace_body:ident,
        add = $add:path,
        replace = $replace:path
    ) => {
        pub mod $module {
            use axum::extract::{Path, State};
            use axum::http::StatusCode;

            use crate::domain::relations as ids;
            use crate::http::error::ApiError;
            use crate::management_api::bodies::{Body, IdListBody, $add_body, $replace_body};
            use crate::management_api::relations;
            use crate::state::AppState;

            /// `POST` `{ <key>: [...] }` → 201 with no body; existing pairs are kept.
            pub async fn add(
                State(state): State<AppState>,
                Path(id): Path<String>,
                Body(input): Body<$add_body>,
            ) -> Result<StatusCode, ApiError> {
                let ids = ids::ids_to_add(input.into_ids());
                $add(&state, &id, &ids).await?;
                relations::insert(&state, &$relation, &[&id], &ids).await
            }

            /// `PUT` `{ <key>: [...] }` → 204; the relation becomes exactly these ids.
            pub async fn replace(
                State(state): State<AppState>,
                Path(id): Path<String>,
                Body(input): Body<$replace_body>,
            ) -> Result<StatusCode, ApiError> {
                let ids = ids::ids_to_replace(input.into_ids())?;
                $replace(&state, &id, &ids).await?;
                relations::set(&state, &$relation, &[&id], &ids).await
            }

            /// `DELETE …/:item` → 204, or 404 `entity.not_found`.
            pub async fn remove(
                State(state): State<AppState>,
                Path((id, item)): Path<(String, String)>,
            ) -> Result<StatusCode, ApiError> {
                relations::remove(&state, &$relation, &[&id], &item).await
            }
        }
    };
}
pub(crate) use relation_handlers;
