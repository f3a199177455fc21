//! Organizations and their just-in-time provisioning settings.

use app::model::{JitEmailDomain, Organization, OrganizationRole, SsoConnector};

use crate::domain::jit::NewJitEmailDomain;
use crate::domain::organizations::{NewOrganization, OrganizationPatch};
use crate::management_api::bodies::{
    OrganizationJitEmailDomainsReplace, OrganizationJitRolesAdd, OrganizationJitRolesReplace,
    OrganizationJitSsoConnectorsAdd, OrganizationJitSsoConnectorsReplace,
};
use crate::management_api::docs::{ApiRoutes, delete, get, patch, post, put};
use crate::management_api::{jit, organizations};

pub(super) fn organization_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations",
        [
            get(organizations::organizations_list, "Get organizations")
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
            post(organizations::organization_create, "Create an organization")
                .id("CreateOrganization")
                .body::<NewOrganization>()
                .created::<Organization>(),
        ],
    )
    .route(
        "/organizations/{id}",
        [
            get(organizations::organization_get, "Get organization")
                .id("GetOrganization")
                .ok::<Organization>()
                .errors(&[404]),
            patch(organizations::organization_update, "Update organization")
                .id("UpdateOrganization")
                .body::<OrganizationPatch>()
                .ok::<Organization>()
                .errors(&[404, 422]),
            delete(organizations::organization_delete, "Delete organization")
                .id("DeleteOrganization")
                .describe("Its memberships, member roles and just-in-time settings go with it.")
                .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/email-domains",
        [
            get(jit::email_domains, "Get organization JIT email domains")
                .id("ListOrganizationJitEmailDomains")
                .list::<JitEmailDomain>()
                .errors(&[404]),
            post(jit::email_domain_add, "Add organization JIT email domain")
                .id("CreateOrganizationJitEmailDomain")
                .body::<NewJitEmailDomain>()
                .created::<JitEmailDomain>()
                .errors(&[404, 422]),
            put(jit::email_domains_replace, "Replace organization JIT email domains")
                .id("ReplaceOrganizationJitEmailDomains")
                .body::<OrganizationJitEmailDomainsReplace>()
                .no_content()
                .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/email-domains/{emailDomain}",
        [
            delete(jit::email_domain_remove, "Remove organization JIT email domain")
                .id("DeleteOrganizationJitEmailDomain")
                .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/roles",
        [
            get(jit::roles, "Get organization JIT default roles")
                .id("ListOrganizationJitRoles")
                .list::<OrganizationRole>()
                .errors(&[404]),
            post(jit::role_relation::add, "Add organization JIT default roles")
                .id("CreateOrganizationJitRole")
                .body::<OrganizationJitRolesAdd>()
                .created_empty()
                .errors(&[404, 422]),
            put(jit::role_relation::replace, "Replace organization JIT default roles")
                .id("ReplaceOrganizationJitRoles")
                .body::<OrganizationJitRolesReplace>()
                .no_content()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/organizations/{id}/jit/roles/{organizationRoleId}",
        [delete(
            jit::role_relation::remove,
            "Remove organization JIT default role",
        )
        .id("DeleteOrganizationJitRole")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/jit/sso-connectors",
        [
            get(jit::sso_connectors, "Get organization JIT SSO connectors")
                .id("ListOrganizationJitSsoConnectors")
                .all::<SsoConnector>()
                .errors(&[404]),
            post(jit::sso_connector_relation::add, "Add organization JIT SSO connectors")
                .id("CreateOrganizationJitSsoConnector")
                .body::<OrganizationJitSsoConnectorsAdd>()
                .created_empty()
                .errors(&[404, 422]),
            put(jit::sso_connector_relation::replace, "Replace organization JIT SSO connectors")
                .id("ReplaceOrganizationJitSsoConnectors")
                .body::<OrganizationJitSsoConnectorsReplace>()
                .no_content()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/organizations/{id}/jit/sso-connectors/{ssoConnectorId}",
        [
            delete(jit::sso_connector_relation::remove, "Remove organization JIT SSO connector")
                .id("DeleteOrganizationJitSsoConnector")
                .errors(&[404]),
        ],
    )
}
