//! Organization members, users and machine-to-machine applications, with their roles (Logto's
//! `packages/core/src/routes/organization/{user,application}/`): the handlers (`handlers.rs`),
//! how their bodies are read (`bodies.rs`) and their routes with their OpenAPI description
//! (below).

mod bodies;
mod handlers;

use app::model::{
    ApplicationWithOrganizationRoles, OrganizationRole, OrganizationScope,
    UserWithOrganizationRoles,
};

use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, post, put};
use bodies::{
    OrganizationApplicationRolesAssign, OrganizationApplicationsAdd,
    OrganizationApplicationsReplace, OrganizationApplicationsRolesAdd, OrganizationUserRolesAssign,
    OrganizationUsersAdd, OrganizationUsersReplace, OrganizationUsersRolesAdd,
};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations/{id}/users",
        [
            get(
                handlers::organization_users_list,
                "Get organization user members",
            )
            .id("ListOrganizationUsers")
            .query("q", SEARCH_Q)
            .query(
                "organizationRoleId",
                "Only members holding this organization role.",
            )
            .paged::<UserWithOrganizationRoles>(),
            post(
                handlers::organization_users_add,
                "Add user members to organization",
            )
            .id("AddOrganizationUsers")
            .body::<OrganizationUsersAdd>()
            .created::<OrganizationUsersAdd>()
            .errors(&[422]),
            put(
                handlers::organization_users_replace,
                "Replace organization user members",
            )
            .id("ReplaceOrganizationUsers")
            .describe("Users not listed leave the organization with their roles there.")
            .body::<OrganizationUsersReplace>()
            .no_content()
            .errors(&[422]),
        ],
    )
    .route(
        "/organizations/{id}/users/roles",
        [post(
            handlers::organization_users_roles_add,
            "Assign roles to organization user members",
        )
        .id("AssignOrganizationRolesToUsers")
        .body::<OrganizationUsersRolesAdd>()
        .created_empty()
        .errors(&[422])],
    )
    .route(
        "/organizations/{id}/users/{userId}",
        [delete(
            handlers::organization_user_remove,
            "Remove user member from organization",
        )
        .id("DeleteOrganizationUser")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/users/{userId}/roles",
        [
            get(
                handlers::organization_user_roles_list,
                "Get roles for a user in an organization",
            )
            .id("ListOrganizationUserRoles")
            .list::<OrganizationRole>()
            .errors(&[422]),
            post(
                handlers::organization_user_roles_add,
                "Assign roles to a user in an organization",
            )
            .id("AssignOrganizationRolesToUser")
            .body::<OrganizationUserRolesAssign>()
            .created::<OrganizationUserRolesAssign>()
            .errors(&[422]),
            put(
                handlers::organization_user_roles_replace,
                "Update roles for a user in an organization",
            )
            .id("ReplaceOrganizationUserRoles")
            .body::<OrganizationUserRolesAssign>()
            .no_content()
            .errors(&[422]),
        ],
    )
    .route(
        "/organizations/{id}/users/{userId}/roles/{organizationRoleId}",
        [delete(
            handlers::organization_user_role_remove,
            "Remove a role from a user in an organization",
        )
        .id("DeleteOrganizationUserRole")
        .errors(&[404, 422])],
    )
    .route(
        "/organizations/{id}/users/{userId}/scopes",
        [get(
            handlers::organization_user_scopes_list,
            "Get scopes for a user in an organization tailored by the organization roles",
        )
        .id("ListOrganizationUserScopes")
        .all::<OrganizationScope>()
        .errors(&[422])],
    )
    .route(
        "/organizations/{id}/applications",
        [
            get(
                handlers::organization_applications_list,
                "Get organization applications",
            )
            .id("ListOrganizationApplications")
            .query("q", SEARCH_Q)
            .paged::<ApplicationWithOrganizationRoles>(),
            post(
                handlers::organization_applications_add,
                "Add organization application",
            )
            .id("AddOrganizationApplications")
            .describe("Machine-to-machine applications only.")
            .body::<OrganizationApplicationsAdd>()
            .created_empty()
            .errors(&[422]),
            put(
                handlers::organization_applications_replace,
                "Replace organization applications",
            )
            .id("ReplaceOrganizationApplications")
            .body::<OrganizationApplicationsReplace>()
            .no_content()
            .errors(&[422]),
        ],
    )
    .route(
        "/organizations/{id}/applications/roles",
        [post(
            handlers::organization_applications_roles_add,
            "Assign roles to applications in an organization",
        )
        .id("AssignOrganizationRolesToApplications")
        .body::<OrganizationApplicationsRolesAdd>()
        .created_empty()
        .errors(&[422])],
    )
    .route(
        "/organizations/{id}/applications/{applicationId}",
        [delete(
            handlers::organization_application_remove,
            "Remove organization application",
        )
        .id("DeleteOrganizationApplication")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/applications/{applicationId}/roles",
        [
            get(
                handlers::organization_application_roles_list,
                "Get organization application roles",
            )
            .id("ListOrganizationApplicationRoles")
            .list::<OrganizationRole>()
            .errors(&[422]),
            post(
                handlers::organization_application_roles_add,
                "Add organization application role",
            )
            .id("AssignOrganizationRolesToApplication")
            .body::<OrganizationApplicationRolesAssign>()
            .created_empty()
            .errors(&[422]),
            put(
                handlers::organization_application_roles_replace,
                "Replace organization application roles",
            )
            .id("ReplaceOrganizationApplicationRoles")
            .body::<OrganizationApplicationRolesAssign>()
            .no_content()
            .errors(&[422]),
        ],
    )
    .route(
        "/organizations/{id}/applications/{applicationId}/roles/{organizationRoleId}",
        [delete(
            handlers::organization_application_role_remove,
            "Remove organization application role",
        )
        .id("DeleteOrganizationApplicationRole")
        .errors(&[404, 422])],
    )
}
