//! `/api/resources`, the API resources, with their permissions (`/scopes`) (Logto's
//! `packages/core/src/routes/resource.ts` and `resource.scope.ts`): the handlers
//! (`handlers.rs`), how their bodies are read (`bodies.rs`) and their routes with their OpenAPI
//! description (below).

mod bodies;
mod handlers;

use app::model::{Resource, ResourceWithScopes, Scope};

use crate::domain::resources::{
    NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
};
use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, patch, post};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/resources",
        [
            get(handlers::resources_list, "Get API resources")
                .id("ListResources")
                .query(
                    "includeScopes",
                    "`true` returns each resource with its `scopes` (`ResourceWithScopes`).",
                )
                .list::<Resource>(),
            post(handlers::resource_create, "Create an API resource")
                .id("CreateResource")
                .body::<NewResource>()
                .created::<ResourceWithScopes>()
                .errors(&[422]),
        ],
    )
    .route(
        "/resources/{id}",
        [
            get(handlers::resource_get, "Get API resource")
                .id("GetResource")
                .ok::<Resource>()
                .errors(&[404]),
            patch(handlers::resource_update, "Update API resource")
                .id("UpdateResource")
                .body::<ResourcePatch>()
                .ok::<Resource>()
                .errors(&[404, 422]),
            delete(handlers::resource_delete, "Delete API resource")
                .id("DeleteResource")
                .errors(&[404]),
        ],
    )
    .route(
        "/resources/{id}/is-default",
        [patch(
            handlers::resource_set_default,
            "Set API resource as default",
        )
        .id("UpdateResourceIsDefault")
        .body::<ResourceIsDefaultPatch>()
        .ok::<Resource>()
        .errors(&[404])],
    )
    .route(
        "/resources/{id}/scopes",
        [
            get(handlers::resource_scopes_list, "Get API resource scopes")
                .id("ListResourceScopes")
                .query("q", SEARCH_Q)
                .paged::<Scope>()
                .errors(&[404]),
            post(handlers::resource_scope_create, "Create API resource scope")
                .id("CreateResourceScope")
                .body::<NewResourceScope>()
                .created::<Scope>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/resources/{id}/scopes/{scopeId}",
        [
            patch(handlers::resource_scope_update, "Update API resource scope")
                .id("UpdateResourceScope")
                .body::<ResourceScopePatch>()
                .ok::<Scope>()
                .errors(&[404, 422]),
            delete(handlers::resource_scope_delete, "Delete API resource scope")
                .id("DeleteResourceScope")
                .errors(&[404]),
        ],
    )
}
