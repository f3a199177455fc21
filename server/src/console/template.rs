//! The console's organization template pages (organization roles and organization permissions)
//! over the domain services behind `/api/organization-roles`, `/api/organization-scopes` and
//! `/api/resources`, so the console keeps the Management API's rules and errors.

use app::error::AppError;
use app::model::{
    OrganizationRole, OrganizationRoleWithScopes, OrganizationScope, Paged, ResourceWithScopes,
    RolePermissions,
};
use app::ports::TemplatePort;

use super::service::{ConsoleService, clamp_page, paged};
use crate::domain::organization_roles::{self, NewOrganizationRole, OrganizationRolePatch};
use crate::domain::organization_scopes::{self, NewOrganizationScope, OrganizationScopePatch};
use crate::domain::{DomainError, resources, search};
use crate::storage::DEFAULT_TENANT;

fn role_gone() -> AppError {
    AppError::NotFound("This organization role no longer exists.".into())
}

fn scope_gone() -> AppError {
    AppError::NotFound("This organization permission no longer exists.".into())
}

#[async_trait::async_trait]
impl TemplatePort for ConsoleService {
    async fn list_organization_roles(
        &self,
        q: String,
        role_type: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrganizationRoleWithScopes>, AppError> {
        let page = clamp_page(page, page_size);
        let found = self
            .read(async {
                let q = search::search_text(&q)?;
                // An empty type lists both, as a missing `type` query does.
                let role_type = Some(role_type.as_str()).filter(|t| !t.is_empty());
                if let Some(line) = role_type.and_then(organization_roles::type_issue) {
                    return Err(DomainError::Invalid(vec![line]));
                }
                let store = &self.state.store;
                organization_roles::list(store, DEFAULT_TENANT, q, role_type, Some(page)).await
            })
            .await?;
        Ok(paged(found, page))
    }

    async fn create_organization_role(
        &self,
        name: String,
        description: Option<String>,
        role_type: String,
    ) -> Result<OrganizationRole, AppError> {
        self.write(async {
            let input = NewOrganizationRole {
                name,
                description,
                role_type: Some(organization_roles::parse_type(&role_type)?),
                ..NewOrganizationRole::default()
            };
            organization_roles::create(&self.state.store, DEFAULT_TENANT, input).await
        })
        .await
    }

    async fn get_organization_role(&self, id: String) -> Result<OrganizationRole, AppError> {
        self.read(organization_roles::find(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
        ))
        .await?
        .ok_or_else(role_gone)
    }

    async fn update_organization_role(
        &self,
        id: String,
        name: String,
        description: Option<String>,
    ) -> Result<OrganizationRole, AppError> {
        // The form shows both fields, so an empty description clears the stored one.
        let patch = OrganizationRolePatch {
            name: Some(name),
            description: Some(description),
            role_type: None,
        };
        self.write(organization_roles::update(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            patch,
        ))
        .await?
        .ok_or_else(role_gone)
    }

    async fn delete_organization_role(&self, id: String) -> Result<(), AppError> {
        let deleted = self
            .write(organization_roles::delete(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
            ))
            .await?;
        if deleted { Ok(()) } else { Err(role_gone()) }
    }

    async fn organization_role_permissions(&self, id: String) -> Result<RolePermissions, AppError> {
        let store = &self.state.store;
        let found = self
            .read(async {
                let Some(role) = organization_roles::find(store, DEFAULT_TENANT, &id).await? else {
                    return Ok(None);
                };
                // Both lists whole, as their routes answer without pagination parameters.
                let scopes = organization_roles::scopes(store, DEFAULT_TENANT, &id, None).await?;
                let resource_scopes =
                    organization_roles::resource_scopes(store, DEFAULT_TENANT, &id, None).await?;
                Ok(scopes
                    .zip(resource_scopes)
                    .map(|(scopes, resource_scopes)| RolePermissions {
                        role,
                        scopes: scopes.items,
                        resource_scopes: resource_scopes.items,
                    }))
            })
            .await?;
        found.ok_or_else(role_gone)
    }

    async fn assign_organization_role_permissions(
        &self,
        id: String,
        scope_ids: Vec<String>,
        resource_scope_ids: Vec<String>,
    ) -> Result<(), AppError> {
        self.write(organization_roles::add_permissions(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            scope_ids,
            resource_scope_ids,
        ))
        .await
    }

    async fn remove_organization_role_permission(
        &self,
        id: String,
        scope_id: String,
        api: bool,
    ) -> Result<(), AppError> {
        let removed = self
            .write(organization_roles::remove_permission(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
                &scope_id,
                api,
            ))
            .await?;
        if removed {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "The role no longer holds this permission.".into(),
            ))
        }
    }

    async fn list_organization_scopes(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrganizationScope>, AppError> {
        let page = clamp_page(page, page_size);
        let found = self
            .read(async {
                let q = search::search_text(&q)?;
                organization_scopes::list(&self.state.store, DEFAULT_TENANT, q, Some(page)).await
            })
            .await?;
        Ok(paged(found, page))
    }

    async fn all_organization_scopes(&self) -> Result<Vec<OrganizationScope>, AppError> {
        let found = self
            .read(organization_scopes::list(
                &self.state.store,
                DEFAULT_TENANT,
                None,
                None,
            ))
            .await?;
        Ok(found.items)
    }

    async fn all_resources_with_scopes(&self) -> Result<Vec<ResourceWithScopes>, AppError> {
        let found = self
            .read(resources::list_with_scopes(
                &self.state.store,
                DEFAULT_TENANT,
                None,
            ))
            .await?;
        Ok(found.items)
    }

    async fn save_organization_scope(
        &self,
        id: Option<String>,
        name: String,
        description: Option<String>,
    ) -> Result<OrganizationScope, AppError> {
        let store = &self.state.store;
        match id {
            Some(id) => {
                let patch = OrganizationScopePatch {
                    name: Some(name),
                    description: Some(description),
                };
                self.write(organization_scopes::update(
                    store,
                    DEFAULT_TENANT,
                    &id,
                    patch,
                ))
                .await?
                .ok_or_else(scope_gone)
            }
            None => {
                let input = NewOrganizationScope { name, description };
                self.write(organization_scopes::create(store, DEFAULT_TENANT, input))
                    .await
            }
        }
    }

    async fn delete_organization_scope(&self, id: String) -> Result<(), AppError> {
        let deleted = self
            .write(organization_scopes::delete(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
            ))
            .await?;
        if deleted { Ok(()) } else { Err(scope_gone()) }
    }
}
