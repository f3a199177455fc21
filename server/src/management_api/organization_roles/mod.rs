//! `/api/organization-roles` (Logto's `packages/core/src/routes/organization-role/index.ts`)
//! with its organization permissions (`/scopes`) and API permissions (`/resource-scopes`): the
//! handlers (`handlers.rs`), how their bodies are read (`bodies.rs`) and their routes with their
//! OpenAPI description (below).

mod bodies;
mod handlers;

use app::model::{OrganizationRole, OrganizationRoleWithScopes, OrganizationScope, Scope};

use crate::domain::organization_roles::{NewOrganizationRole, OrganizationRolePatch};
use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, patch, post, put};
use bodies::{
    OrganizationRoleResourceScopesAdd, OrganizationRoleResourceScopesReplace,
    OrganizationRoleScopesAdd, OrganizationRoleScopesReplace,
};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organization-roles",
        [
            get(handlers::organization_roles_list, "Get organization roles")
                .id("ListOrganizationRoles")
                .query("q", SEARCH_Q)
                .query(
                    "type",
                    "`User` or `MachineToMachine`: only roles of this type.",
                )
                .paged::<OrganizationRoleWithScopes>(),
            post(
                handlers::organization_role_create,
                "Create an organization role",
            )
            .id("CreateOrganizationRole")
            .describe("The initial permissions are granted in the same transaction.")
            .body::<NewOrganizationRole>()
            .created::<OrganizationRole>()
            .errors(&[422]),
        ],
    )
    .route(
        "/organization-roles/{id}",
        [
            get(handlers::organization_role_get, "Get organization role")
                .id("GetOrganizationRole")
                .ok::<OrganizationRole>()
                .errors(&[404]),
            patch(
                handlers::organization_role_update,
                "Update organization role",
            )
            .id("UpdateOrganizationRole")
            .body::<OrganizationRolePatch>()
            .ok::<OrganizationRole>()
            .errors(&[404, 422]),
            delete(
                handlers::organization_role_delete,
                "Delete organization role",
            )
            .id("DeleteOrganizationRole")
            .errors(&[404]),
        ],
    )
    .route(
        "/organization-roles/{id}/scopes",
        [
            get(
                handlers::organization_role_scopes_list,
                "Get organization role scopes",
            )
            .id("ListOrganizationRoleScopes")
            .list::<OrganizationScope>()
            .errors(&[404]),
            post(
                handlers::organization_role_scopes_add,
                "Assign organization scopes to organization role",
            )
            .id("CreateOrganizationRoleScope")
            .body::<OrganizationRoleScopesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                handlers::organization_role_scopes_replace,
                "Replace organization scopes for organization role",
            )
            .id("ReplaceOrganizationRoleScopes")
            .body::<OrganizationRoleScopesReplace>()
            .no_content()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/organization-roles/{id}/scopes/{organizationScopeId}",
        [delete(
            handlers::organization_role_scope_remove,
            "Remove organization scope",
        )
        .id("DeleteOrganizationRoleScope")
        .errors(&[404])],
    )
    .route(
        "/organization-roles/{id}/resource-scopes",
        [
            get(
                handlers::organization_role_resource_scopes_list,
                "Get organization role resource scopes",
            )
            .id("ListOrganizationRoleResourceScopes")
            .list::<Scope>()
            .errors(&[404]),
            post(
                handlers::organization_role_resource_scopes_add,
                "Assign resource scopes to organization role",
            )
            .id("CreateOrganizationRoleResourceScope")
            .body::<OrganizationRoleResourceScopesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                handlers::organization_role_resource_scopes_replace,
                "Replace resource scopes for organization role",
            )
            .id("ReplaceOrganizationRoleResourceScopes")
            .body::<OrganizationRoleResourceScopesReplace>()
            .no_content()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/organization-roles/{id}/resource-scopes/{scopeId}",
        [delete(
            handlers::organization_role_resource_scope_remove,
            "Remove resource scope",
        )
        .id("DeleteOrganizationRoleResourceScope")
        .errors(&[404])],
    )
}
