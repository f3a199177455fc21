//! `/api/roles`, the global roles, with their permissions, users and applications (Logto's
//! `packages/core/src/routes/role.ts` and `role.scope.ts`): the handlers (`handlers.rs`), how
//! their bodies are read (`bodies.rs`) and their routes with their OpenAPI description (below).

mod bodies;
mod handlers;

use app::model::{Application, Role, RoleWithHolders, Scope, User};

use crate::domain::roles::{NewRole, RolePatch};
use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, patch, post};
use bodies::{RoleApplicationsAdd, RoleScopesAdd, RoleUsersAdd};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/roles",
        [
            get(handlers::roles_list, "Get roles")
                .id("ListRoles")
                .query("q", SEARCH_Q)
                .query(
                    "type",
                    "`User` or `MachineToMachine`: only roles of this type.",
                )
                .query("excludeUserId", "Leave out roles this user holds.")
                .query(
                    "excludeApplicationId",
                    "Leave out roles this application holds.",
                )
                .paged::<RoleWithHolders>(),
            post(handlers::role_create, "Create a role")
                .id("CreateRole")
                .body::<NewRole>()
                .ok::<Role>()
                .errors(&[422]),
        ],
    )
    .route(
        "/roles/{id}",
        [
            get(handlers::role_get, "Get role")
                .id("GetRole")
                .ok::<Role>()
                .errors(&[404]),
            patch(handlers::role_update, "Update role")
                .id("UpdateRole")
                .body::<RolePatch>()
                .ok::<Role>()
                .errors(&[404, 422]),
            delete(handlers::role_delete, "Delete role")
                .id("DeleteRole")
                .errors(&[404]),
        ],
    )
    .route(
        "/roles/{id}/scopes",
        [
            get(handlers::role_scopes_list, "Get role scopes")
                .id("ListRoleScopes")
                .all::<Scope>()
                .errors(&[404]),
            post(handlers::role_scopes_add, "Link scopes to role")
                .id("CreateRoleScope")
                .body::<RoleScopesAdd>()
                .created_all::<Scope>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/scopes/{scopeId}",
        [
            delete(handlers::role_scope_remove, "Unlink scope from role")
                .id("DeleteRoleScope")
                .errors(&[404]),
        ],
    )
    .route(
        "/roles/{id}/users",
        [
            get(handlers::role_users_list, "Get role users")
                .id("ListRoleUsers")
                .paged::<User>()
                .errors(&[404]),
            post(handlers::role_users_add, "Assign role to users")
                .id("CreateRoleUser")
                .body::<RoleUsersAdd>()
                .created_empty()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/users/{userId}",
        [delete(handlers::role_user_remove, "Remove role from user")
            .id("DeleteRoleUser")
            .errors(&[404])],
    )
    .route(
        "/roles/{id}/applications",
        [
            get(handlers::role_applications_list, "Get role applications")
                .id("ListRoleApplications")
                .paged::<Application>()
                .errors(&[404]),
            post(
                handlers::role_applications_add,
                "Assign role to applications",
            )
            .id("CreateRoleApplication")
            .body::<RoleApplicationsAdd>()
            .created_empty()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/applications/{applicationId}",
        [delete(
            handlers::role_application_remove,
            "Remove role from application",
        )
        .id("DeleteRoleApplication")
        .errors(&[404])],
    )
}
