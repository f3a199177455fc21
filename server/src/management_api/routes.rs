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
            get(organizations::organizations_list, "Get organizations")
                .id("ListOrganizations")
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
                .id("CreateOrganization")
                .body::<OrganizationCreate>()
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
                .body::<OrganizationJitEmailDomainAdd>()
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

fn member_routes(api: ApiRoutes) -> ApiRoutes {
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

fn template_routes(api: ApiRoutes) -> ApiRoutes {
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
                .body::<OrganizationRoleCreate>()
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
                .body::<SsoConnectorCreate>()
                .created::<SsoConnector>()
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

fn resource_and_role_routes(api: ApiRoutes) -> ApiRoutes {
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
                .body::<ResourceCreate>()
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
                .body::<ResourceScopeCreate>()
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
                .body::<RoleCreate>()
                .created::<Role>()
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

fn user_and_application_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/users",
        [
            get(users::list, "Get users")
                .id("ListUsers")
                .query("q", Q)
                .query("excludeOrganizationId", "Leave out members of this organization.")
                .paged::<User>(),
            post(users::create, "Create user")
                .id("CreateUser")
                .body::<UserCreate>()
                .created::<User>()
                .errors(&[422]),
        ],
    )
    .route(
        "/users/{id}",
        [
            get(users::get, "Get user")
                .id("GetUser")
                .ok::<User>()
                .errors(&[404]),
            patch(users::update, "Update user")
                .id("UpdateUser")
                .body::<UserPatch>()
                .ok::<User>()
                .errors(&[404, 422]),
            delete(users::delete, "Delete user")
                .id("DeleteUser")
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/organizations",
        [
            get(users::organizations, "Get organizations for a user")
                .id("ListUserOrganizations")
                .all::<OrganizationWithRoles>()
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications",
        [
            get(mfa::list, "Get user's MFA verifications")
                .id("ListUserMfaVerifications")
                .all::<MfaVerification>()
                .errors(&[404]),
            post(mfa::create, "Create an MFA verification for a user")
                .id("CreateUserMfaVerification")
                .body::<UserMfaVerificationCreate>()
                .ok::<NewMfaVerification>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications/{verificationId}",
        [delete(mfa::delete, "Delete an MFA verification for a user")
            .id("DeleteUserMfaVerification")
            .errors(&[404])],
    )
    .route(
        "/sign-in-exp",
        [
            get(sign_in_exp::get, "Get default sign-in experience settings")
                .id("GetSignInExp")
                .ok::<SignInExperience>(),
            patch(sign_in_exp::patch, "Update default sign-in experience settings")
                .id("UpdateSignInExp")
                .body::<SignInExperiencePatch>()
                .ok::<SignInExperience>(),
        ],
    )
    .route(
        "/applications",
        [
            get(applications::applications_list, "Get applications")
                .id("ListApplications")
                .query("q", Q)
                .query(
                    "types",
                    "Comma-separated application types (`Native`, `SPA`, `Traditional`, `MachineToMachine`, `Protected`, `SAML`); may repeat.",
                )
                .query("excludeOrganizationId", "Leave out applications in this organization.")
                .list::<Application>(),
            post(applications::application_create, "Create an application")
                .id("CreateApplication")
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
                .id("GetApplication")
                .ok::<Application>()
                .errors(&[404]),
            patch(applications::application_patch, "Update application")
                .id("UpdateApplication")
                .body::<ApplicationPatch>()
                .ok::<Application>()
                .errors(&[404, 422]),
            delete(applications::application_delete, "Delete application")
                .id("DeleteApplication")
                .errors(&[404]),
        ],
    )
    .route(
        "/applications/{id}/organizations",
        [
            get(
                applications::application_organizations,
                "Get application organizations",
            )
            .id("ListApplicationOrganizations")
            .list::<OrganizationWithRoles>()
            .errors(&[404]),
        ],
    )
    .route(
        "/configs/id-token",
        [
            get(id_token_config::get, "Get ID token claims configuration")
                .id("GetIdTokenConfig")
                .ok::<IdTokenConfig>(),
            put(id_token_config::put, "Upsert ID token claims configuration")
                .id("UpsertIdTokenConfig")
                .body::<IdTokenConfigReplace>()
                .ok::<IdTokenConfig>(),
        ],
    )
    .route(
        "/configs/oidc/private-keys",
        [get(keys::private_keys_list, "Get OIDC keys")
            .id("GetOidcKeys")
            .all::<PrivateKeyInfo>()],
    )
    .route(
        "/configs/oidc/private-keys/rotate",
        [
            post(keys::private_keys_rotate, "Rotate OIDC keys")
                .id("RotateOidcKeys")
                .describe("A new key signs from now on; earlier public keys stay in the JWKS.")
                .created_all::<PrivateKeyInfo>(),
        ],
    )
}
