//! API resources with their permissions, and global roles.

use app::model::{Application, Resource, ResourceWithScopes, Role, RoleWithHolders, Scope, User};

use super::search_param::Q;
use crate::domain::resources::{
    NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
};
use crate::domain::roles::{NewRole, RolePatch};
use crate::management_api::bodies::{RoleApplicationsAdd, RoleScopesAdd, RoleUsersAdd};
use crate::management_api::docs::{ApiRoutes, delete, get, patch, post};
use crate::management_api::{resources, roles};

pub(super) fn resource_and_role_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/resources",
        [
            get(resources::list, "Get API resources")
                .id("ListResources")
                .query(
                    "includeScopes",
                    "`true` returns each resource with its `scopes` (`ResourceWithScopes`).",
                )
                .list::<Resource>(),
            post(resources::create, "Create an API resource")
                .id("CreateResource")
                .body::<NewResource>()
                .created::<ResourceWithScopes>()
                .errors(&[422]),
        ],
    )
    .route(
        "/resources/{id}",
        [
            get(resources::get, "Get API resource")
                .id("GetResource")
                .ok::<Resource>()
                .errors(&[404]),
            patch(resources::update, "Update API resource")
                .id("UpdateResource")
                .body::<ResourcePatch>()
                .ok::<Resource>()
                .errors(&[404, 422]),
            delete(resources::delete, "Delete API resource")
                .id("DeleteResource")
                .errors(&[404]),
        ],
    )
    .route(
        "/resources/{id}/is-default",
        [patch(resources::set_default, "Set API resource as default")
            .id("UpdateResourceIsDefault")
            .body::<ResourceIsDefaultPatch>()
            .ok::<Resource>()
            .errors(&[404])],
    )
    .route(
        "/resources/{id}/scopes",
        [
            get(resources::scopes, "Get API resource scopes")
                .id("ListResourceScopes")
                .query("q", Q)
                .paged::<Scope>()
                .errors(&[404]),
            post(resources::scope_create, "Create API resource scope")
                .id("CreateResourceScope")
                .body::<NewResourceScope>()
                .created::<Scope>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/resources/{id}/scopes/{scopeId}",
        [
            patch(resources::scope_update, "Update API resource scope")
                .id("UpdateResourceScope")
                .body::<ResourceScopePatch>()
                .ok::<Scope>()
                .errors(&[404, 422]),
            delete(resources::scope_delete, "Delete API resource scope")
                .id("DeleteResourceScope")
                .errors(&[404]),
        ],
    )
    .route(
        "/roles",
        [
            get(roles::list, "Get roles")
                .id("ListRoles")
                .query("q", Q)
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
            post(roles::create, "Create a role")
                .id("CreateRole")
                .body::<NewRole>()
                .ok::<Role>()
                .errors(&[422]),
        ],
    )
    .route(
        "/roles/{id}",
        [
            get(roles::get, "Get role")
                .id("GetRole")
                .ok::<Role>()
                .errors(&[404]),
            patch(roles::update, "Update role")
                .id("UpdateRole")
                .body::<RolePatch>()
                .ok::<Role>()
                .errors(&[404, 422]),
            delete(roles::delete, "Delete role")
                .id("DeleteRole")
                .errors(&[404]),
        ],
    )
    .route(
        "/roles/{id}/scopes",
        [
            get(roles::scopes, "Get role scopes")
                .id("ListRoleScopes")
                .all::<Scope>()
                .errors(&[404]),
            post(roles::scopes_add, "Link scopes to role")
                .id("CreateRoleScope")
                .body::<RoleScopesAdd>()
                .created_all::<Scope>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/scopes/{scopeId}",
        [delete(roles::scope_remove, "Unlink scope from role")
            .id("DeleteRoleScope")
            .errors(&[404])],
    )
    .route(
        "/roles/{id}/users",
        [
            get(roles::users, "Get role users")
                .id("ListRoleUsers")
                .paged::<User>()
                .errors(&[404]),
            post(roles::users_add, "Assign role to users")
                .id("CreateRoleUser")
                .body::<RoleUsersAdd>()
                .created_empty()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/users/{userId}",
        [delete(roles::user_remove, "Remove role from user")
            .id("DeleteRoleUser")
            .errors(&[404])],
    )
    .route(
        "/roles/{id}/applications",
        [
            get(roles::applications, "Get role applications")
                .id("ListRoleApplications")
                .paged::<Application>()
                .errors(&[404]),
            post(roles::applications_add, "Assign role to applications")
                .id("CreateRoleApplication")
                .body::<RoleApplicationsAdd>()
                .created_empty()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/applications/{applicationId}",
        [
            delete(roles::application_remove, "Remove role from application")
                .id("DeleteRoleApplication")
                .errors(&[404]),
        ],
    )
}
