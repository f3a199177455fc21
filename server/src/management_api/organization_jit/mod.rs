//! `/api/organizations/{id}/jit/…`, an organization's just-in-time provisioning (Logto's
//! `packages/core/src/routes/organization/jit/`): email domains, default roles and SSO
//! connectors. The handlers (`handlers.rs`), how their bodies are read (`bodies.rs`) and their
//! routes with their OpenAPI description (below).

mod bodies;
mod handlers;

use app::model::{JitEmailDomain, OrganizationRole, SsoConnector};

use crate::domain::jit::NewJitEmailDomain;
use crate::management_api::docs::{ApiRoutes, delete, get, post, put};
use bodies::{
    OrganizationJitEmailDomainsReplace, OrganizationJitRolesAdd, OrganizationJitRolesReplace,
    OrganizationJitSsoConnectorsAdd, OrganizationJitSsoConnectorsReplace,
};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations/{id}/jit/email-domains",
        [
            get(
                handlers::organization_jit_email_domains_list,
                "Get organization JIT email domains",
            )
            .id("ListOrganizationJitEmailDomains")
            .list::<JitEmailDomain>()
            .errors(&[404]),
            post(
                handlers::organization_jit_email_domain_add,
                "Add organization JIT email domain",
            )
            .id("CreateOrganizationJitEmailDomain")
            .body::<NewJitEmailDomain>()
            .created::<JitEmailDomain>()
            .errors(&[404, 422]),
            put(
                handlers::organization_jit_email_domains_replace,
                "Replace organization JIT email domains",
            )
            .id("ReplaceOrganizationJitEmailDomains")
            .body::<OrganizationJitEmailDomainsReplace>()
            .no_content()
            .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/email-domains/{emailDomain}",
        [delete(
            handlers::organization_jit_email_domain_remove,
            "Remove organization JIT email domain",
        )
        .id("DeleteOrganizationJitEmailDomain")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/jit/roles",
        [
            get(
                handlers::organization_jit_roles_list,
                "Get organization JIT default roles",
            )
            .id("ListOrganizationJitRoles")
            .list::<OrganizationRole>()
            .errors(&[404]),
            post(
                handlers::organization_jit_roles_add,
                "Add organization JIT default roles",
            )
            .id("CreateOrganizationJitRole")
            .body::<OrganizationJitRolesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                handlers::organization_jit_roles_replace,
                "Replace organization JIT default roles",
            )
            .id("ReplaceOrganizationJitRoles")
            .body::<OrganizationJitRolesReplace>()
            .no_content()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/organizations/{id}/jit/roles/{organizationRoleId}",
        [delete(
            handlers::organization_jit_role_remove,
            "Remove organization JIT default role",
        )
        .id("DeleteOrganizationJitRole")
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/jit/sso-connectors",
        [
            get(
                handlers::organization_jit_sso_connectors_list,
                "Get organization JIT SSO connectors",
            )
            .id("ListOrganizationJitSsoConnectors")
            .all::<SsoConnector>()
            .errors(&[404]),
            post(
                handlers::organization_jit_sso_connectors_add,
                "Add organization JIT SSO connectors",
            )
            .id("CreateOrganizationJitSsoConnector")
            .body::<OrganizationJitSsoConnectorsAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                handlers::organization_jit_sso_connectors_replace,
                "Replace organization JIT SSO connectors",
            )
            .id("ReplaceOrganizationJitSsoConnectors")
            .body::<OrganizationJitSsoConnectorsReplace>()
            .no_content()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/organizations/{id}/jit/sso-connectors/{ssoConnectorId}",
        [delete(
            handlers::organization_jit_sso_connector_remove,
            "Remove organization JIT SSO connector",
        )
        .id("DeleteOrganizationJitSsoConnector")
        .errors(&[404])],
    )
}
