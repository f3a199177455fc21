//! Organization roles (Logto's `packages/schemas/tables/organization_roles.sql` and
//! `packages/core/src/routes/organization-role/index.ts`): the commands that create and change
//! them, their rules, the role list with permissions, and the permissions a role holds.

use std::collections::HashMap;

use app::model::{
    NamedRef, ORGANIZATION_ROLE_TYPES, OrganizationRole, OrganizationRoleWithScopes,
    OrganizationScope, ResourceScopeRef, Scope,
};
use utoipa::ToSchema;

use super::relations::{Count, check_ids, dedup};
use super::roles::RoleType;
use super::rules::{self, Issue, Issues};
use super::{DomainError, ids, organization_scopes, resources};
use crate::storage::relations::{ORGANIZATION_ROLE_RESOURCE_SCOPES, ORGANIZATION_ROLE_SCOPES};
use crate::storage::{
    OrganizationRolePatch as OrganizationRolePatchRow, OrganizationRoleRow, Page, Paged, Store,
};

pub const NAME_MAX: usize = 128;
pub const DESCRIPTION_MAX: usize = 256;

/// `POST /api/organization-roles`: a new organization role with its initial permissions, all
/// or nothing (an unknown permission id is refused with 422 and no role is created).
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewOrganizationRole {
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

/// `PATCH /api/organization-roles/{id}`: the keys given change, the others keep their values;
/// `null` clears the description.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRolePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(value_type = Option<String>, nullable, max_length = 256)]
    pub description: Option<Option<String>>,
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
}

/// The value rules of both commands, checked again here because not every caller reads a
/// Management API body.
fn check(issues: &mut Issues, name: Option<&str>, description: Option<&str>) {
    if let Some(name) = name {
        issues.text("name", name, 1, NAME_MAX);
    }
    if let Some(description) = description {
        issues.text("description", description, 0, DESCRIPTION_MAX);
    }
}

/// Organization roles never hold Management API permissions: an organization token would
/// otherwise carry tenant-wide administration to anyone an organization admits (the Management
/// API also refuses every token issued in an organization's context).
pub async fn refuse_management_api_scopes(
    store: &Store,
    tenant: &str,
    resource_scope_ids: &[String],
) -> Result<(), DomainError> {
    let found = store
        .management_api_scopes_among(tenant, resource_scope_ids)
        .await?;
    match found.first() {
        None => Ok(()),
        Some(id) => Err(DomainError::refused(
            422,
            "organization_role.management_api_scopes_not_assignable",
            format!(
                "Management API permissions cannot be assigned to organization roles \
                 (permission {id})."
            ),
        )),
    }
}

/// The line refusing `value` as a role type (key `type`, zod's enum message), or `None` when
/// it names one; the role list's `type` filter and the console's forms share it.
pub fn type_issue(value: &str) -> Option<Issue> {
    if ORGANIZATION_ROLE_TYPES.contains(&value) {
        return None;
    }
    Some(Issue::at(
        "type",
        "invalid_enum_value",
        rules::enum_message(&ORGANIZATION_ROLE_TYPES, value),
    ))
}

/// The role type named `value`, refused with [`type_issue`]'s line otherwise.
pub fn parse_type(value: &str) -> Result<RoleType, DomainError> {
    match RoleType::parse(value) {
        Some(role_type) => Ok(role_type),
        None => Err(DomainError::Invalid(
            type_issue(value).into_iter().collect(),
        )),
    }
}

pub fn to_wire(row: OrganizationRoleRow) -> OrganizationRole {
    OrganizationRole {
        tenant_id: row.tenant_id,
        id: row.id,
        name: row.name,
        description: row.description,
        role_type: row.role_type,
    }
}

/// Creates a role with its initial organization and API permissions, all or nothing.
pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewOrganizationRole,
) -> Result<OrganizationRole, DomainError> {
    let scope_ids = input.organization_scope_ids.unwrap_or_default();
    let resource_scope_ids = input.resource_scope_ids.unwrap_or_default();
    let mut issues = Issues::default();
    check(&mut issues, Some(&input.name), input.description.as_deref());
    check_ids(&mut issues, "organizationScopeIds", &scope_ids, Count::Any);
    check_ids(
        &mut issues,
        "resourceScopeIds",
        &resource_scope_ids,
        Count::Any,
    );
    issues.finish()?;
    let resource_scope_ids = dedup(resource_scope_ids);
    refuse_management_api_scopes(store, tenant, &resource_scope_ids).await?;
    let row = OrganizationRoleRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: input.name,
        description: input.description,
        role_type: input.role_type.unwrap_or_default().as_str().into(),
    };
    store
        .organization_role_insert(&row, &dedup(scope_ids), &resource_scope_ids)
        .await?;
    Ok(to_wire(row))
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<Option<OrganizationRole>, DomainError> {
    Ok(store
        .organization_role_find_by_id(tenant, id)
        .await?
        .map(to_wire))
}

/// Roles by name with the permissions each holds (one query for the page, one for permissions).
pub async fn list(
    store: &Store,
    tenant: &str,
    q: Option<&str>,
    role_type: Option<&str>,
    page: Option<Page>,
) -> Result<Paged<OrganizationRoleWithScopes>, DomainError> {
    let roles = store
        .organization_role_list(tenant, q, role_type, page)
        .await?;
    let ids: Vec<String> = roles.items.iter().map(|r| r.id.clone()).collect();
    let mut scopes: HashMap<String, Vec<NamedRef>> = HashMap::new();
    let mut resource_scopes: HashMap<String, Vec<ResourceScopeRef>> = HashMap::new();
    for p in store.organization_role_permissions(tenant, &ids).await? {
        let named = NamedRef {
            id: p.id,
            name: p.name,
        };
        match (p.resource_id, p.resource_name) {
            (Some(id), Some(name)) => {
                resource_scopes
                    .entry(p.role_id)
                    .or_default()
                    .push(ResourceScopeRef {
                        id: named.id,
                        name: named.name,
                        resource: NamedRef { id, name },
                    })
            }
            _ => scopes.entry(p.role_id).or_default().push(named),
        }
    }
    Ok(roles.map(|row| OrganizationRoleWithScopes {
        scopes: scopes.remove(&row.id).unwrap_or_default(),
        resource_scopes: resource_scopes.remove(&row.id).unwrap_or_default(),
        role: to_wire(row),
    }))
}

/// Applies a patch; `None` when the role does not exist. A taken name is a `UniqueViolation`.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: OrganizationRolePatch,
) -> Result<Option<OrganizationRole>, DomainError> {
    let mut issues = Issues::default();
    check(
        &mut issues,
        patch.name.as_deref(),
        patch.description.as_ref().and_then(Option::as_deref),
    );
    issues.finish()?;
    let patch = OrganizationRolePatchRow {
        name: patch.name,
        description: patch.description,
        role_type: patch.role_type.map(|t| t.as_str().into()),
    };
    Ok(store
        .organization_role_update(tenant, id, &patch)
        .await?
        .map(to_wire))
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.organization_role_delete(tenant, id).await?)
}

/// The role's organization permissions; `None` when the role does not exist.
pub async fn scopes(
    store: &Store,
    tenant: &str,
    id: &str,
    page: Option<Page>,
) -> Result<Option<Paged<OrganizationScope>>, DomainError> {
    if store
        .organization_role_find_by_id(tenant, id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(
        store
            .organization_role_scope_list(tenant, id, page)
            .await?
            .map(organization_scopes::to_wire),
    ))
}

/// The role's API permissions; `None` when the role does not exist.
pub async fn resource_scopes(
    store: &Store,
    tenant: &str,
    id: &str,
    page: Option<Page>,
) -> Result<Option<Paged<Scope>>, DomainError> {
    if store
        .organization_role_find_by_id(tenant, id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(
        store
            .organization_role_resource_scope_list(tenant, id, page)
            .await?
            .map(resources::scope_to_wire),
    ))
}

/// Gives the role organization permissions and API permissions in one transaction, with the
/// checks of the two relation routes (`POST …/scopes`, `POST …/resource-scopes`): ids are
/// non-empty text, repeats count once, Management API permissions are refused, and an unknown
/// role or permission is a `ForeignKeyViolation` that leaves the role as it was.
pub async fn add_permissions(
    store: &Store,
    tenant: &str,
    id: &str,
    scope_ids: Vec<String>,
    resource_scope_ids: Vec<String>,
) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    check_ids(&mut issues, "organizationScopeIds", &scope_ids, Count::Any);
    check_ids(&mut issues, "scopeIds", &resource_scope_ids, Count::Any);
    issues.finish()?;
    let resource_scope_ids = dedup(resource_scope_ids);
    refuse_management_api_scopes(store, tenant, &resource_scope_ids).await?;
    Ok(store
        .organization_role_add_permissions(tenant, id, &dedup(scope_ids), &resource_scope_ids)
        .await?)
}

/// Takes one permission from the role (`api`: an API permission, else an organization one);
/// `false` when the role did not hold it.
pub async fn remove_permission(
    store: &Store,
    tenant: &str,
    id: &str,
    scope_id: &str,
    api: bool,
) -> Result<bool, DomainError> {
    let relation = if api {
        &ORGANIZATION_ROLE_RESOURCE_SCOPES
    } else {
        &ORGANIZATION_ROLE_SCOPES
    };
    Ok(store
        .relation_remove(relation, tenant, &[id], scope_id)
        .await?)
}
