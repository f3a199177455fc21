//! Every Management API operation: its path, handler and OpenAPI description (Logto's paths;
//! the second path parameter carries Logto's name, e.g. `{userId}`).

use app::model::{
    Application, ApplicationWithOrganizationRoles, CreatedApplication, JitEmailDomain,
    Organization, OrganizationRole, OrganizationRoleWithScopes, OrganizationScope,
    OrganizationWithRoles, Resource, ResourceWithScopes, Role, RoleWithHolders, Scope,
    SsoConnector, User, UserWithOrganizationRoles,
};

use super::bodies::*;
use super::docs::{ApiRoutes, delete, get, patch, post, put};
use super::id_token_config::IdTokenConfig;
use super::keys::PrivateKeyInfo;
use super::organization_members as members;
use super::sign_in_exp::SignInExperience;
use super::{
    applications, id_token_config, jit, keys, mfa, organization_roles, organization_scopes,
    organizations, resources, roles, sign_in_exp, sso_connectors, users,
};
use crate::domain::mfa::{MfaVerification, NewMfaVerification};

const Q: &str = "Search text: a case-insensitive substring of the name, ID or other listed fields.";

pub fn api() -> ApiRoutes {
    let api = organization_routes(ApiRoutes::new());
    let api = member_routes(api);
    let api = template_routes(api);
    let api = resource_and_role_routes(api);
    user_and_application_routes(api)
}

fn organization_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations",
        [
            get(organizations::organizations_list, "List organizations")
                .query(
                    "q",
                    "Search text: a case-insensitive substring of the name or ID.",
                )
                .query(
                    "showFeatured",
                    "`true` adds `usersCount` and up to three `featuredUsers` to each organization.",
                )
                .paged::<Organization>(),
            post(organizations::organization_create, "Create an organization")
                .body::<OrganizationCreate>()
                .created::<Organization>(),
        ],
    )
    .route(
        "/organizations/{id}",
        [
            get(organizations::organization_get, "Get organization")
                .ok::<Organization>()
                .errors(&[404]),
            patch(organizations::organization_update, "Update organization")
                .body::<OrganizationPatch>()
                .ok::<Organization>()
                .errors(&[404, 422]),
            delete(organizations::organization_delete, "Delete organization")
                .describe("Its memberships, member roles and just-in-time settings go with it.")
                .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/email-domains",
        [
            get(jit::email_domains, "List organization JIT email domains")
                .list::<JitEmailDomain>()
                .errors(&[404]),
            post(jit::email_domain_add, "Add organization JIT email domain")
                .body::<OrganizationJitEmailDomainAdd>()
                .created::<JitEmailDomain>()
                .errors(&[404, 422]),
            put(jit::email_domains_replace, "Replace organization JIT email domains")
                .body::<OrganizationJitEmailDomainsReplace>()
                .no_content()
                .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/email-domains/{emailDomain}",
        [
            delete(jit::email_domain_remove, "Remove organization JIT email domain")
                .errors(&[404]),
        ],
    )
    .route(
        "/organizations/{id}/jit/roles",
        [
            get(jit::roles, "List organization JIT default roles")
                .list::<OrganizationRole>()
                .errors(&[404]),
            post(jit::role_relation::add, "Add organization JIT default roles")
                .body::<OrganizationJitRolesAdd>()
                .created_empty()
                .errors(&[404, 422]),
            put(jit::role_relation::replace, "Replace organization JIT default roles")
                .body::<OrganizationJitRolesReplace>()
                .no_content()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/organizations/{id}/jit/roles/{organizationRoleId}",
        [delete(jit::role_relation::remove, "Remove organization JIT default role").errors(&[404])],
    )
    .route(
        "/organizations/{id}/jit/sso-connectors",
        [
            get(jit::sso_connectors, "List organization JIT SSO connectors")
                .all::<SsoConnector>()
                .errors(&[404]),
            post(jit::sso_connector_relation::add, "Add organization JIT SSO connectors")
                .body::<OrganizationJitSsoConnectorsAdd>()
                .created_empty()
                .errors(&[404, 422]),
            put(jit::sso_connector_relation::replace, "Replace organization JIT SSO connectors")
                .body::<OrganizationJitSsoConnectorsReplace>()
                .no_content()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/organizations/{id}/jit/sso-connectors/{ssoConnectorId}",
        [
            delete(jit::sso_connector_relation::remove, "Remove organization JIT SSO connector")
                .errors(&[404]),
        ],
    )
}

fn member_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organizations/{id}/users",
        [
            get(members::users_list, "Get organization user members")
                .query("q", Q)
                .query(
                    "organizationRoleId",
                    "Only members holding this organization role.",
                )
                .paged::<UserWithOrganizationRoles>(),
            post(members::users::add, "Add user members to organization")
                .body::<OrganizationUsersAdd>()
                .created::<OrganizationUsersAdd>()
                .errors(&[422]),
            put(members::users::replace, "Replace organization user members")
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
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/users/{userId}/roles",
        [
            get(
                members::users::roles,
                "Get roles for a user in an organization",
            )
            .list::<OrganizationRole>()
            .errors(&[422]),
            post(
                members::users::roles_add,
                "Add organization roles to a user",
            )
            .body::<OrganizationUserRolesAssign>()
            .created::<OrganizationUserRolesAssign>()
            .errors(&[422]),
            put(
                members::users::roles_replace,
                "Update roles for a user in an organization",
            )
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
        .errors(&[404, 422])],
    )
    .route(
        "/organizations/{id}/users/{userId}/scopes",
        [get(
            members::user_scopes,
            "Get scopes for a user in an organization",
        )
        .all::<OrganizationScope>()
        .errors(&[422])],
    )
    .route(
        "/organizations/{id}/applications",
        [
            get(members::applications_list, "Get organization applications")
                .query("q", Q)
                .paged::<ApplicationWithOrganizationRoles>(),
            post(members::applications::add, "Add organization application")
                .describe("Machine-to-machine applications only.")
                .body::<OrganizationApplicationsAdd>()
                .created_empty()
                .errors(&[422]),
            put(
                members::applications::replace,
                "Replace organization applications",
            )
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
        .errors(&[404])],
    )
    .route(
        "/organizations/{id}/applications/{applicationId}/roles",
        [
            get(
                members::applications::roles,
                "Get organization application roles",
            )
            .list::<OrganizationRole>()
            .errors(&[422]),
            post(
                members::applications::roles_add,
                "Add roles to application in organization",
            )
            .body::<OrganizationApplicationRolesAssign>()
            .created_empty()
            .errors(&[422]),
            put(
                members::applications::roles_replace,
                "Replace roles for application in organization",
            )
            .body::<OrganizationApplicationRolesAssign>()
            .no_content()
            .errors(&[422]),
        ],
    )
    .route(
        "/organizations/{id}/applications/{applicationId}/roles/{organizationRoleId}",
        [delete(
            members::applications::role_remove,
            "Remove a role from application in organization",
        )
        .errors(&[404, 422])],
    )
}

fn template_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organization-scopes",
        [
            get(
                organization_scopes::organization_scopes_list,
                "Get organization scopes",
            )
            .query("q", Q)
            .list::<OrganizationScope>(),
            post(
                organization_scopes::organization_scope_create,
                "Create an organization scope",
            )
            .body::<OrganizationScopeCreate>()
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
            .ok::<OrganizationScope>()
            .errors(&[404]),
            patch(
                organization_scopes::organization_scope_update,
                "Update organization scope",
            )
            .body::<OrganizationScopePatch>()
            .ok::<OrganizationScope>()
            .errors(&[404, 422]),
            delete(
                organization_scopes::organization_scope_delete,
                "Delete organization scope",
            )
            .errors(&[404]),
        ],
    )
    .route(
        "/organization-roles",
        [
            get(organization_roles::list, "Get organization roles")
                .query("q", Q)
                .query(
                    "type",
                    "`User` or `MachineToMachine`: only roles of this type.",
                )
                .paged::<OrganizationRoleWithScopes>(),
            post(organization_roles::create, "Create an organization role")
                .describe("The initial permissions are granted in the same transaction.")
                .body::<OrganizationRoleCreate>()
                .created::<OrganizationRole>()
                .errors(&[422]),
        ],
    )
    .route(
        "/organization-roles/{id}",
        [
            get(organization_roles::get, "Get organization role")
                .ok::<OrganizationRole>()
                .errors(&[404]),
            patch(organization_roles::update, "Update organization role")
                .body::<OrganizationRolePatch>()
                .ok::<OrganizationRole>()
                .errors(&[404, 422]),
            delete(organization_roles::delete, "Delete organization role").errors(&[404]),
        ],
    )
    .route(
        "/organization-roles/{id}/scopes",
        [
            get(organization_roles::scopes, "Get organization role scopes")
                .list::<OrganizationScope>()
                .errors(&[404]),
            post(
                organization_roles::scope_relation::add,
                "Assign organization scopes to organization role",
            )
            .body::<OrganizationRoleScopesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                organization_roles::scope_relation::replace,
                "Replace organization scopes for organization role",
            )
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
        .errors(&[404])],
    )
    .route(
        "/organization-roles/{id}/resource-scopes",
        [
            get(
                organization_roles::resource_scopes,
                "Get organization role resource scopes",
            )
            .list::<Scope>()
            .errors(&[404]),
            post(
                organization_roles::resource_scope_relation::add,
                "Assign resource scopes to organization role",
            )
            .body::<OrganizationRoleResourceScopesAdd>()
            .created_empty()
            .errors(&[404, 422]),
            put(
                organization_roles::resource_scope_relation::replace,
                "Replace resource scopes for organization role",
            )
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
        .errors(&[404])],
    )
    .route(
        "/sso-connectors",
        [
            get(sso_connectors::list, "List SSO connectors").list::<SsoConnector>(),
            post(sso_connectors::create, "Create SSO connector")
                .describe("Secret configuration values are stored but never returned.")
                .body::<SsoConnectorCreate>()
                .created::<SsoConnector>()
                .errors(&[422]),
        ],
    )
    .route(
        "/sso-connectors/{id}",
        [
            get(sso_connectors::get, "Get SSO connector")
                .ok::<SsoConnector>()
                .errors(&[404]),
            patch(sso_connectors::update, "Update SSO connector")
                .body::<SsoConnectorPatch>()
                .ok::<SsoConnector>()
                .errors(&[404, 422]),
            delete(sso_connectors::delete, "Delete SSO connector").errors(&[404]),
        ],
    )
}

fn resource_and_role_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/resources",
        [
            get(resources::list, "List API resources")
                .query(
                    "includeScopes",
                    "`true` returns each resource with its `scopes` (`ResourceWithScopes`).",
                )
                .list::<Resource>(),
            post(resources::create, "Create an API resource")
                .body::<ResourceCreate>()
                .created::<ResourceWithScopes>()
                .errors(&[422]),
        ],
    )
    .route(
        "/resources/{id}",
        [
            get(resources::get, "Get API resource")
                .ok::<Resource>()
                .errors(&[404]),
            patch(resources::update, "Update API resource")
                .body::<ResourcePatch>()
                .ok::<Resource>()
                .errors(&[404, 422]),
            delete(resources::delete, "Delete API resource").errors(&[404]),
        ],
    )
    .route(
        "/resources/{id}/is-default",
        [patch(resources::set_default, "Set API resource as default")
            .body::<ResourceIsDefaultPatch>()
            .ok::<Resource>()
            .errors(&[404])],
    )
    .route(
        "/resources/{id}/scopes",
        [
            get(resources::scopes, "Get API resource scopes")
                .query("q", Q)
                .paged::<Scope>()
                .errors(&[404]),
            post(resources::scope_create, "Create API resource scope")
                .body::<ResourceScopeCreate>()
                .created::<Scope>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/resources/{id}/scopes/{scopeId}",
        [
            patch(resources::scope_update, "Update API resource scope")
                .body::<ResourceScopePatch>()
                .ok::<Scope>()
                .errors(&[404, 422]),
            delete(resources::scope_delete, "Delete API resource scope").errors(&[404]),
        ],
    )
    .route(
        "/roles",
        [
            get(roles::list, "Get roles")
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
                .body::<RoleCreate>()
                .created::<Role>()
                .errors(&[422]),
        ],
    )
    .route(
        "/roles/{id}",
        [
            get(roles::get, "Get role").ok::<Role>().errors(&[404]),
            patch(roles::update, "Update role")
                .body::<RolePatch>()
                .ok::<Role>()
                .errors(&[404, 422]),
            delete(roles::delete, "Delete role").errors(&[404]),
        ],
    )
    .route(
        "/roles/{id}/scopes",
        [
            get(roles::scopes, "Get role scopes")
                .all::<Scope>()
                .errors(&[404]),
            post(roles::scopes_add, "Link scopes to role")
                .body::<RoleScopesAdd>()
                .created_all::<Scope>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/scopes/{scopeId}",
        [delete(roles::scope_remove, "Unlink scope from role").errors(&[404])],
    )
    .route(
        "/roles/{id}/users",
        [
            get(roles::users, "Get role users")
                .paged::<User>()
                .errors(&[404]),
            post(roles::users_add, "Assign role to users")
                .body::<RoleUsersAdd>()
                .created_empty()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/users/{userId}",
        [delete(roles::user_remove, "Remove role from user").errors(&[404])],
    )
    .route(
        "/roles/{id}/applications",
        [
            get(roles::applications, "Get role applications")
                .paged::<Application>()
                .errors(&[404]),
            post(roles::applications_add, "Assign role to applications")
                .body::<RoleApplicationsAdd>()
                .created_empty()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/roles/{id}/applications/{applicationId}",
        [delete(roles::application_remove, "Remove role from application").errors(&[404])],
    )
}

fn user_and_application_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/users",
        [
            get(users::list, "Get users")
                .query("q", Q)
                .query("excludeOrganizationId", "Leave out members of this organization.")
                .paged::<User>(),
            post(users::create, "Create user")
                .body::<UserCreate>()
                .created::<User>()
                .errors(&[422]),
        ],
    )
    .route(
        "/users/{id}",
        [
            get(users::get, "Get user").ok::<User>().errors(&[404]),
            patch(users::update, "Update user")
                .body::<UserPatch>()
                .ok::<User>()
                .errors(&[404, 422]),
            delete(users::delete, "Delete user").errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/organizations",
        [
            get(users::organizations, "Get organizations for a user")
                .all::<OrganizationWithRoles>()
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications",
        [
            get(mfa::list, "Get user's MFA verifications")
                .all::<MfaVerification>()
                .errors(&[404]),
            post(mfa::create, "Create an MFA verification for a user")
                .body::<UserMfaVerificationCreate>()
                .ok::<NewMfaVerification>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications/{verificationId}",
        [delete(mfa::delete, "Delete an MFA verification for a user").errors(&[404])],
    )
    .route(
        "/sign-in-exp",
        [
            get(sign_in_exp::get, "Get default sign-in experience settings")
                .ok::<SignInExperience>(),
            patch(sign_in_exp::patch, "Update default sign-in experience settings")
                .body::<SignInExperiencePatch>()
                .ok::<SignInExperience>(),
        ],
    )
    .route(
        "/applications",
        [
            get(applications::applications_list, "Get applications")
                .query("q", Q)
                .query(
                    "types",
                    "Comma-separated application types (`Native`, `SPA`, `Traditional`, `MachineToMachine`, `Protected`, `SAML`); may repeat.",
                )
                .query("excludeOrganizationId", "Leave out applications in this organization.")
                .list::<Application>(),
            post(applications::application_create, "Create an application")
                .describe("Traditional and machine-to-machine applications get a secret, returned this once.")
                .body::<ApplicationCreate>()
                .created::<CreatedApplication>()
                .errors(&[422]),
        ],
    )
    .route(
        "/applications/{id}",
        [
            get(applications::application_get, "Get application")
                .ok::<Application>()
                .errors(&[404]),
            patch(applications::application_patch, "Update application")
                .body::<ApplicationPatch>()
                .ok::<Application>()
                .errors(&[404, 422]),
            delete(applications::application_delete, "Delete application").errors(&[404]),
        ],
    )
    .route(
        "/applications/{id}/organizations",
        [
            get(
                applications::application_organizations,
                "Get application organizations",
            )
            .list::<OrganizationWithRoles>()
            .errors(&[404]),
        ],
    )
    .route(
        "/configs/id-token",
        [
            get(id_token_config::get, "Get ID token claims configuration").ok::<IdTokenConfig>(),
            put(id_token_config::put, "Update ID token claims configuration")
                .body::<IdTokenConfigReplace>()
                .ok::<IdTokenConfig>(),
        ],
    )
    .route(
        "/configs/oidc/private-keys",
        [get(keys::private_keys_list, "Get OIDC private keys").all::<PrivateKeyInfo>()],
    )
    .route(
        "/configs/oidc/private-keys/rotate",
        [
            post(keys::private_keys_rotate, "Rotate OIDC private keys")
                .describe("A new key signs from now on; earlier public keys stay in the JWKS.")
                .created_all::<PrivateKeyInfo>(),
        ],
    )
}
