//! Organization roles (Logto's `packages/schemas/tables/organization_roles.sql` and
//! `packages/core/src/routes/organization-role/index.ts`): validation, the role list with
//! permissions, and the permissions a role holds.

use std::collections::HashMap;

use app::model::{
    NamedRef, ORGANIZATION_ROLE_TYPES, OrganizationRole, OrganizationRoleWithScopes,
    OrganizationScope, ResourceScopeRef, Scope,
};
use serde_json::Value;

use super::guard::Guard;
use super::relations::dedup;
use super::{DomainError, ids, organization_scopes, resources};
use crate::storage::{OrganizationRolePatch, OrganizationRoleRow, Page, Paged, Store};

const NAME_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 256;

fn parse_patch(g: &mut Guard<'_>, require_name: bool) -> OrganizationRolePatch {
    OrganizationRolePatch {
        name: g.string("name", require_name, 1, NAME_MAX),
        description: g
            .nullable_string("description", DESCRIPTION_MAX)
            .into_patch(),
        role_type: g.optional_enum("type", &ORGANIZATION_ROLE_TYPES),
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
    body: &Value,
) -> Result<OrganizationRole, DomainError> {
    let mut g = Guard::new(body);
    let patch = parse_patch(&mut g, true);
    let scope_ids = g
        .id_list("organizationScopeIds", false, false)
        .unwrap_or_default();
    let resource_scope_ids = g
        .id_list("resourceScopeIds", false, false)
        .unwrap_or_default();
    g.finish()?;
    let resource_scope_ids = dedup(resource_scope_ids);
    refuse_management_api_scopes(store, tenant, &resource_scope_ids).await?;
    let row = OrganizationRoleRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: patch.name.unwrap_or_default(),
        description: patch.description.flatten(),
        role_type: patch.role_type.unwrap_or_else(|| "User".into()),
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

pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<OrganizationRole>, DomainError> {
    let mut g = Guard::new(body);
    let patch = parse_patch(&mut g, false);
    g.finish()?;
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
