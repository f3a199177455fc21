//! An application's secrets and custom data, from its page.

use crate::error::AppError;
use crate::model::{Application, ApplicationSecret, CreatedApplicationSecret};

#[async_trait::async_trait]
pub trait ApplicationSecretsPort: Send + Sync {
    /// The secrets, oldest first, each with whether it has expired.
    async fn list_secrets(&self, id: String) -> Result<Vec<(ApplicationSecret, bool)>, AppError>;
    /// Adds a secret expiring after `expires_in_days` (none: never); its value is in the
    /// answer only.
    async fn add_secret(
        &self,
        id: String,
        name: String,
        expires_in_days: Option<u32>,
    ) -> Result<CreatedApplicationSecret, AppError>;
    async fn delete_secret(&self, id: String, name: String) -> Result<(), AppError>;
    /// Replaces the custom data with this JSON object text.
    async fn replace_custom_data(&self, id: String, json: String) -> Result<Application, AppError>;
}
