//! Global roles (Logto's `/api/roles`): API permissions given to users or M2M applications.
//! The Management API's own access is such a role; the seeded one cannot be deleted, since
//! the bootstrap credential and console-created automation apps rely on it.

use std::collections::HashMap;

use app::model::{Application, FeaturedApplication, Role, RoleWithHolders, Scope, User};
use utoipa::ToSchema;

use super::relations::dedup;
use super::rules::Issues;
use super::{DomainError, applications, ids, resources, users};
use crate::storage::{
    MANAGEMENT_API_ROLE_ID, MANAGEMENT_API_SCOPE_ID, Page, Paged, RoleFilter, RoleRow,
    StorageError, Store,
};

pub const NAME_MAX: usize = 128;
pub const DESCRIPTION_MAX: usize = 128;

/// Who may hold a role: users, or machine-to-machine applications (Logto's `role_type`,
/// `packages/schemas/tables/roles.sql`); `User` when not given.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, ToSchema)]
pub enum RoleType {
    #[default]
    User,
    MachineToMachine,
}

impl RoleType {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleType::User => "User",
            RoleType::MachineToMachine => "MachineToMachine",
        }
    }

    /// The type named exactly `name` (one of `app::model::ORGANIZATION_ROLE_TYPES`).
    pub fn parse(name: &str) -> Option<RoleType> {
        match name {
            "User" => Some(RoleType::User),
            "MachineToMachine" => Some(RoleType::MachineToMachine),
            _ => None,
        }
    }
}

/// `POST /api/roles`: a new role with API permissions (a taken name is refused with 422).
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewRole {
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
#[derive(Debug, Default, ToSchema)]
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

/// The value rules of both commands, checked again here because not every caller reads a
/// Management API body.
fn check(
    name: Option<&str>,
    description: Option<&str>,
    scope_ids: &[String],
) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = name {
        issues.text("name", name, 1, NAME_MAX);
    }
    if let Some(description) = description {
        issues.text("description", description, 1, DESCRIPTION_MAX);
    }
    issues.texts("scopeIds", scope_ids, 1, usize::MAX);
    issues.finish()
}

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

/// A new role with its first permissions (Management API permissions only on a
/// machine-to-machine role).
pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewRole,
    now: i64,
) -> Result<Role, DomainError> {
    let scope_ids = input.scope_ids.unwrap_or_default();
    check(Some(&input.name), Some(&input.description), &scope_ids)?;
    let role_type = input.role_type.unwrap_or_default().as_str();
    let scope_ids = dedup(scope_ids);
    check_scope_assignment(store, tenant, role_type, &scope_ids).await?;
    let row = RoleRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: input.name,
        description: input.description,
        role_type: role_type.into(),
        is_default: input.is_default.unwrap_or(false),
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

/// Applies a patch (the type is fixed); `None` when the role does not exist.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: RolePatch,
) -> Result<Option<Role>, DomainError> {
    check(patch.name.as_deref(), patch.description.as_deref(), &[])?;
    let RolePatch {
        name,
        description,
        is_default,
    } = patch;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_logtos() {
        for name in app::model::ORGANIZATION_ROLE_TYPES {
            assert_eq!(RoleType::parse(name).map(RoleType::as_str), Some(name));
        }
        assert_eq!(RoleType::default(), RoleType::User);
    }

    #[test]
    fn commands_built_in_code_meet_the_same_rules() {
        let long = "x".repeat(NAME_MAX + 1);
        let Err(DomainError::Invalid(lines)) =
            check(Some(&long), Some(""), &["a".into(), "".into()])
        else {
            panic!("invalid")
        };
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("\"name\": (too_big)"));
        assert!(lines[1].contains("\"description\": (too_small)"));
        assert!(lines[2].contains("\"scopeIds.1\": (too_small)"));
        assert!(check(None, None, &[]).is_ok());
    }
}
