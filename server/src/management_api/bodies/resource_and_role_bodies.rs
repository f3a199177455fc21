//! API resources with their permissions, and global roles.

use utoipa::ToSchema;

use super::shared::RoleType;

/// `POST /api/resources`: a new API resource (a taken indicator is refused with 422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceCreate {
    #[schema(min_length = 1, max_length = 4096)]
    pub name: String,
    /// The API identifier that clients request as `resource`, usually its URL.
    #[schema(min_length = 1, max_length = 4096, example = "https://api.example.com")]
    pub indicator: String,
    /// Lifetime of access tokens for this resource, in whole seconds (default 3600).
    #[schema(nullable = false, minimum = 1)]
    pub access_token_ttl: Option<i64>,
}

/// `PATCH /api/resources/{id}`: the keys given change, the others keep their values (the
/// indicator cannot change). The Management API resource cannot be changed (400).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourcePatch {
    #[schema(nullable = false, min_length = 1, max_length = 4096)]
    pub name: Option<String>,
    /// Lifetime of access tokens for this resource, in whole seconds.
    #[schema(nullable = false, minimum = 1)]
    pub access_token_ttl: Option<i64>,
}

/// `PATCH /api/resources/{id}/is-default`: makes the resource the default audience of user
/// access tokens, or stops it being one (at most one resource is the default).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceIsDefaultPatch {
    pub is_default: bool,
}

/// `POST /api/resources/{id}/scopes`: a new permission of the resource.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceScopeCreate {
    /// A single token such as `read:docs`, unique within the resource: a name with white space
    /// is refused with 400 `scope.name_with_space`, a taken one with 422.
    #[schema(min_length = 1, max_length = 256, pattern = r"^\S+$")]
    pub name: String,
    #[schema(nullable, max_length = 4096)]
    pub description: Option<String>,
}

/// `PATCH /api/resources/{id}/scopes/{scopeId}`: the keys given change, the others keep their
/// values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceScopePatch {
    /// A single token such as `read:docs`, unique within the resource: a name with white space
    /// is refused with 400 `scope.name_with_space`, a taken one with 422.
    #[schema(nullable = false, min_length = 1, max_length = 256, pattern = r"^\S+$")]
    pub name: Option<String>,
    #[schema(nullable, max_length = 4096)]
    pub description: Option<String>,
}

/// `POST /api/roles`: a new role with API permissions (a taken name is refused with 422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(min_length = 1, max_length = 128)]
    pub description: String,
    /// Default `User`; fixed once the role exists.
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
    /// API permissions the role holds from the start.
    #[schema(nullable = false, min_length = 1)]
    pub scope_ids: Option<Vec<String>>,
    /// Whether new users receive the role (default `false`).
    #[schema(nullable = false)]
    pub is_default: Option<bool>,
}

/// `PATCH /api/roles/{id}`: the keys given change, the others keep their values (the type
/// cannot change).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub description: Option<String>,
    /// Whether new users receive the role.
    #[schema(nullable = false)]
    pub is_default: Option<bool>,
}

/// `POST /api/roles/{id}/scopes`: API permissions to add to the role; repeated and existing
/// ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `POST /api/roles/{id}/users`: users to give the role (a `User` role only); repeated and
/// existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/roles/{id}/applications`: machine-to-machine applications to give the role (a
/// `MachineToMachine` role only); repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleApplicationsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
}
