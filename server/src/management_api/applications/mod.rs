//! `/api/applications` with their organizations: the handlers (`handlers.rs`), how their bodies
//! are read (`bodies.rs`, `client_metadata.rs`) and their routes with their OpenAPI description
//! (below); their secrets and custom data: `secrets.rs`.

mod bodies;
mod client_metadata;
mod handlers;
mod secrets;

use app::model::{Application, CreatedApplication, OrganizationWithRoles};

use crate::domain::applications::{ApplicationPatch, NewApplication};
use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, patch, post};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    secrets::routes(api).route(
        "/applications",
        [
            get(handlers::applications_list, "Get applications")
                .id("ListApplications")
                .query("q", SEARCH_Q)
                .query(
                    "types",
                    "Comma-separated application types (`Native`, `SPA`, `Traditional`, `MachineToMachine`, `Protected`, `SAML`); may repeat.",
                )
                .query("excludeOrganizationId", "Leave out applications in this organization.")
                .list::<Application>(),
            post(handlers::application_create, "Create an application")
                .id("CreateApplication")
                .describe("Traditional and machine-to-machine applications get a secret, returned this once.")
                .body::<NewApplication>()
                .ok::<CreatedApplication>()
                .errors(&[422]),
        ],
    )
    .route(
        "/applications/{id}",
        [
            get(handlers::application_get, "Get application")
                .id("GetApplication")
                .ok::<Application>()
                .errors(&[404]),
            patch(handlers::application_update, "Update application")
                .id("UpdateApplication")
                .body::<ApplicationPatch>()
                .ok::<Application>()
                .errors(&[404, 422]),
            delete(handlers::application_delete, "Delete application")
                .id("DeleteApplication")
                .errors(&[404]),
        ],
    )
    .route(
        "/applications/{id}/organizations",
        [
            get(
                handlers::application_organizations_list,
                "Get application organizations",
            )
            .id("ListApplicationOrganizations")
            .list::<OrganizationWithRoles>()
            .errors(&[404]),
        ],
    )
}
