//! The handlers of `/api/organizations/:id/jit/…` (Logto's
//! `packages/core/src/routes/organization/jit/index.ts`): email domains, default roles, SSO
//! connectors.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::bodies::{
    OrganizationJitEmailDomainsReplace, OrganizationJitRolesAdd, OrganizationJitRolesReplace,
    OrganizationJitSsoConnectorsAdd, OrganizationJitSsoConnectorsReplace,
};
use crate::domain::jit::{self, NewJitEmailDomain};
use crate::domain::organizations;
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::{Body, IdListBody};
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::management_api::{relations, responses};
use crate::state::AppState;
use crate::storage::relations::{
    ORGANIZATION_JIT_EMAIL_DOMAINS, ORGANIZATION_JIT_ROLES, ORGANIZATION_JIT_SSO_CONNECTORS,
};

/// Relation lists first check that the organization exists.
async fn require_organization(state: &AppState, tenant: &str, id: &str) -> Result<(), ApiError> {
    match organizations::find(&state.store, tenant, id).await? {
        Some(_) => Ok(()),
        None => Err(ApiError::not_exists_with_id("organizations", id)),
    }
}

/// `GET …/jit/email-domains` (pagination optional; no existence check, as Logto).
pub async fn organization_jit_email_domains_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let found = jit::email_domains(&state.store, &tenant, &id, page).await?;
    Ok(list.respond(page, found))
}

/// `POST …/jit/email-domains` `{ emailDomain }` → 201 with the entry.
pub async fn organization_jit_email_domain_add(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<NewJitEmailDomain>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let added = jit::add_email_domain(&state.store, &tenant, &id, input, now).await?;
    Ok((StatusCode::CREATED, Json(added)).into_response())
}

/// `PUT …/jit/email-domains` `{ emailDomains }` → 204; 404 for an unknown organization.
pub async fn organization_jit_email_domains_replace(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<OrganizationJitEmailDomainsReplace>,
) -> Result<StatusCode, ApiError> {
    let domains = jit::email_domains_to_replace(&input.into_ids())?;
    require_organization(&state, &tenant, &id).await?;
    let now = state.clock.now_ms();
    state
        .store
        .relation_replace(
            &ORGANIZATION_JIT_EMAIL_DOMAINS,
            &tenant,
            &[&id],
            &domains,
            now,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn organization_jit_email_domain_remove(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, domain)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(jit::remove_email_domain(&state.store, &tenant, &id, &domain).await?)
}

/// `GET …/jit/roles`: default roles (plain shape), pagination optional.
pub async fn organization_jit_roles_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let found = jit::roles(&state.store, &tenant, &id, page)
        .await?
        .or_missing("organizations", &id)?;
    Ok(list.respond(page, found))
}

/// `GET …/jit/sso-connectors`: the connectors, secrets redacted (pagination not applied: an
/// organization has a handful).
pub async fn organization_jit_sso_connectors_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = jit::sso_connectors(&state.store, &tenant, &id)
        .await?
        .or_missing("organizations", &id)?;
    Ok(Json(found).into_response())
}

/// Replacing requires the organization (404): adding to an unknown one is Logto's 422 (foreign
/// key), but replacing with an empty list would otherwise succeed for an organization that does
/// not exist.
async fn organization_exists(
    state: &AppState,
    tenant: &str,
    id: &str,
    _: &[String],
) -> Result<(), ApiError> {
    require_organization(state, tenant, id).await
}

relations::relation_handlers!(
    ORGANIZATION_JIT_ROLES,
    organization_jit_roles_add(OrganizationJitRolesAdd),
    organization_jit_roles_replace(OrganizationJitRolesReplace, check = organization_exists),
    organization_jit_role_remove,
);
relations::relation_handlers!(
    ORGANIZATION_JIT_SSO_CONNECTORS,
    organization_jit_sso_connectors_add(OrganizationJitSsoConnectorsAdd),
    organization_jit_sso_connectors_replace(
        OrganizationJitSsoConnectorsReplace,
        check = organization_exists
    ),
    organization_jit_sso_connector_remove,
);
