//! Applications: their settings, and the organizations a machine-to-machine app is in.

use crate::error::AppError;
use crate::model::{Application, ApplicationSettings, OrganizationWithRoles, Paged};

#[async_trait::async_trait]
pub trait ApplicationsPort: Send + Sync {
    async fn get_application(&self, id: String) -> Result<Application, AppError>;
    /// Saves the settings form; the server checks every URI.
    async fn update_application(
        &self,
        id: String,
        settings: ApplicationSettings,
    ) -> Result<Application, AppError>;
    async fn application_organizations(
        &self,
        id: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrganizationWithRoles>, AppError>;
}
