//! Every Management API resource, each registering its operations (path, handler and OpenAPI
//! description; Logto's paths, the second path parameter carrying Logto's name, e.g.
//! `{userId}`) in its own module.

use super::docs::ApiRoutes;
use super::{
    applications, id_token_config, one_time_tokens, organization_invitations, organization_jit,
    organization_members, organization_roles, organization_scopes, organizations, private_keys,
    resources, role_grants, roles, sign_in_exp, sso_connectors, users, verification_codes,
};

pub fn api() -> ApiRoutes {
    let api = ApiRoutes::new();
    let api = organizations::routes(api);
    let api = organization_members::routes(api);
    let api = organization_jit::routes(api);
    let api = organization_invitations::routes(api);
    let api = organization_scopes::routes(api);
    let api = organization_roles::routes(api);
    let api = sso_connectors::routes(api);
    let api = resources::routes(api);
    let api = roles::routes(api);
    let api = users::routes(api);
    let api = applications::routes(api);
    let api = role_grants::routes(api);
    let api = sign_in_exp::routes(api);
    let api = id_token_config::routes(api);
    let api = verification_codes::routes(api);
    let api = one_time_tokens::routes(api);
    private_keys::routes(api)
}
