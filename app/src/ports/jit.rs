//! An organization's just-in-time provisioning: email domains, default roles and enterprise
//! SSO connectors whose users join it on their own.

use crate::error::AppError;
use crate::model::{JitSettings, SsoConnector};

#[async_trait::async_trait]
pub trait JitPort: Send + Sync {
    async fn jit_settings(&self, organization_id: String) -> Result<JitSettings, AppError>;
    /// `domain` as the admin typed it: trimmed, without `@`, lower-cased by the server.
    async fn add_jit_email_domain(
        &self,
        organization_id: String,
        domain: String,
    ) -> Result<(), AppError>;
    async fn remove_jit_email_domain(
        &self,
        organization_id: String,
        domain: String,
    ) -> Result<(), AppError>;
    /// Replaces the organization roles new members get.
    async fn set_jit_roles(
        &self,
        organization_id: String,
        role_ids: Vec<String>,
    ) -> Result<(), AppError>;
    /// Replaces the enterprise SSO connectors whose users join.
    async fn set_jit_sso_connectors(
        &self,
        organization_id: String,
        connector_ids: Vec<String>,
    ) -> Result<(), AppError>;
    /// Every enterprise SSO connector of the tenant (for the picker).
    async fn all_sso_connectors(&self) -> Result<Vec<SsoConnector>, AppError>;
}
