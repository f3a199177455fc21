//! Relation routes shared by several resources (Logto's `addRelationRoutes` in
//! `packages/core/src/utils/SchemaRouter.ts`): `POST` adds (201, empty body),
//! `PUT` replaces (204), `DELETE …/:itemId` removes one (204, or 404 `entity.not_found`).

use axum::http::StatusCode;
use serde_json::Value;

use super::bodies;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::storage::relations::Relation;

/// Reads a `POST` body `{ <key>: [...] }` and adds its ids: 201.
pub async fn add(
    state: &AppState,
    tenant: &str,
    rel: &Relation,
    scope: &[&str],
    key: &str,
    body: &Value,
) -> Result<StatusCode, ApiError> {
    let ids = bodies::ids_to_add(body, key)?;
    insert(state, tenant, rel, scope, &ids).await
}

/// Adds ids already read from a body: 201.
pub async fn insert(
    state: &AppState,
    tenant: &str,
    rel: &Relation,
    scope: &[&str],
    ids: &[String],
) -> Result<StatusCode, ApiError> {
    let now = state.clock.now_ms();
    state
        .store
        .relation_add(rel, tenant, scope, ids, now)
        .await?;
    Ok(StatusCode::CREATED)
}

/// Makes the relation exactly ids already read from a body: 204.
pub async fn set(
    state: &AppState,
    tenant: &str,
    rel: &Relation,
    scope: &[&str],
    ids: &[String],
) -> Result<StatusCode, ApiError> {
    let now = state.clock.now_ms();
    state
        .store
        .relation_replace(rel, tenant, scope, ids, now)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn remove(
    state: &AppState,
    tenant: &str,
    rel: &Relation,
    scope: &[&str],
    item: &str,
) -> Result<StatusCode, ApiError> {
    let removed = state
        .store
        .relation_remove(rel, tenant, scope, item)
        .await?;
    super::responses::deleted(removed)
}

/// The `POST`, `PUT` and `DELETE …/:item` handlers of a relation scoped by the path's `{id}`,
/// each named at the call so a handler is found by its name:
///
/// ```text
/// relation_handlers!(
///     ORGANIZATION_ROLE_SCOPES,
///     organization_role_scopes_add(OrganizationRoleScopesAdd),
///     organization_role_scopes_replace(OrganizationRoleScopesReplace),
///     organization_role_scope_remove,
/// );
/// ```
///
/// naming the body types of `POST` and `PUT`. `organization_role_scopes_add(Body, check =
/// path)` adds a check (`async fn(&AppState, tenant, id, ids) -> Result<(), ApiError>`) that
/// runs after the body was read (so a bad body is a 400 first) and before anything is written.
macro_rules! relation_handlers {
    (
        $relation:path,
        $add:ident($add_body:ty $(, check = $add_check:path)?),
        $replace:ident($replace_body:ty $(, check = $replace_check:path)?),
        $remove:ident $(,)?
    ) => {
        /// `POST` `{ <key>: [...] }` → 201 with no body; existing pairs are kept.
        pub async fn $add(
            axum::extract::State(state): axum::extract::State<$crate::state::AppState>,
            $crate::http::tenant::Tenant(tenant): $crate::http::tenant::Tenant,
            axum::extract::Path(id): axum::extract::Path<String>,
            $crate::management_api::bodies::Body(input): $crate::management_api::bodies::Body<
                $add_body,
            >,
        ) -> Result<axum::http::StatusCode, $crate::http::error::ApiError> {
            use $crate::management_api::bodies::IdListBody as _;
            let ids = $crate::domain::relations::ids_to_add(input.into_ids());
            $($add_check(&state, &tenant, &id, &ids).await?;)?
            $crate::management_api::relations::insert(&state, &tenant, &$relation, &[&id], &ids)
                .await
        }

        /// `PUT` `{ <key>: [...] }` → 204; the relation becomes exactly these ids.
        pub async fn $replace(
            axum::extract::State(state): axum::extract::State<$crate::state::AppState>,
            $crate::http::tenant::Tenant(tenant): $crate::http::tenant::Tenant,
            axum::extract::Path(id): axum::extract::Path<String>,
            $crate::management_api::bodies::Body(input): $crate::management_api::bodies::Body<
                $replace_body,
            >,
        ) -> Result<axum::http::StatusCode, $crate::http::error::ApiError> {
            use $crate::management_api::bodies::IdListBody as _;
            let ids = $crate::domain::relations::ids_to_replace(input.into_ids())?;
            $($replace_check(&state, &tenant, &id, &ids).await?;)?
            $crate::management_api::relations::set(&state, &tenant, &$relation, &[&id], &ids).await
        }

        /// `DELETE …/:item` → 204, or 404 `entity.not_found`.
        pub async fn $remove(
            axum::extract::State(state): axum::extract::State<$crate::state::AppState>,
            $crate::http::tenant::Tenant(tenant): $crate::http::tenant::Tenant,
            axum::extract::Path((id, item)): axum::extract::Path<(String, String)>,
        ) -> Result<axum::http::StatusCode, $crate::http::error::ApiError> {
            $crate::management_api::relations::remove(&state, &tenant, &$relation, &[&id], &item)
                .await
        }
    };
}
pub(crate) use relation_handlers;
