//! `/api/organizations` and `/api/organizations/{id}` (Logto's
//! `packages/core/src/routes/organization/index.ts`): the handlers (`handlers.rs`), how their
//! bodies are read (`bodies.rs`) and their routes with their OpenAPI description (below). Members
//! and just-in-time settings are resources of their own (`organization_members/`,
//! `organization_jit/`).

mod bodies;
mod handlers;

use app::model::Organization;

use crate::domain::organizations::{NewOrganization, OrganizationPatch};
use crate::management_api::docs::{ApiRoutes, delete, get, patch, post};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations",
        [
            get(handlers::organizations_list, "Get organizations")
                .id("ListOrganizations")
                .query(
                    "q",
                    "Search text: a case-insensitive substring of the name or ID; at most 256 \
                     characters (longer: 400 `guard.invalid_input`).",
                )
                .query(
                    "showFeatured",
                    "`true` adds `usersCount` and up to three `featuredUsers` to each organization.",
                )
                .paged::<Organization>(),
            post(handlers::organization_create, "Create an organization")
                .id("CreateOrganization")
                .body::<NewOrganization>()
                .created::<Organization>(),
        ],
    )
    .route(
        "/organizations/{id}",
        [
            get(handlers::organization_get, "Get organization")
                .id("GetOrganization")
                .ok::<Organization>()
                .errors(&[404]),
            patch(handlers::organization_update, "Update organization")
                .id("UpdateOrganization")
                .body::<OrganizationPatch>()
                .ok::<Organization>()
                .errors(&[404, 422]),
            delete(handlers::organization_delete, "Delete organization")
                .id("DeleteOrganization")
                .describe("Its memberships, member roles and just-in-time settings go with it.")
                .errors(&[404]),
        ],
    )
}
