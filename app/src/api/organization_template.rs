//! The organization template: organization roles and organization permissions.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    OrganizationRole, OrganizationRoleWithScopes, OrganizationScope, Paged, ResourceWithScopes,
    RolePermissions,
};
#[cfg(feature = "ssr")]
use {super::*, serde_json::json};

#[server(prefix = "/console/fn", endpoint = "list_organization_roles")]
pub async fn list_organization_roles(
    q: String,
    role_type: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<OrganizationRoleWithScopes>, AppError> {
    let query = [("q", q.trim()), ("type", role_type.as_str())];
    call_page("/organization-roles", &query, page, page_size).await
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
    let description = Some(description.trim()).filter(|d| !d.is_empty());
    let body = json!({ "name": name.trim(), "description": description, "type": role_type });
    call("POST", "/organization-roles".into(), Some(body)).await
}

#[server(prefix = "/console/fn", endpoint = "get_organization_role")]
pub async fn get_organization_role(id: String) -> Result<OrganizationRole, AppError> {
    call("GET", path(&["organization-roles", &id]), None).await
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
    let description = Some(description.trim()).filter(|d| !d.is_empty());
    let body = json!({ "name": name.trim(), "description": description });
    call("PATCH", path(&["organization-roles", &id]), Some(body)).await
}

#[server(prefix = "/console/fn", endpoint = "delete_organization_role")]
pub async fn delete_organization_role(id: String) -> Result<(), AppError> {
    done("DELETE", path(&["organization-roles", &id]), None).await
}

/// The role with every permission it holds.
#[server(prefix = "/console/fn", endpoint = "organization_role_permissions")]
pub async fn organization_role_permissions(id: String) -> Result<RolePermissions, AppError> {
    Ok(RolePermissions {
        role: call("GET", path(&["organization-roles", &id]), None).await?,
        scopes: call("GET", path(&["organization-roles", &id, "scopes"]), None).await?,
        resource_scopes: call(
            "GET",
            path(&["organization-roles", &id, "resource-scopes"]),
            None,
        )
        .await?,
    })
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
    if !scope_ids.is_empty() {
        let body = json!({ "organizationScopeIds": scope_ids });
        done(
            "POST",
            path(&["organization-roles", &id, "scopes"]),
            Some(body),
        )
        .await?;
    }
    if !resource_scope_ids.is_empty() {
        let body = json!({ "scopeIds": resource_scope_ids });
        let url = path(&["organization-roles", &id, "resource-scopes"]);
        done("POST", url, Some(body)).await?;
    }
    Ok(())
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
    let relation = if api { "resource-scopes" } else { "scopes" };
    let url = path(&["organization-roles", &id, relation, &scope_id]);
    done("DELETE", url, None).await
}

#[server(prefix = "/console/fn", endpoint = "list_organization_scopes")]
pub async fn list_organization_scopes(
    q: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<OrganizationScope>, AppError> {
    call_page("/organization-scopes", &[("q", q.trim())], page, page_size).await
}

/// Every organization permission (for pickers).
#[server(prefix = "/console/fn", endpoint = "all_organization_scopes")]
pub async fn all_organization_scopes() -> Result<Vec<OrganizationScope>, AppError> {
    call("GET", "/organization-scopes".into(), None).await
}

/// Every API resource whose permissions organization roles may hold, with those permissions
/// (for the role's permission picker). The Management API is left out: the server refuses its
/// permissions in organization roles, since they would administer the whole tenant.
#[server(prefix = "/console/fn", endpoint = "all_resources_with_scopes")]
pub async fn all_resources_with_scopes() -> Result<Vec<ResourceWithScopes>, AppError> {
    let all: Vec<ResourceWithScopes> =
        call("GET", "/resources?includeScopes=true".into(), None).await?;
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
    let page = call_page(
        "/organization-roles",
        &[("type", role_type.as_str())],
        1,
        100,
    )
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
    let description = Some(description.trim()).filter(|d| !d.is_empty());
    let body = json!({ "name": name.trim(), "description": description });
    match id {
        Some(id) => call("PATCH", path(&["organization-scopes", &id]), Some(body)).await,
        None => call("POST", "/organization-scopes".into(), Some(body)).await,
    }
}

#[server(prefix = "/console/fn", endpoint = "delete_organization_scope")]
pub async fn delete_organization_scope(id: String) -> Result<(), AppError> {
    done("DELETE", path(&["organization-scopes", &id]), None).await
}
