//! API resources and their permissions.

use crate::error::AppError;
use crate::model::{Paged, Resource, Scope};

#[async_trait::async_trait]
pub trait ResourcesPort: Send + Sync {
    async fn list_resources(&self, page: u32, page_size: u32) -> Result<Paged<Resource>, AppError>;
    async fn create_resource(&self, name: String, indicator: String) -> Result<Resource, AppError>;
    async fn get_resource(&self, id: String) -> Result<Resource, AppError>;
    async fn delete_resource(&self, id: String) -> Result<(), AppError>;
    async fn resource_scopes(&self, id: String) -> Result<Vec<Scope>, AppError>;
    async fn create_resource_scope(
        &self,
        id: String,
        name: String,
        description: String,
    ) -> Result<Scope, AppError>;
    async fn delete_resource_scope(&self, id: String, scope_id: String) -> Result<(), AppError>;
}
