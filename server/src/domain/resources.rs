//! API resources and their permissions (Logto's `/api/resources`,
//! `packages/core/src/routes/resource.ts`). The Management API resource is seeded and cannot be
//! changed or deleted, nor can its permissions.

use app::model::{Resource, ResourceWithScopes, Scope};
use serde_json::Value;

use super::guard::Guard;
use super::{DomainError, ids};
use crate::storage::{MANAGEMENT_API_RESOURCE_ID, Page, Paged, ResourceFullRow, ScopeRow, Store};

const SCOPE_NAME_MAX: usize = 256;
const TEXT_MAX: usize = 4096;

pub fn scope_to_wire(row: ScopeRow) -> Scope {
    Scope {
        tenant_id: row.tenant_id,
        id: row.id,
        resource_id: row.resource_id,
        name: row.name,
        description: row.description,
        created_at: row.created_at,
    }
}

pub fn to_wire(row: ResourceFullRow) -> Resource {
    Resource {
        tenant_id: row.tenant_id,
        id: row.id,
        name: row.name,
        indicator: row.indicator,
        is_default: row.is_default,
        access_token_ttl: row.access_token_ttl,
    }
}

fn ttl(g: &mut Guard<'_>) -> Option<i64> {
    let value = g.optional_value("accessTokenTtl")?;
    match value.as_i64() {
        Some(n) if n > 0 => Some(n),
        _ => {
            g.issue(
                "accessTokenTtl",
                "invalid_type",
                "Expected a positive whole number of seconds",
            );
            None
        }
    }
}

fn management_api_is_fixed(id: &str, deleting: bool) -> Result<(), DomainError> {
    if id != MANAGEMENT_API_RESOURCE_ID {
        return Ok(());
    }
    Err(if deleting {
        DomainError::refused(
            400,
            "resource.cannot_delete_management_api",
            "You cannot delete Management API.",
        )
    } else {
        DomainError::refused(
            400,
            "resource.cannot_modify_management_api",
            "You cannot modify Management API.",
        )
    })
}

/// `POST /api/resources` `{ name, indicator, accessTokenTtl? }`.
pub async fn create(store: &Store, tenant: &str, body: &Value) -> Result<Resource, DomainError> {
    let mut g = Guard::new(body);
    let name = g.required_string("name", 1, TEXT_MAX);
    let indicator = g.required_string("indicator", 1, TEXT_MAX);
    let access_token_ttl = ttl(&mut g);
    g.finish()?;
    let indicator = indicator.unwrap_or_default();
    if store.resource_indicator_taken(tenant, &indicator).await? {
        return Err(DomainError::refused(
            422,
            "resource.resource_identifier_in_use",
            format!("The API identifier {indicator} is already in use."),
        ));
    }
    let row = ResourceFullRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: name.unwrap_or_default(),
        indicator,
        is_default: false,
        access_token_ttl: access_token_ttl.unwrap_or(3600),
    };
    store.resource_insert(&row).await?;
    Ok(to_wire(row))
}

pub async fn find(store: &Store, tenant: &str, id: &str) -> Result<Option<Resource>, DomainError> {
    Ok(store.resource_find_by_id(tenant, id).await?.map(to_wire))
}

pub async fn list(
    store: &Store,
    tenant: &str,
    page: Option<Page>,
) -> Result<Paged<Resource>, DomainError> {
    Ok(store.resource_list(tenant, page).await?.map(to_wire))
}

/// Resources with their permissions: two queries whatever the number of resources.
pub async fn list_with_scopes(
    store: &Store,
    tenant: &str,
    page: Option<Page>,
) -> Result<Paged<ResourceWithScopes>, DomainError> {
    let found = store.resource_list(tenant, page).await?;
    let ids: Vec<String> = found.items.iter().map(|r| r.id.clone()).collect();
    let mut scopes: std::collections::HashMap<String, Vec<Scope>> = Default::default();
    for row in store.scopes_of_resources(tenant, &ids).await? {
        scopes
            .entry(row.resource_id.clone())
            .or_default()
            .push(scope_to_wire(row));
    }
    Ok(found.map(|row| ResourceWithScopes {
        scopes: scopes.remove(&row.id).unwrap_or_default(),
        resource: to_wire(row),
    }))
}

/// `PATCH /api/resources/:id` `{ name?, accessTokenTtl? }` (the indicator is fixed).
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<Resource>, DomainError> {
    let mut g = Guard::new(body);
    let name = g.optional_string("name", 1, TEXT_MAX);
    let access_token_ttl = ttl(&mut g);
    g.finish()?;
    management_api_is_fixed(id, false)?;
    Ok(store
        .resource_update(tenant, id, name.as_deref(), access_token_ttl)
        .await?
        .map(to_wire))
}

/// `PATCH /api/resources/:id/is-default` `{ isDefault }`: at most one default per tenant. The
/// Management API resource cannot become the default audience of user tokens.
pub async fn set_default(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<Resource>, DomainError> {
    let mut g = Guard::new(body);
    let is_default = g.required_bool("isDefault");
    g.finish()?;
    management_api_is_fixed(id, false)?;
    Ok(store
        .resource_set_default(tenant, id, is_default.unwrap_or_default())
        .await?
        .map(to_wire))
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    management_api_is_fixed(id, true)?;
    Ok(store.resource_delete(tenant, id).await?)
}

/// Scope names are single tokens (`read:docs`), and unique within their resource.
async fn check_scope_name(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    name: &str,
    except: Option<&str>,
) -> Result<(), DomainError> {
    if name.chars().any(char::is_whitespace) {
        return Err(DomainError::refused(
            400,
            "scope.name_with_space",
            "The name of the scope cannot contain any spaces.",
        ));
    }
    if store
        .scope_name_taken(tenant, resource_id, name, except)
        .await?
    {
        return Err(DomainError::refused(
            422,
            "scope.name_exists",
            format!("The scope name {name} is already in use."),
        ));
    }
    Ok(())
}

/// The resource's permissions; `None` when the resource does not exist.
pub async fn scopes(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    q: Option<&str>,
    page: Option<Page>,
) -> Result<Option<Paged<Scope>>, DomainError> {
    if store
        .resource_find_by_id(tenant, resource_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(
        store
            .scope_list(tenant, resource_id, q, page)
            .await?
            .map(scope_to_wire),
    ))
}

/// `POST /api/resources/:id/scopes` `{ name, description? }`; `None` for an unknown resource.
pub async fn create_scope(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    body: &Value,
    now: i64,
) -> Result<Option<Scope>, DomainError> {
    let mut g = Guard::new(body);
    let name = g.required_string("name", 1, SCOPE_NAME_MAX);
    let description = g.nullable_string("description", TEXT_MAX).into_patch();
    g.finish()?;
    let name = name.unwrap_or_default();
    if store
        .resource_find_by_id(tenant, resource_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    management_api_is_fixed(resource_id, false)?;
    check_scope_name(store, tenant, resource_id, &name, None).await?;
    let row = ScopeRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        resource_id: resource_id.into(),
        name,
        description: description.flatten(),
        created_at: now,
    };
    store.scope_insert(&row).await?;
    Ok(Some(scope_to_wire(row)))
}

pub async fn update_scope(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    id: &str,
    body: &Value,
) -> Result<Option<Scope>, DomainError> {
    let mut g = Guard::new(body);
    let name = g.optional_string("name", 1, SCOPE_NAME_MAX);
    let description = g.nullable_string("description", TEXT_MAX).into_patch();
    g.finish()?;
    management_api_is_fixed(resource_id, false)?;
    if let Some(name) = &name {
        check_scope_name(store, tenant, resource_id, name, Some(id)).await?;
    }
    Ok(store
        .scope_update(
            tenant,
            resource_id,
            id,
            name.as_deref(),
            description.as_ref().map(|d| d.as_deref()),
        )
        .await?
        .map(scope_to_wire))
}

pub async fn delete_scope(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    id: &str,
) -> Result<bool, DomainError> {
    management_api_is_fixed(resource_id, false)?;
    Ok(store.scope_delete(tenant, resource_id, id).await?)
}
