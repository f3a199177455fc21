//! The console's API resources pages over the domain's resource service.

use app::error::AppError;
use app::model::{Paged, Resource, Scope};
use app::ports::ResourcesPort;

use super::service::{ConsoleService, clamp_page, paged};
use crate::domain::resources::{self, NewResource, NewResourceScope};
use crate::storage::DEFAULT_TENANT;

fn gone() -> AppError {
    AppError::NotFound("This API resource no longer exists.".into())
}

#[async_trait::async_trait]
impl ResourcesPort for ConsoleService {
    async fn list_resources(&self, page: u32, page_size: u32) -> Result<Paged<Resource>, AppError> {
        let page = clamp_page(page, page_size);
        let found = self
            .read(resources::list(
                &self.state.store,
                DEFAULT_TENANT,
                Some(page),
            ))
            .await?;
        Ok(paged(found, page))
    }

    async fn create_resource(&self, name: String, indicator: String) -> Result<Resource, AppError> {
        let input = NewResource {
            name,
            indicator,
            access_token_ttl: None,
        };
        self.write(resources::create(&self.state.store, DEFAULT_TENANT, input))
            .await
    }

    async fn get_resource(&self, id: String) -> Result<Resource, AppError> {
        self.read(resources::find(&self.state.store, DEFAULT_TENANT, &id))
            .await?
            .ok_or_else(gone)
    }

    async fn delete_resource(&self, id: String) -> Result<(), AppError> {
        let deleted = self
            .write(resources::delete(&self.state.store, DEFAULT_TENANT, &id))
            .await?;
        if deleted { Ok(()) } else { Err(gone()) }
    }

    async fn resource_scopes(&self, id: String) -> Result<Vec<Scope>, AppError> {
        let found = self
            .read(resources::scopes(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
                None,
                None,
            ))
            .await?
            .ok_or_else(gone)?;
        Ok(found.items)
    }

    async fn create_resource_scope(
        &self,
        id: String,
        name: String,
        description: String,
    ) -> Result<Scope, AppError> {
        let input = NewResourceScope {
            name,
            description: Some(description),
        };
        let now = self.now();
        self.write(resources::create_scope(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            input,
            now,
        ))
        .await?
        .ok_or_else(gone)
    }

    async fn delete_resource_scope(&self, id: String, scope_id: String) -> Result<(), AppError> {
        let deleted = self
            .write(resources::delete_scope(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
                &scope_id,
            ))
            .await?;
        if deleted {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "This permission no longer exists.".into(),
            ))
        }
    }
}
