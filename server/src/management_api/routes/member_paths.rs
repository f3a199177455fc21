//! Organization members: users and machine-to-machine applications, with their roles.

use app::model::{
    ApplicationWithOrganizationRoles, OrganizationRole, OrganizationScope,
    UserWithOrganizationRoles,
};

use super::search_param::Q;
use crate::management_api::bodies::{
    OrganizationApplicationRolesAssign, OrganizationApplicationsAdd,
    OrganizationApplicationsReplace, OrganizationApplicationsRolesAdd, OrganizationUserRolesAssign,
    OrganizationUsersAdd, OrganizationUsersReplace, OrganizationUsersRolesAdd,
};
use crate::management_api::docs::{ApiRoutes, delete, get, post, put};
use crate::management_api::organization_members as members;

pub(super) fn member_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations/{id}/users",
        [
            get(members::users_list, "Get organization user members")
                .id("ListOrganizationUsers")
                .query("q", Q)
                .query(
                    "organizationRoleId",
                    "Only members holding this organization role.",
                )
                .paged::<UserWithOrganizationRoles>(),
            post(members::users::add, "Add user members to organization")
                .id("AddOrganizationUsers")
                .body::<OrganizationUsersAdd>()
                .created::<OrganizationUsersAdd>()
                .errors(&[422]),
            put(members::users::replace, "Replace organization user members")
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
            members::users::add_roles_to_many,
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
            members::users::remove,
            "Remove user member from organization",
        )
        .id("DeleteOrganizationUser")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/users/{userId}/roles",
        [
            get(
                members::users::roles,
                "Get roles for a user in an organization",
            )
            .id("ListOrganizationUserRoles")
            .list::<OrganizationRole>()
            .errors(&[422]),
            post(
                members::users::roles_add,
                "Assign roles to a user in an organization",
            )
            .id("AssignOrganizationRolesToUser")
            .body::<OrganizationUserRolesAssign>()
            .created::<OrganizationUserRolesAssign>()
            .errors(&[422]),
            put(
                members::users::roles_replace,
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
            members::users::role_remove,
            "Remove a role from a user in an organization",
        )
        .id("DeleteOrganizationUserRole")
        .errors(&[404, 422])],
    )
    .route(
        "/organizations/{id}/users/{userId}/scopes",
        [get(
            members::user_scopes,
            "Get scopes for a user in an organization tailored by the organization roles",
        )
        .id("ListOrganizationUserScopes")
        .all::<OrganizationScope>()
        .errors(&[422])],
    )
    .route(
        "/organizations/{id}/applications",
        [
            get(members::applications_list, "Get organization applications")
                .id("ListOrganizationApplications")
                .query("q", Q)
                .paged::<ApplicationWithOrganizationRoles>(),
            post(members::applications::add, "Add organization application")
                .id("AddOrganizationApplications")
                .describe("Machine-to-machine applications only.")
                .body::<OrganizationApplicationsAdd>()
                .created_empty()
                .errors(&[422]),
            put(
                members::applications::replace,
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
            members::applications::add_roles_to_many,
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
            members::applications::remove,
            "Remove organization application",
        )
        .id("DeleteOrganizationApplication")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/applications/{applicationId}/roles",
        [
            get(
                members::applications::roles,
                "Get organization application roles",
            )
            .id("ListOrganizationApplicationRoles")
            .list::<OrganizationRole>()
            .errors(&[422]),
            post(
                members::applications::roles_add,
                "Add organization application role",
            )
            .id("AssignOrganizationRolesToApplication")
            .body::<OrganizationApplicationRolesAssign>()
            .created_empty()
            .errors(&[422]),
            put(
                members::applications::roles_replace,
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
            members::applications::role_remove,
            "Remove organization application role",
        )
        .id("DeleteOrganizationApplicationRole")
        .errors(&[404, 422])],
    )
}
