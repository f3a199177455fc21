//! What the console needs from the server, as a trait the server implements over its domain
//! services. Keeps this crate free of persistence code (ports and adapters).

use std::sync::Arc;

use crate::error::AppError;
use crate::model::{
    AdminInfo, ApplicationPage, ConsoleStatus, CreatedApplication, Organization, OrganizationPage,
    OrganizationSettings,
};

#[async_trait::async_trait]
pub trait ConsoleBackend: Send + Sync {
    async fn status(&self) -> Result<ConsoleStatus, AppError>;
    async fn create_first_admin(
        &self,
        username: String,
        password: String,
    ) -> Result<AdminInfo, AppError>;
    async fn sign_in(&self, username: String, password: String) -> Result<AdminInfo, AppError>;
    async fn sign_out(&self) -> Result<(), AppError>;

    async fn list_organizations(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<OrganizationPage, AppError>;
    async fn create_organization(
        &self,
        name: String,
        description: String,
    ) -> Result<Organization, AppError>;
    async fn get_organization(&self, id: String) -> Result<Organization, AppError>;
    async fn update_organization(
        &self,
        id: String,
        settings: OrganizationSettings,
    ) -> Result<Organization, AppError>;
    async fn delete_organization(&self, id: String) -> Result<(), AppError>;

    async fn list_applications(
        &self,
        page: u32,
        page_size: u32,
    ) -> Result<ApplicationPage, AppError>;
    async fn create_application(
        &self,
        name: String,
        description: String,
        management_api_access: bool,
    ) -> Result<CreatedApplication, AppError>;
    async fn delete_application(&self, id: String) -> Result<(), AppError>;
}

/// The backend the server provided for this request.
pub fn backend() -> Result<Arc<dyn ConsoleBackend>, AppError> {
    leptos::prelude::use_context::<Arc<dyn ConsoleBackend>>().ok_or(AppError::Internal)
}
