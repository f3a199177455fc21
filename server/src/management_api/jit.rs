//! `/api/organizations/:id/jit/…` (spec §2.6): email domains, default roles, SSO connectors.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{pagination, relations};
use crate::domain::{jit, organization_roles, organizations, sso_connectors};
use crate::http::error::ApiError;
use crate::http::extract::{JsonBody, QueryPairs};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;
use crate::storage::relations::{ORGANIZATION_JIT_EMAIL_DOMAINS, Relation};

/// Relation lists first check that the organization exists.
async fn require_organization(state: &AppState, id: &str) -> Result<(), ApiError> {
    match organizations::find(&state.store, DEFAULT_TENANT, id).await? {
        Some(_) => Ok(()),
        None => Err(ApiError::not_exists_with_id("organizations", id)),
    }
}

/// `GET …/jit/email-domains` (pagination optional; no existence check, as Logto).
pub async fn email_domains(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let found = jit::email_domains(&state.store, DEFAULT_TENANT, &id, page).await?;
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        page,
        found,
    ))
}

/// `POST …/jit/email-domains` `{ emailDomain }` → 201 with the entry.
pub async fn email_domain_add(
    State(state): State<AppState>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let added = jit::add_email_domain(&state.store, DEFAULT_TENANT, &id, &body, now).await?;
    Ok((StatusCode::CREATED, Json(added)).into_response())
}

/// `PUT …/jit/email-domains` `{ emailDomains }` → 204; 404 for an unknown organization.
pub async fn email_domains_replace(
    State(state): State<AppState>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<StatusCode, ApiError> {
    let domains = jit::email_domains_to_replace(&body)?;
    require_organization(&state, &id).await?;
    let now = state.clock.now_ms();
    state
        .store
        .relation_replace(
            &ORGANIZATION_JIT_EMAIL_DOMAINS,
            DEFAULT_TENANT,
            &[&id],
            &domains,
            now,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn email_domain_remove(
    State(state): State<AppState>,
    Path((id, domain)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    relations::remove(
        &state,
        &ORGANIZATION_JIT_EMAIL_DOMAINS,
        &[&id],
        &domain.to_lowercase(),
    )
    .await
}

/// `GET …/jit/roles`: default roles (plain shape), pagination optional.
pub async fn roles(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    require_organization(&state, &id).await?;
    let found = state
        .store
        .jit_role_list(DEFAULT_TENANT, &id, page)
        .await?
        .map(organization_roles::to_wire);
    Ok(pagination::list_response(
        &state.public_url,
        &uri,
        &query,
        page,
        found,
    ))
}

/// `GET …/jit/sso-connectors`: the connectors, secrets redacted (pagination not applied: an
/// organization has a handful).
pub async fn sso_connectors(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_organization(&state, &id).await?;
    let found = sso_connectors::of_organization(&state.store, DEFAULT_TENANT, &id).await?;
    Ok(Json(found).into_response())
}

/// A `PUT` of a relation scoped by the organization: the body is judged first (400), then the
/// organization must exist (404).
async fn replace_in_organization(
    state: &AppState,
    relation: &Relation,
    id: &str,
    key: &str,
    body: &Value,
) -> Result<StatusCode, ApiError> {
    crate::domain::relations::ids_to_replace(body, key)?;
    require_organization(state, id).await?;
    relations::replace(state, relation, &[id], key, body).await
}

/// The handlers of `relations::relation_handlers!`, except that replacing requires the
/// organization: adding to an unknown one is Logto's 422 (foreign key), but replacing with an
/// empty list would otherwise succeed for an organization that does not exist.
macro_rules! jit_relation_handlers {
    ($module:ident, $relation:path, $key:literal) => {
        pub mod $module {
            use axum::extract::{Path, State};
            use axum::http::StatusCode;

            use crate::http::error::ApiError;
            use crate::http::extract::JsonBody;
            use crate::management_api::relations;
            use crate::state::AppState;

            pub async fn add(
                State(state): State<AppState>,
                Path(id): Path<String>,
                JsonBody(body): JsonBody,
            ) -> Result<StatusCode, ApiError> {
                relations::add(&state, &$relation, &[&id], $key, &body).await
            }

            pub async fn replace(
                State(state): State<AppState>,
                Path(id): Path<String>,
                JsonBody(body): JsonBody,
            ) -> Result<StatusCode, ApiError> {
                super::replace_in_organization(&state, &$relation, &id, $key, &body).await
            }

            pub async fn remove(
                State(state): State<AppState>,
                Path((id, item)): Path<(String, String)>,
            ) -> Result<StatusCode, ApiError> {
                relations::remove(&state, &$relation, &[&id], &item).await
            }
        }
    };
}

jit_relation_handlers!(
    role_relation,
    crate::storage::relations::ORGANIZATION_JIT_ROLES,
    "organizationRoleIds"
);
jit_relation_handlers!(
    sso_connector_relation,
    crate::storage::relations::ORGANIZATION_JIT_SSO_CONNECTORS,
    "ssoConnectorIds"
);
