//! `/api/organizations/:id/jit/…` (Logto's `packages/core/src/routes/organization/jit/index.ts`):
//! email domains, default roles, SSO connectors.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::{Body, IdListBody, OrganizationJitEmailDomainsReplace};
use super::{pagination, relations};
use crate::domain::jit::{self, NewJitEmailDomain};
use crate::domain::organizations;
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;
use crate::storage::relations::ORGANIZATION_JIT_EMAIL_DOMAINS;

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
    Body(input): Body<NewJitEmailDomain>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let added = jit::add_email_domain(&state.store, DEFAULT_TENANT, &id, input, now).await?;
    Ok((StatusCode::CREATED, Json(added)).into_response())
}

/// `PUT …/jit/email-domains` `{ emailDomains }` → 204; 404 for an unknown organization.
pub async fn email_domains_replace(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(input): Body<OrganizationJitEmailDomainsReplace>,
) -> Result<StatusCode, ApiError> {
    let domains = jit::email_domains_to_replace(&input.into_ids())?;
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
    super::responses::deleted(
        jit::remove_email_domain(&state.store, DEFAULT_TENANT, &id, &domain).await?,
    )
}

/// `GET …/jit/roles`: default roles (plain shape), pagination optional.
pub async fn roles(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let page = pagination::optional_page(&query)?;
    let found = jit::roles(&state.store, DEFAULT_TENANT, &id, page)
        .await?
        .ok_or_else(|| ApiError::not_exists_with_id("organizations", &id))?;
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
    let found = jit::sso_connectors(&state.store, DEFAULT_TENANT, &id)
        .await?
        .ok_or_else(|| ApiError::not_exists_with_id("organizations", &id))?;
    Ok(Json(found).into_response())
}

/// Replacing requires the organization (404): adding to an unknown one is Logto's 422 (foreign
/// key), but replacing with an empty list would otherwise succeed for an organization that does
/// not exist.
async fn organization_exists(state: &AppState, id: &str, _: &[String]) -> Result<(), ApiError> {
    require_organization(state, id).await
}

relations::relation_handlers!(
    role_relation,
    crate::storage::relations::ORGANIZATION_JIT_ROLES,
    OrganizationJitRolesAdd,
    OrganizationJitRolesReplace,
    add = relations::accept,
    replace = super::organization_exists
);
relations::relation_handlers!(
    sso_connector_relation,
    crate::storage::relations::ORGANIZATION_JIT_SSO_CONNECTORS,
    OrganizationJitSsoConnectorsAdd,
    OrganizationJitSsoConnectorsReplace,
    add = relations::accept,
    replace = super::organization_exists
);
