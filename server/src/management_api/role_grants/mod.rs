//! Global roles seen from their holders: `/api/users/{id}/roles` and
//! `/api/applications/{id}/roles` (Logto's `packages/core/src/routes/admin-user/role.ts` and
//! `routes/applications/application-role.ts`): the handlers (`handlers.rs`), their bodies
//! (`bodies.rs`) and their routes with their OpenAPI description (below).

mod bodies;
mod handlers;

use app::model::Role;

use crate::domain::role_grants::RolesAdded;
use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, post, put};
use bodies::{RolesAssign, RolesReplace, RolesSet};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/users/{id}/roles",
        [
            get(handlers::user_roles_list, "Get roles for user")
                .id("ListUserRoles")
                .query("q", SEARCH_Q)
                .paged::<Role>()
                .errors(&[404]),
            post(handlers::user_roles_add, "Assign roles to user")
                .id("AssignUserRoles")
                .body::<RolesAssign>()
                .created::<RolesAdded>()
                .errors(&[404, 422]),
            put(handlers::user_roles_replace, "Update roles for user")
                .id("ReplaceUserRoles")
                .body::<RolesReplace>()
                .ok::<RolesSet>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/users/{id}/roles/{roleId}",
        [delete(handlers::user_role_remove, "Remove role from user")
            .id("DeleteUserRole")
            .errors(&[404])],
    )
    .route(
        "/applications/{id}/roles",
        [
            get(
                handlers::application_roles_list,
                "Get application API resource roles",
            )
            .id("ListApplicationRoles")
            .query("q", SEARCH_Q)
            .paged::<Role>()
            .errors(&[404, 422]),
            post(
                handlers::application_roles_add,
                "Assign API resource roles to application",
            )
            .id("AssignApplicationRoles")
            .body::<RolesAssign>()
            .created::<RolesAdded>()
            .errors(&[404, 422]),
            put(
                handlers::application_roles_replace,
                "Update API resource roles for application",
            )
            .id("ReplaceApplicationRoles")
            .body::<RolesReplace>()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/applications/{id}/roles/{roleId}",
        [delete(
            handlers::application_role_remove,
            "Remove a API resource role from application",
        )
        .id("DeleteApplicationRole")
        .errors(&[404])],
    )
}
