//! The organization template: organization roles and organization permissions.

use crate::error::AppError;
use crate::model::{
    OrganizationRole, OrganizationRoleWithScopes, OrganizationScope, Paged, ResourceWithScopes,
    RolePermissions,
};

#[async_trait::async_trait]
pub trait TemplatePort: Send + Sync {
    /// Roles matching `q` (name or id) of `role_type` (`User`, `MachineToMachine`, or empty
    /// for both), with their permissions.
    async fn list_organization_roles(
        &self,
        q: String,
        role_type: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrganizationRoleWithScopes>, AppError>;
    async fn create_organization_role(
        &self,
        name: String,
        description: Option<String>,
        role_type: String,
    ) -> Result<OrganizationRole, AppError>;
    async fn get_organization_role(&self, id: String) -> Result<OrganizationRole, AppError>;
    async fn update_organization_role(
        &self,
        id: String,
        name: String,
        description: Option<String>,
    ) -> Result<OrganizationRole, AppError>;
    async fn delete_organization_role(&self, id: String) -> Result<(), AppError>;
    /// The role with every organization and API permission it holds.
    async fn organization_role_permissions(&self, id: String) -> Result<RolePermissions, AppError>;
    /// Gives the role these permissions, all or nothing.
    async fn assign_organization_role_permissions(
        &self,
        id: String,
        scope_ids: Vec<String>,
        resource_scope_ids: Vec<String>,
    ) -> Result<(), AppError>;
    /// Takes one permission from the role; `api` tells an API permission from an
    /// organization one.
    async fn remove_organization_role_permission(
        &self,
        id: String,
        scope_id: String,
        api: bool,
    ) -> Result<(), AppError>;
    async fn list_organization_scopes(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrganizationScope>, AppError>;
    async fn all_organization_scopes(&self) -> Result<Vec<OrganizationScope>, AppError>;
    /// Every API resource with its permissions, the Management API's included (the caller
    /// decides what to offer).
    async fn all_resources_with_scopes(&self) -> Result<Vec<ResourceWithScopes>, AppError>;
    /// Creates (no id) or edits an organization permission.
    async fn save_organization_scope(
        &self,
        id: Option<String>,
        name: String,
        description: Option<String>,
    ) -> Result<OrganizationScope, AppError>;
    async fn delete_organization_scope(&self, id: String) -> Result<(), AppError>;
}
