//! The organization template: organization roles and organization permissions.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    OrganizationRole, OrganizationRoleWithScopes, OrganizationScope, Paged, ResourceWithScopes,
    RolePermissions,
};
#[cfg(feature = "ssr")]
use {super::refuse, crate::ports::template};

#[server(prefix = "/console/fn", endpoint = "list_organization_roles")]
pub async fn list_organization_roles(
    q: String,
    role_type: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<OrganizationRoleWithScopes>, AppError> {
    template(|p| async move {
        p.list_organization_roles(q, role_type, page, page_size)
            .await
    })
    .await
}

#[server(prefix = "/console/fn", endpoint = "create_organization_role")]
pub async fn create_organization_role(
    name: String,
    description: String,
    role_type: String,
) -> Result<OrganizationRole, AppError> {
    if name.trim().is_empty() {
        return refuse(AppError::field("name", "Name is required."));
    }
    let name = name.trim().to_owned();
    let description = Some(description.trim().to_owned()).filter(|d| !d.is_empty());
    template(|p| async move {
        p.create_organization_role(name, description, role_type)
            .await
    })
    .await
}

#[server(prefix = "/console/fn", endpoint = "get_organization_role")]
pub async fn get_organization_role(id: String) -> Result<OrganizationRole, AppError> {
    template(|p| async move { p.get_organization_role(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "update_organization_role")]
pub async fn update_organization_role(
    id: String,
    name: String,
    description: String,
) -> Result<OrganizationRole, AppError> {
    if name.trim().is_empty() {
        return refuse(AppError::field("name", "Name is required."));
    }
    let name = name.trim().to_owned();
    let description = Some(description.trim().to_owned()).filter(|d| !d.is_empty());
    template(|p| async move { p.update_organization_role(id, name, description).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_organization_role")]
pub async fn delete_organization_role(id: String) -> Result<(), AppError> {
    template(|p| async move { p.delete_organization_role(id).await }).await
}

/// The role with every permission it holds.
#[server(prefix = "/console/fn", endpoint = "organization_role_permissions")]
pub async fn organization_role_permissions(id: String) -> Result<RolePermissions, AppError> {
    template(|p| async move { p.organization_role_permissions(id).await }).await
}

/// Gives the role organization permissions and API permissions.
#[server(
    prefix = "/console/fn",
    endpoint = "assign_organization_role_permissions"
)]
pub async fn assign_organization_role_permissions(
    id: String,
    #[server(default)] scope_ids: Vec<String>,
    #[server(default)] resource_scope_ids: Vec<String>,
) -> Result<(), AppError> {
    if scope_ids.is_empty() && resource_scope_ids.is_empty() {
        return refuse(AppError::invalid("Pick at least one permission."));
    }
    template(|p| async move {
        p.assign_organization_role_permissions(id, scope_ids, resource_scope_ids)
            .await
    })
    .await
}

/// Takes one permission from the role; `api` tells an API permission from an organization one.
#[server(
    prefix = "/console/fn",
    endpoint = "remove_organization_role_permission"
)]
pub async fn remove_organization_role_permission(
    id: String,
    scope_id: String,
    api: bool,
) -> Result<(), AppError> {
    template(|p| async move {
        p.remove_organization_role_permission(id, scope_id, api)
            .await
    })
    .await
}

#[server(prefix = "/console/fn", endpoint = "list_organization_scopes")]
pub async fn list_organization_scopes(
    q: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<OrganizationScope>, AppError> {
    template(|p| async move { p.list_organization_scopes(q, page, page_size).await }).await
}

/// Every organization permission (for pickers).
#[server(prefix = "/console/fn", endpoint = "all_organization_scopes")]
pub async fn all_organization_scopes() -> Result<Vec<OrganizationScope>, AppError> {
    template(|p| async move { p.all_organization_scopes().await }).await
}

/// Every API resource whose permissions organization roles may hold, with those permissions
/// (for the role's permission picker). The Management API is left out: the server refuses its
/// permissions in organization roles, since they would administer the whole tenant.
#[server(prefix = "/console/fn", endpoint = "all_resources_with_scopes")]
pub async fn all_resources_with_scopes() -> Result<Vec<ResourceWithScopes>, AppError> {
    let all = template(|p| async move { p.all_resources_with_scopes().await }).await?;
    Ok(all
        .into_iter()
        .filter(|r| r.resource.id != crate::model::MANAGEMENT_API_RESOURCE_ID)
        .collect())
}

/// Organization roles of one type (`User` or `MachineToMachine`), for pickers.
#[server(prefix = "/console/fn", endpoint = "organization_roles_of_type")]
pub async fn organization_roles_of_type(
    role_type: String,
) -> Result<Vec<OrganizationRoleWithScopes>, AppError> {
    let page = template(|p| async move {
        p.list_organization_roles(String::new(), role_type, 1, 100)
            .await
    })
    .await?;
    Ok(page.items)
}

/// Creates (no id) or edits an organization permission.
#[server(prefix = "/console/fn", endpoint = "save_organization_scope")]
pub async fn save_organization_scope(
    id: Option<String>,
    name: String,
    description: String,
) -> Result<OrganizationScope, AppError> {
    if name.trim().is_empty() {
        return refuse(AppError::field("name", "Name is required."));
    }
    let name = name.trim().to_owned();
    let description = Some(description.trim().to_owned()).filter(|d| !d.is_empty());
    template(|p| async move { p.save_organization_scope(id, name, description).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_organization_scope")]
pub async fn delete_organization_scope(id: String) -> Result<(), AppError> {
    template(|p| async move { p.delete_organization_scope(id).await }).await
}
