//! API resources and their permissions (Logto's `/api/resources`,
//! `packages/core/src/routes/resource.ts`). The Management API resource is seeded and cannot be
//! changed or deleted, nor can its permissions.

use app::model::{Resource, ResourceWithScopes, Scope};
use utoipa::ToSchema;

use super::rules::Issues;
use super::{DomainError, ids};
use crate::storage::{MANAGEMENT_API_RESOURCE_ID, Page, Paged, ResourceFullRow, ScopeRow, Store};

pub const SCOPE_NAME_MAX: usize = 256;
/// Resource names, indicators and scope descriptions are `text` in Logto; bounded here.
pub const TEXT_MAX: usize = 4096;
/// Access-token lifetime of a resource created without one, in seconds (Logto's default).
const DEFAULT_TTL: i64 = 3600;
/// The details message for an `accessTokenTtl` that is not a positive whole number.
pub const TTL_INVALID: &str = "Expected a positive whole number of seconds";
/// The longest access-token lifetime: Logto stores it as a 32-bit `int`, and a token's `exp`
/// (`iat` + lifetime) must stay a valid time.
pub const TTL_MAX: i64 = 2_147_483_647;
/// The details message for an `accessTokenTtl` above [`TTL_MAX`].
pub const TTL_TOO_BIG: &str = "Number must be less than or equal to 2147483647";

/// `POST /api/resources`: a new API resource (a taken indicator is refused with 422).
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewResource {
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
#[derive(Debug, Default, ToSchema)]
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
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceIsDefaultPatch {
    pub is_default: bool,
}

/// `POST /api/resources/{id}/scopes`: a new permission of the resource.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewResourceScope {
    /// A single token such as `read:docs`, unique within the resource: a name with white space
    /// is refused with 400 `scope.name_with_space`, a taken one with 422.
    #[schema(min_length = 1, max_length = 256, pattern = r"^\S+$")]
    pub name: String,
    #[schema(nullable, max_length = 4096)]
    pub description: Option<String>,
}

/// `PATCH /api/resources/{id}/scopes/{scopeId}`: the keys given change, the others keep their
/// values; a `null` description removes it.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceScopePatch {
    /// A single token such as `read:docs`, unique within the resource: a name with white space
    /// is refused with 400 `scope.name_with_space`, a taken one with 422.
    #[schema(nullable = false, min_length = 1, max_length = 256, pattern = r"^\S+$")]
    pub name: Option<String>,
    #[schema(value_type = Option<String>, nullable, max_length = 4096)]
    pub description: Option<Option<String>>,
}

/// The value rules of the resource commands, checked again here because not every caller reads
/// a Management API body.
fn check_resource(
    name: Option<&str>,
    indicator: Option<&str>,
    access_token_ttl: Option<i64>,
) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = name {
        issues.text("name", name, 1, TEXT_MAX);
    }
    if let Some(indicator) = indicator {
        issues.text("indicator", indicator, 1, TEXT_MAX);
    }
    match access_token_ttl {
        Some(ttl) if ttl <= 0 => issues.push("accessTokenTtl", "invalid_type", TTL_INVALID),
        Some(ttl) if ttl > TTL_MAX => issues.push("accessTokenTtl", "too_big", TTL_TOO_BIG),
        _ => {}
    }
    issues.finish()
}

/// The value rules of the scope commands (the single-token rule is a refusal of its own, see
/// `check_scope_name`).
fn check_scope(name: Option<&str>, description: Option<&str>) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = name {
        issues.text("name", name, 1, SCOPE_NAME_MAX);
    }
    if let Some(description) = description {
        issues.text("description", description, 0, TEXT_MAX);
    }
    issues.finish()
}

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

pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewResource,
) -> Result<Resource, DomainError> {
    check_resource(
        Some(&input.name),
        Some(&input.indicator),
        input.access_token_ttl,
    )?;
    let indicator = input.indicator;
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
        name: input.name,
        indicator,
        is_default: false,
        access_token_ttl: input.access_token_ttl.unwrap_or(DEFAULT_TTL),
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

/// Applies a patch (the indicator is fixed); `None` when the resource does not exist.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: ResourcePatch,
) -> Result<Option<Resource>, DomainError> {
    check_resource(patch.name.as_deref(), None, patch.access_token_ttl)?;
    management_api_is_fixed(id, false)?;
    Ok(store
        .resource_update(tenant, id, patch.name.as_deref(), patch.access_token_ttl)
        .await?
        .map(to_wire))
}

/// At most one default per tenant. The Management API resource cannot become the default
/// audience of user tokens.
pub async fn set_default(
    store: &Store,
    tenant: &str,
    id: &str,
    change: ResourceIsDefaultPatch,
) -> Result<Option<Resource>, DomainError> {
    management_api_is_fixed(id, false)?;
    Ok(store
        .resource_set_default(tenant, id, change.is_default)
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

/// A new permission; `None` for an unknown resource.
pub async fn create_scope(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    input: NewResourceScope,
    now: i64,
) -> Result<Option<Scope>, DomainError> {
    check_scope(Some(&input.name), input.description.as_deref())?;
    let name = input.name;
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
        description: input.description,
        created_at: now,
    };
    store.scope_insert(&row).await?;
    Ok(Some(scope_to_wire(row)))
}

/// Applies a patch to a permission; `None` when it does not exist.
pub async fn update_scope(
    store: &Store,
    tenant: &str,
    resource_id: &str,
    id: &str,
    patch: ResourceScopePatch,
) -> Result<Option<Scope>, DomainError> {
    check_scope(
        patch.name.as_deref(),
        patch.description.as_ref().and_then(Option::as_deref),
    )?;
    management_api_is_fixed(resource_id, false)?;
    if let Some(name) = &patch.name {
        check_scope_name(store, tenant, resource_id, name, Some(id)).await?;
    }
    Ok(store
        .scope_update(
            tenant,
            resource_id,
            id,
            patch.name.as_deref(),
            patch.description.as_ref().map(|d| d.as_deref()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_built_in_code_meet_the_same_rules() {
        let Err(DomainError::Invalid(lines)) = check_resource(Some(""), Some("i"), Some(0)) else {
            panic!("invalid")
        };
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("\"name\": (too_small)"));
        assert!(lines[1].ends_with(&format!("\"accessTokenTtl\": (invalid_type) {TTL_INVALID}")));
        assert!(check_resource(None, None, Some(1)).is_ok());
        // White space is a refusal of its own (`check_scope_name`).
        assert!(check_scope(Some("read docs"), None).is_ok());
        assert!(check_scope(Some(&"x".repeat(SCOPE_NAME_MAX + 1)), None).is_err());
        assert!(check_scope(None, Some("a\0b")).is_err());
    }
}
