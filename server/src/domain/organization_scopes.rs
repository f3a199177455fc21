//! Organization permissions (Logto's `packages/schemas/tables/organization_scopes.sql` and
//! `packages/core/src/routes/organization-scope/index.ts`): validation and the service.

use app::model::OrganizationScope;
use serde_json::Value;

use super::guard::Guard;
use super::{DomainError, ids};
use crate::storage::{OrganizationScopePatch, OrganizationScopeRow, Page, Paged, Store};

const NAME_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 256;

/// Parses a PATCH (or, with `require_name`, a POST) body.
pub fn parse(body: &Value, require_name: bool) -> Result<OrganizationScopePatch, DomainError> {
    let mut g = Guard::new(body);
    let name = g.string("name", require_name, 1, NAME_MAX);
    let description = g
        .nullable_string("description", DESCRIPTION_MAX)
        .into_patch();
    g.finish()?;
    Ok(OrganizationScopePatch { name, description })
}

pub fn to_wire(row: OrganizationScopeRow) -> OrganizationScope {
    OrganizationScope {
        tenant_id: row.tenant_id,
        id: row.id,
        name: row.name,
        description: row.description,
    }
}

/// Creates a permission; a taken name is a `UniqueViolation`.
pub async fn create(
    store: &Store,
    tenant: &str,
    body: &Value,
) -> Result<OrganizationScope, DomainError> {
    let input = parse(body, true)?;
    let row = OrganizationScopeRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: input.name.unwrap_or_default(),
        description: input.description.flatten(),
    };
    store.organization_scope_insert(&row).await?;
    Ok(to_wire(row))
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<Option<OrganizationScope>, DomainError> {
    Ok(store
        .organization_scope_find_by_id(tenant, id)
        .await?
        .map(to_wire))
}

pub async fn list(
    store: &Store,
    tenant: &str,
    q: Option<&str>,
    page: Option<Page>,
) -> Result<Paged<OrganizationScope>, DomainError> {
    Ok(store
        .organization_scope_list(tenant, q, page)
        .await?
        .map(to_wire))
}

pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<OrganizationScope>, DomainError> {
    let patch = parse(body, false)?;
    Ok(store
        .organization_scope_update(tenant, id, &patch)
        .await?
        .map(to_wire))
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.organization_scope_delete(tenant, id).await?)
}
