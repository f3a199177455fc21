//! Global roles (Logto's `/api/roles`): API permissions given to users or M2M applications.
//! The Management API's own access is such a role; the seeded one cannot be deleted, since
//! the bootstrap credential and console-created automation apps rely on it.

use std::collections::HashMap;

use app::model::{Application, FeaturedApplication, Role, RoleWithHolders, Scope, User};
use serde_json::Value;

use super::guard::Guard;
use super::relations::dedup;
use super::{DomainError, applications, ids, resources, users};
use crate::storage::{
    MANAGEMENT_API_ROLE_ID, MANAGEMENT_API_SCOPE_ID, Page, Paged, RoleFilter, RoleRow,
    StorageError, Store,
};

const NAME_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 128;

pub fn to_wire(row: RoleRow) -> Role {
    Role {
        tenant_id: row.tenant_id,
        id: row.id,
        name: row.name,
        description: row.description,
        role_type: row.role_type,
        is_default: row.is_default,
    }
}

/// Logto's answer to a taken role name.
fn name_in_use(name: &str) -> DomainError {
    DomainError::refused(
        422,
        "role.name_in_use",
        format!("This role name {name} is already in use"),
    )
}

/// `POST /api/roles` `{ name, description, type?, scopeIds?, isDefault? }`.
pub async fn create(
    store: &Store,
    tenant: &str,
    body: &Value,
    now: i64,
) -> Result<Role, DomainError> {
    let mut g = Guard::new(body);
    let name = g.required_string("name", 1, NAME_MAX);
    let description = g.required_string("description", 1, DESCRIPTION_MAX);
    let role_type = g.optional_enum("type", &app::model::ORGANIZATION_ROLE_TYPES);
    let scope_ids = g.id_list("scopeIds", false, false).unwrap_or_default();
    let is_default = g.optional_bool("isDefault").unwrap_or(false);
    g.finish()?;
    let role_type = role_type.unwrap_or_else(|| "User".into());
    let scope_ids = dedup(scope_ids);
    check_scope_assignment(store, tenant, &role_type, &scope_ids).await?;
    let row = RoleRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: name.unwrap_or_default(),
        description: description.unwrap_or_default(),
        role_type,
        is_default,
    };
    match store.role_insert(&row, &scope_ids, now).await {
        Err(StorageError::UniqueViolation) => Err(name_in_use(&row.name)),
        other => Ok(other?),
    }?;
    Ok(to_wire(row))
}

pub async fn find(store: &Store, tenant: &str, id: &str) -> Result<Option<Role>, DomainError> {
    Ok(store.role_find_by_id(tenant, id).await?.map(to_wire))
}

/// One page of roles, each with its holders' counts and first three holders of each kind.
pub async fn list(
    store: &Store,
    tenant: &str,
    filter: &RoleFilter<'_>,
    page: Page,
) -> Result<Paged<RoleWithHolders>, DomainError> {
    let found = store.role_list(tenant, filter, page).await?;
    let ids: Vec<String> = found.items.iter().map(|r| r.id.clone()).collect();
    let mut holders = store.role_holders(tenant, &ids).await?;
    let mut users = super::organizations::featured_users_by_key(holders.featured_users);
    let mut applications: HashMap<String, Vec<FeaturedApplication>> = HashMap::new();
    for a in holders.featured_applications {
        applications
            .entry(a.key_id)
            .or_default()
            .push(FeaturedApplication {
                id: a.id,
                name: a.name,
                application_type: a.application_type,
            });
    }
    Ok(found.map(|row| RoleWithHolders {
        users_count: holders.users_count.remove(&row.id).unwrap_or(0),
        featured_users: users.remove(&row.id).unwrap_or_default(),
        applications_count: holders.applications_count.remove(&row.id).unwrap_or(0),
        featured_applications: applications.remove(&row.id).unwrap_or_default(),
        role: to_wire(row),
    }))
}

/// `PATCH /api/roles/:id` `{ name?, description?, isDefault? }` (the type is fixed).
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<Role>, DomainError> {
    let mut g = Guard::new(body);
    let name = g.optional_string("name", 1, NAME_MAX);
    let description = g.optional_string("description", 1, DESCRIPTION_MAX);
    let is_default = g.optional_bool("isDefault");
    g.finish()?;
    match store
        .role_update(
            tenant,
            id,
            name.as_deref(),
            description.as_deref(),
            is_default,
        )
        .await
    {
        Err(StorageError::UniqueViolation) => Err(name_in_use(name.as_deref().unwrap_or(""))),
        other => Ok(other?.map(to_wire)),
    }
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    if id == MANAGEMENT_API_ROLE_ID {
        return Err(DomainError::refused(
            400,
            "role.cannot_delete_management_api_access",
            "The Management API access role is used by automation credentials and cannot be \
             deleted; remove it from applications instead.",
        ));
    }
    Ok(store.role_delete(tenant, id).await?)
}

/// As Logto: Management API permissions go to machine-to-machine roles only, so signing a
/// person in never yields a token that administers the tenant.
pub async fn check_scope_assignment(
    store: &Store,
    tenant: &str,
    role_type: &str,
    scope_ids: &[String],
) -> Result<(), DomainError> {
    if role_type != "User"
        || store
            .management_api_scopes_among(tenant, scope_ids)
            .await?
            .is_empty()
    {
        return Ok(());
    }
    Err(DomainError::refused(
        400,
        "role.management_api_scopes_not_assignable_to_user_role",
        "Cannot assign Management API scopes to a user role.",
    ))
}

/// The built-in access role keeps its `all` permission: without it every automation credential,
/// the bootstrap one included, would get tokens the Management API refuses.
pub fn check_scope_removal(role_id: &str, scope_id: &str) -> Result<(), DomainError> {
    if role_id == MANAGEMENT_API_ROLE_ID && scope_id == MANAGEMENT_API_SCOPE_ID {
        return Err(DomainError::refused(
            400,
            "role.cannot_remove_management_api_access_scope",
            "The Management API access role always holds the Management API's all permission.",
        ));
    }
    Ok(())
}

/// The bootstrap credential keeps the built-in access role (see `applications::refuse_bootstrap`).
pub fn check_application_removal(
    role_id: &str,
    application_id: &str,
    bootstrap: Option<&str>,
) -> Result<(), DomainError> {
    if role_id == MANAGEMENT_API_ROLE_ID {
        applications::refuse_bootstrap(application_id, bootstrap)?;
    }
    Ok(())
}

pub async fn scopes(store: &Store, tenant: &str, id: &str) -> Result<Vec<Scope>, DomainError> {
    Ok(store
        .role_scope_list(tenant, id)
        .await?
        .into_iter()
        .map(resources::scope_to_wire)
        .collect())
}

pub async fn users(
    store: &Store,
    tenant: &str,
    id: &str,
    page: Page,
) -> Result<Paged<User>, DomainError> {
    let found = store.role_user_list(tenant, id, page).await?;
    let items = found
        .items
        .into_iter()
        .map(users::to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}

pub async fn applications(
    store: &Store,
    tenant: &str,
    id: &str,
    page: Page,
) -> Result<Paged<Application>, DomainError> {
    let found = store.role_application_list(tenant, id, page).await?;
    let items = found
        .items
        .into_iter()
        .map(applications::to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}
