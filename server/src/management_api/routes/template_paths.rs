//! The organization template (permissions and roles) and enterprise SSO connectors.

use app::model::{
    OrganizationRole, OrganizationRoleWithScopes, OrganizationScope, Scope, SsoConnector,
};

use super::search_param::Q;
use crate::domain::organization_roles::{NewOrganizationRole, OrganizationRolePatch};
use crate::domain::organization_scopes::{NewOrganizationScope, OrganizationScopePatch};
use crate::domain::sso_connectors::{NewSsoConnector, SsoConnectorPatch};
use crate::management_api::bodies::{
    OrganizationRoleResourceScopesAdd, OrganizationRoleResourceScopesReplace,
    OrganizationRoleScopesAdd, OrganizationRoleScopesReplace,
};
use crate::management_api::docs::{ApiRoutes, delete, get, patch, post, put};
use crate::management_api::{organization_roles, organization_scopes, sso_connectors};

pub(super) fn template_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organization-scopes",
        [
            get(
                organization_scopes::organization_scopes_list,
                "Get organization scopes",
            )
            .id("ListOrganizationScopes")
            .query("q", Q)
            .list::<OrganizationScope>(),
            post(
                organization_scopes::organization_scope_create,
                "Create an organization scope",
            )
            .id("CreateOrganizationScope")
            .body::<NewOrganizationScope>()
            .created::<OrganizationScope>()
            .errors(&[422]),
        ],
    )
    .route(
        "/organization-scopes/{id}",
        [
            get(
                organization_scopes::organization_scope_get,
                "Get organization scope",
            )
            .id("GetOrganizationScope")
            .ok::<OrganizationScope>()
            .errors(&[404]),
            patch(
                organization_scopes::organization_scope_update,
                "Update organization scope",
            )
            .id("UpdateOrganizationScope")
            .body::<OrganizationScopePatch>()
            .ok::<OrganizationScope>()
            .errors(&[404, 422]),
            delete(
                organization_scopes::organization_scope_delete,
                "Delete organization scope",
            )
            .id("DeleteOrganizationScope")
            .errors(&[404]),
        ],
    )
    .route(
        "/organization-roles",
        [
            get(organization_roles::list, "Get organization roles")
                .id("ListOrganizationRoles")
                .query("q", Q)
                .query(
                    "type",
                    "`User` or `MachineToMachine`: only roles of this type.",
                )
                .paged::<OrganizationRoleWithScopes>(),
            post(organization_roles::create, "Create an organization role")
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
            get(organization_roles::get, "Get organization role")
                .id("GetOrganizationRole")
                .ok::<OrganizationRole>()
                .errors(&[404]),
            patch(organization_roles::update, "Update organization role")
                .id("UpdateOrganizationRole")
                .body::<OrganizationRolePatch>()
                .ok::<OrganizationRole>()
                .errors(&[404, 422]),
            delete(organization_roles::delete, "Delete organization role")
                .id("DeleteOrganizationRole")
                .errors(&[404]),
        ],
    )
    .route(
        "/organization-roles/{id}/scopes",
        [
            get(organization_roles::scopes, "Get organization role scopes")
                .id("ListOrganizationRoleScopes")
                .list::<OrganizationScope>()
                .errors(&[404]),
            post(
                organization_roles::scope_relation::add,
                "Assign organization scopes to organization role",
            )
            .id("CreateOrganizationRoleScope")
            .body::<OrganizationRoleScopesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                organization_roles::scope_relation::replace,
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
            organization_roles::scope_relation::remove,
            "Remove organization scope",
        )
        .id("DeleteOrganizationRoleScope")
        .errors(&[404])],
    )
    .route(
        "/organization-roles/{id}/resource-scopes",
        [
            get(
                organization_roles::resource_scopes,
                "Get organization role resource scopes",
            )
            .id("ListOrganizationRoleResourceScopes")
            .list::<Scope>()
            .errors(&[404]),
            post(
                organization_roles::resource_scope_relation::add,
                "Assign resource scopes to organization role",
            )
            .id("CreateOrganizationRoleResourceScope")
            .body::<OrganizationRoleResourceScopesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                organization_roles::resource_scope_relation::replace,
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
            organization_roles::resource_scope_relation::remove,
            "Remove resource scope",
        )
        .id("DeleteOrganizationRoleResourceScope")
        .errors(&[404])],
    )
    .route(
        "/sso-connectors",
        [
            get(sso_connectors::list, "List SSO connectors")
                .id("ListSsoConnectors")
                .list::<SsoConnector>(),
            post(sso_connectors::create, "Create SSO connector")
                .id("CreateSsoConnector")
                .describe("Secret configuration values are stored but never returned.")
                .body::<NewSsoConnector>()
                .ok::<SsoConnector>()
                .errors(&[422]),
        ],
    )
    .route(
        "/sso-connectors/{id}",
        [
            get(sso_connectors::get, "Get SSO connector")
                .id("GetSsoConnector")
                .ok::<SsoConnector>()
                .errors(&[404]),
            patch(sso_connectors::update, "Update SSO connector")
                .id("UpdateSsoConnector")
                .body::<SsoConnectorPatch>()
                .ok::<SsoConnector>()
                .errors(&[404, 422]),
            delete(sso_connectors::delete, "Delete SSO connector")
                .id("DeleteSsoConnector")
                .errors(&[404]),
        ],
    )
}
