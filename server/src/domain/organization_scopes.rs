//! Organization permissions (Logto's `packages/schemas/tables/organization_scopes.sql` and
//! `packages/core/src/routes/organization-scope/index.ts`): the commands that create and change
//! them, their rules, and the service.

use app::model::OrganizationScope;
use utoipa::ToSchema;

use super::rules::Issues;
use super::{DomainError, ids};
use crate::storage::{
    OrganizationScopePatch as OrganizationScopePatchRow, OrganizationScopeRow, Page, Paged, Store,
};

pub const NAME_MAX: usize = 128;
pub const DESCRIPTION_MAX: usize = 256;

/// `POST /api/organization-scopes`: a new organization permission (a taken name is refused
/// with 422).
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewOrganizationScope {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
}

/// `PATCH /api/organization-scopes/{id}`: the keys given change, the others keep their values;
/// `null` clears the description.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationScopePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(value_type = Option<String>, nullable, max_length = 256)]
    pub description: Option<Option<String>>,
}

/// The value rules of both commands, checked again here because not every caller reads a
/// Management API body.
fn check(name: Option<&str>, description: Option<&str>) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = name {
        issues.text("name", name, 1, NAME_MAX);
    }
    if let Some(description) = description {
        issues.text("description", description, 0, DESCRIPTION_MAX);
    }
    issues.finish()
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
    input: NewOrganizationScope,
) -> Result<OrganizationScope, DomainError> {
    check(Some(&input.name), input.description.as_deref())?;
    let row = OrganizationScopeRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: input.name,
        description: input.description,
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

/// Applies a patch; `None` when the permission does not exist. A taken name is a
/// `UniqueViolation`.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: OrganizationScopePatch,
) -> Result<Option<OrganizationScope>, DomainError> {
    check(
        patch.name.as_deref(),
        patch.description.as_ref().and_then(Option::as_deref),
    )?;
    let patch = OrganizationScopePatchRow {
        name: patch.name,
        description: patch.description,
    };
    Ok(store
        .organization_scope_update(tenant, id, &patch)
        .await?
        .map(to_wire))
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.organization_scope_delete(tenant, id).await?)
}
