//! What the console needs from the server, as a trait the server implements over its domain
//! services. Keeps this crate free of persistence code (ports and adapters).

use std::future::Future;
use std::sync::Arc;

use crate::error::AppError;
use crate::model::{
    AdminInfo, ApiReply, ApplicationPage, ConsoleStatus, CreatedApplication, HostedView,
    Organization, OrganizationPage, OrganizationSettings,
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
    /// `app_type`: one of `APPLICATION_TYPES`; Management API access is for M2M apps only.
    async fn create_application(
        &self,
        name: String,
        description: String,
        app_type: String,
        management_api_access: bool,
    ) -> Result<CreatedApplication, AppError>;
    async fn delete_application(&self, id: String) -> Result<(), AppError>;

    /// Calls the Management API in-process as the signed-in admin. `path_and_query` is relative
    /// to `/api` (`/organization-roles?q=admin`); `method` is an HTTP method name.
    async fn call_api(
        &self,
        method: &'static str,
        path_and_query: String,
        body: Option<serde_json::Value>,
    ) -> Result<ApiReply, AppError>;
}

/// What the hosted sign-in pages need: the browser's pending sign-in, found by its cookie.
#[async_trait::async_trait]
pub trait HostedBackend: Send + Sync {
    async fn hosted_view(&self) -> Result<HostedView, AppError>;
}

/// The hosted pages' view of this request's pending sign-in.
pub async fn hosted_view() -> Result<HostedView, AppError> {
    match leptos::prelude::use_context::<Arc<dyn HostedBackend>>() {
        Some(backend) => backend.hosted_view().await,
        None => Err(AppError::Internal),
    }
}

/// Runs `f` with the backend the server provided for this request; an error also sets the
/// response status (400, 401, 404, 409 or 500) so the failure is visible on the wire.
pub async fn run<T, F, Fut>(f: F) -> Result<T, AppError>
where
    F: FnOnce(Arc<dyn ConsoleBackend>) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let backend = leptos::prelude::use_context::<Arc<dyn ConsoleBackend>>();
    let result = match backend {
        Some(backend) => f(backend).await,
        None => Err(AppError::Internal),
    };
    if let Err(e) = &result
        && let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = leptos::server_fn::http_export::StatusCode::from_u16(e.status_code())
    {
        res.set_status(status);
    }
    result
}
