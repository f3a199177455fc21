use serde::{Deserialize, Serialize};

/// Role types of the organization template.
pub const ORGANIZATION_ROLE_TYPES: [&str; 2] = ["User", "MachineToMachine"];

/// Logto's OrganizationRole (plain shape).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRole {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub role_type: String,
}

/// `{id, name}`: a role a member holds, or an organization permission a role holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

/// An API permission a role holds, with its resource.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResourceScopeRef {
    pub id: String,
    pub name: String,
    pub resource: NamedRef,
}

/// The role list's item: the role and every permission it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleWithScopes {
    #[serde(flatten)]
    pub role: OrganizationRole,
    pub scopes: Vec<NamedRef>,
    pub resource_scopes: Vec<ResourceScopeRef>,
}

/// A role with the permissions it holds, as the role detail page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RolePermissions {
    pub role: OrganizationRole,
    pub scopes: Vec<super::OrganizationScope>,
    pub resource_scopes: Vec<super::Scope>,
}
