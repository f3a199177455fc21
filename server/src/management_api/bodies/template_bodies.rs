//! The organization template: organization roles and permissions.

use std::collections::BTreeSet;

use utoipa::ToSchema;

use super::shared::RoleType;

/// `POST /api/organization-roles`: a new organization role with its initial permissions, all
/// or nothing (an unknown permission id is refused with 422 and no role is created).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    /// Default `User`.
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
    /// Organization permissions the role holds from the start.
    #[schema(nullable = false, min_length = 1)]
    pub organization_scope_ids: Option<Vec<String>>,
    /// API permissions (scopes of API resources) the role holds from the start.
    #[schema(nullable = false, min_length = 1)]
    pub resource_scope_ids: Option<Vec<String>>,
}

/// `PATCH /api/organization-roles/{id}`: the keys given change, the others keep their values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRolePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
}

/// `POST /api/organization-roles/{id}/scopes`: organization permissions to add to the role;
/// repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_scope_ids: Vec<String>,
}

/// `PUT /api/organization-roles/{id}/scopes`: the role's complete list of organization
/// permissions; a repeated id is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleScopesReplace {
    #[schema(min_length = 1)]
    pub organization_scope_ids: BTreeSet<String>,
}

/// `POST /api/organization-roles/{id}/resource-scopes`: API permissions to add to the role;
/// repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleResourceScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `PUT /api/organization-roles/{id}/resource-scopes`: the role's complete list of API
/// permissions; a repeated id is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleResourceScopesReplace {
    #[schema(min_length = 1)]
    pub scope_ids: BTreeSet<String>,
}

/// `POST /api/organization-scopes`: a new organization permission (a taken name is refused
/// with 422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationScopeCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
}

/// `PATCH /api/organization-scopes/{id}`: the keys given change, the others keep their values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationScopePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
}
