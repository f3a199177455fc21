//! `/api/organization-scopes`, the organization permissions (Logto's
//! `packages/core/src/routes/organization-scope/index.ts`): the routes with their OpenAPI
//! description, the handlers and how their bodies are read.

use app::model::OrganizationScope;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, SEARCH_Q, delete, get, patch, post};
use super::responses;
use crate::domain::DomainError;
use crate::domain::organization_scopes::{
    self, DESCRIPTION_MAX, NAME_MAX, NewOrganizationScope, OrganizationScopePatch,
};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::Guard;
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::state::AppState;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organization-scopes",
        [
            get(organization_scopes_list, "Get organization scopes")
                .id("ListOrganizationScopes")
                .query("q", SEARCH_Q)
                .list::<OrganizationScope>(),
            post(organization_scope_create, "Create an organization scope")
                .id("CreateOrganizationScope")
                .body::<NewOrganizationScope>()
                .created::<OrganizationScope>()
                .errors(&[422]),
        ],
    )
    .route(
        "/organization-scopes/{id}",
        [
            get(organization_scope_get, "Get organization scope")
                .id("GetOrganizationScope")
                .ok::<OrganizationScope>()
                .errors(&[404]),
            patch(organization_scope_update, "Update organization scope")
                .id("UpdateOrganizationScope")
                .body::<OrganizationScopePatch>()
                .ok::<OrganizationScope>()
                .errors(&[404, 422]),
            delete(organization_scope_delete, "Delete organization scope")
                .id("DeleteOrganizationScope")
                .errors(&[404]),
        ],
    )
}

/// `GET /api/organization-scopes?q&page&page_size`: by name; pagination optional.
pub async fn organization_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let q = list.search(&["q"])?;
    let found = organization_scopes::list(&state.store, &tenant, q, page).await?;
    Ok(list.respond(page, found))
}

/// `POST /api/organization-scopes` `{ name, description? }` → 201; a taken name → 422.
pub async fn organization_scope_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewOrganizationScope>,
) -> Result<Response, ApiError> {
    let scope = organization_scopes::create(&state.store, &tenant, input).await?;
    Ok((StatusCode::CREATED, Json(scope)).into_response())
}

/// `GET /api/organization-scopes/:id` → 200, or 404 `entity.not_exists_with_id`.
pub async fn organization_scope_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = organization_scopes::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("organization_scopes", &id)?).into_response())
}

/// `PATCH /api/organization-scopes/:id` → 200; a taken name → 422; 404 `entity.not_exists`.
pub async fn organization_scope_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<OrganizationScopePatch>,
) -> Result<Response, ApiError> {
    match organization_scopes::update(&state.store, &tenant, &id, patch).await? {
        Some(entity) => Ok(Json(entity).into_response()),
        None => Err(ApiError::not_exists("organization scope")),
    }
}

/// `DELETE /api/organization-scopes/:id` → 204, 404 `entity.not_found`.
pub async fn organization_scope_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(organization_scopes::delete(&state.store, &tenant, &id).await?)
}

impl FromBody for NewOrganizationScope {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, NAME_MAX);
        let description = g.nullable_string("description", DESCRIPTION_MAX);
        g.finish()?;
        Ok(NewOrganizationScope {
            name: name.unwrap_or_default(),
            description: description.into_patch().flatten(),
        })
    }
}

impl FromBody for OrganizationScopePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.optional_string("name", 1, NAME_MAX);
        let description = g.nullable_string("description", DESCRIPTION_MAX);
        g.finish()?;
        Ok(OrganizationScopePatch {
            name,
            description: description.into_patch(),
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines<T: std::fmt::Debug>(result: Result<T, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_new_scope_needs_a_name() {
        assert_eq!(
            lines(NewOrganizationScope::from_body(
                &json!({ "description": 1 })
            )),
            [
                "Error in key path \"name\": (invalid_type) Required",
                "Error in key path \"description\": (invalid_type) Expected string, received \
                 number",
            ]
        );
        let scope =
            NewOrganizationScope::from_body(&json!({ "name": "read", "description": null }))
                .unwrap();
        assert_eq!((scope.name.as_str(), scope.description), ("read", None));
    }

    #[test]
    fn a_scope_patch_may_clear_the_description() {
        let patch = OrganizationScopePatch::from_body(&json!({ "description": null })).unwrap();
        assert_eq!((patch.name, patch.description), (None, Some(None)));
        assert!(OrganizationScopePatch::from_body(&json!({ "name": "" })).is_err());
    }
}
