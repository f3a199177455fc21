//! Every Management API operation: its path, handler and OpenAPI description (Logto's paths;
//! the second path parameter carries Logto's name, e.g. `{userId}`).

mod member_paths;
mod organization_paths;
mod resource_and_role_paths;
mod template_paths;
mod user_and_application_paths;

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

const Q: &str = "Search text: a case-insensitive substring of the name, ID or other listed fields; \
                 at most 256 characters (longer: 400 `guard.invalid_input`).";

pub fn api() -> ApiRoutes {
    let api = organization_paths::organization_routes(ApiRoutes::new());
    let api = member_paths::member_routes(api);
    let api = template_paths::template_routes(api);
    let api = resource_and_role_paths::resource_and_role_routes(api);
    user_and_application_paths::user_and_application_routes(api)
}
