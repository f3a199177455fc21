//! Management API under `/api` (Logto's paths and shapes). Every route requires a bearer token
//! for the Management API resource with scope `all` (see `auth.rs`).

mod applications;
mod auth;
mod id_token_config;
mod jit;
mod keys;
mod mfa;
mod organization_members;
mod organization_roles;
mod organization_scopes;
mod organizations;
mod pagination;
mod relations;
mod resources;
mod roles;
mod sign_in_exp;
mod sso_connectors;
mod text;
mod users;

use axum::Router;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};

use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, MemberKind};
use organization_members as members;

/// The Management API behind bearer-token authentication (mounted at `/api`).
pub fn router(state: AppState) -> Router<AppState> {
    routes()
        // Layers run bottom-up: authentication first, then the NUL check.
        .route_layer(middleware::from_fn(text::refuse_nul_in_uri))
        .route_layer(middleware::from_fn_with_state(
            state,
            auth::require_management_token,
        ))
        .fallback(|| async { ApiError::route_not_found() })
}

/// The same routes for the console, which calls them in-process for the signed-in admin (its
/// session and CSRF checks stand in for the bearer token), so both share every rule and error.
pub fn console_router(state: AppState) -> Router {
    routes()
        .route_layer(middleware::from_fn(text::refuse_nul_in_uri))
        .fallback(|| async { ApiError::route_not_found() })
        .with_state(state)
}

fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organizations",
            get(organizations::organizations_list).post(organizations::organization_create),
        )
        .route(
            "/organizations/{id}",
            get(organizations::organization_get)
                .patch(organizations::organization_update)
                .delete(organizations::organization_delete),
        )
        .route(
            "/organizations/{id}/users",
            get(members::users_list)
                .post(members::users::add)
                .put(members::users::replace),
        )
        .route(
            "/organizations/{id}/users/roles",
            post(members::users::add_roles_to_many),
        )
        .route(
            "/organizations/{id}/users/{member}",
            delete(members::users::remove),
        )
        .route(
            "/organizations/{id}/users/{member}/roles",
            get(members::users::roles)
                .post(members::users::roles_add)
                .put(members::users::roles_replace),
        )
        .route(
            "/organizations/{id}/users/{member}/roles/{role}",
            delete(members::users::role_remove),
        )
        .route(
            "/organizations/{id}/users/{member}/scopes",
            get(members::user_scopes),
        )
        .route(
            "/organizations/{id}/applications",
            get(members::applications_list)
                .post(members::applications::add)
                .put(members::applications::replace),
        )
        .route(
            "/organizations/{id}/applications/roles",
            post(members::applications::add_roles_to_many),
        )
        .route(
            "/organizations/{id}/applications/{member}",
            delete(members::applications::remove),
        )
        .route(
            "/organizations/{id}/applications/{member}/roles",
            get(members::applications::roles)
                .post(members::applications::roles_add)
                .put(members::applications::roles_replace),
        )
        .route(
            "/organizations/{id}/applications/{member}/roles/{role}",
            delete(members::applications::role_remove),
        )
        .route(
            "/organizations/{id}/jit/email-domains",
            get(jit::email_domains)
                .post(jit::email_domain_add)
                .put(jit::email_domains_replace),
        )
        .route(
            "/organizations/{id}/jit/email-domains/{item}",
            delete(jit::email_domain_remove),
        )
        .route(
            "/organizations/{id}/jit/roles",
            get(jit::roles)
                .post(jit::role_relation::add)
                .put(jit::role_relation::replace),
        )
        .route(
            "/organizations/{id}/jit/roles/{item}",
            delete(jit::role_relation::remove),
        )
        .route(
            "/organizations/{id}/jit/sso-connectors",
            get(jit::sso_connectors)
                .post(jit::sso_connector_relation::add)
                .put(jit::sso_connector_relation::replace),
        )
        .route(
            "/organizations/{id}/jit/sso-connectors/{item}",
            delete(jit::sso_connector_relation::remove),
        )
        .route(
            "/sso-connectors",
            get(sso_connectors::list).post(sso_connectors::create),
        )
        .route(
            "/sso-connectors/{id}",
            get(sso_connectors::get)
                .patch(sso_connectors::update)
                .delete(sso_connectors::delete),
        )
        .route(
            "/organization-roles",
            get(organization_roles::list).post(organization_roles::create),
        )
        .route(
            "/organization-roles/{id}",
            get(organization_roles::get)
                .patch(organization_roles::update)
                .delete(organization_roles::delete),
        )
        .route(
            "/organization-roles/{id}/scopes",
            get(organization_roles::scopes)
                .post(organization_roles::scope_relation::add)
                .put(organization_roles::scope_relation::replace),
        )
        .route(
            "/organization-roles/{id}/scopes/{item}",
            delete(organization_roles::scope_relation::remove),
        )
        .route(
            "/organization-roles/{id}/resource-scopes",
            get(organization_roles::resource_scopes)
                .post(organization_roles::resource_scope_relation::add)
                .put(organization_roles::resource_scope_relation::replace),
        )
        .route(
            "/organization-roles/{id}/resource-scopes/{item}",
            delete(organization_roles::resource_scope_relation::remove),
        )
        .route("/resources", get(resources::list).post(resources::create))
        .route(
            "/resources/{id}",
            get(resources::get)
                .patch(resources::update)
                .delete(resources::delete),
        )
        .route(
            "/resources/{id}/is-default",
            axum::routing::patch(resources::set_default),
        )
        .route(
            "/resources/{id}/scopes",
            get(resources::scopes).post(resources::scope_create),
        )
        .route(
            "/resources/{id}/scopes/{scope}",
            axum::routing::patch(resources::scope_update).delete(resources::scope_delete),
        )
        .route("/roles", get(roles::list).post(roles::create))
        .route(
            "/roles/{id}",
            get(roles::get).patch(roles::update).delete(roles::delete),
        )
        .route(
            "/roles/{id}/scopes",
            get(roles::scopes).post(roles::scopes_add),
        )
        .route("/roles/{id}/scopes/{item}", delete(roles::scope_remove))
        .route(
            "/roles/{id}/users",
            get(roles::users).post(roles::users_add),
        )
        .route("/roles/{id}/users/{item}", delete(roles::user_remove))
        .route(
            "/roles/{id}/applications",
            get(roles::applications).post(roles::applications_add),
        )
        .route(
            "/roles/{id}/applications/{item}",
            delete(roles::application_remove),
        )
        .route("/users", get(users::list).post(users::create))
        .route(
            "/users/{id}",
            get(users::get).patch(users::update).delete(users::delete),
        )
        .route("/users/{id}/organizations", get(users::organizations))
        .route(
            "/sign-in-exp",
            get(sign_in_exp::get).patch(sign_in_exp::patch),
        )
        .route(
            "/users/{id}/mfa-verifications",
            get(mfa::list).post(mfa::create),
        )
        .route(
            "/users/{id}/mfa-verifications/{verification}",
            delete(mfa::delete),
        )
        .route(
            "/organization-scopes",
            get(organization_scopes::organization_scopes_list)
                .post(organization_scopes::organization_scope_create),
        )
        .route(
            "/organization-scopes/{id}",
            get(organization_scopes::organization_scope_get)
                .patch(organization_scopes::organization_scope_update)
                .delete(organization_scopes::organization_scope_delete),
        )
        .route(
            "/applications",
            get(applications::applications_list).post(applications::application_create),
        )
        .route(
            "/applications/{id}",
            get(applications::application_get)
                .patch(applications::application_patch)
                .delete(applications::application_delete),
        )
        .route(
            "/applications/{id}/organizations",
            get(applications::application_organizations),
        )
        .route(
            "/configs/id-token",
            get(id_token_config::get).put(id_token_config::put),
        )
        .route("/configs/oidc/private-keys", get(keys::private_keys_list))
        .route(
            "/configs/oidc/private-keys/rotate",
            post(keys::private_keys_rotate),
        )
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
}

/// 204 when a delete removed a row, else Logto's 404 `entity.not_found`.
fn deleted(removed: bool) -> Result<StatusCode, ApiError> {
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// A member's whole organization list (JSON array); `None` when there is no such member.
async fn organization_list(
    state: &AppState,
    kind: MemberKind,
    id: &str,
) -> Result<Option<Response>, ApiError> {
    let body = state
        .organization_lists
        .body(&state.store, kind, DEFAULT_TENANT, id)
        .await?;
    Ok(body.map(|body| ([(CONTENT_TYPE, "application/json")], body).into_response()))
}

/// `excludeOrganizationId` of the user and application lists; Logto refuses it together with
/// `excludeRoleId`.
fn exclude_organization(query: &QueryPairs) -> Result<Option<&str>, ApiError> {
    let exclude = query.get("excludeOrganizationId").filter(|v| !v.is_empty());
    if exclude.is_some() && query.get("excludeRoleId").is_some() {
        return Err(ApiError::invalid_input(
            "query",
            &[
                "Error in key path \"\": (custom) excludeRoleId and excludeOrganizationId \
               cannot be used together"
                    .into(),
            ],
        ));
    }
    Ok(exclude)
}
