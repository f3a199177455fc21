use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{ApplicationPage, CreatedApplication};

#[server(prefix = "/console/fn", endpoint = "list_applications")]
pub async fn list_applications(page: u32, page_size: u32) -> Result<ApplicationPage, AppError> {
    crate::ports::run(|b| async move { b.list_applications(page, page_size).await }).await
}

#[server(prefix = "/console/fn", endpoint = "create_application")]
pub async fn create_application(
    name: String,
    description: String,
    app_type: String,
    management_api_access: bool,
) -> Result<CreatedApplication, AppError> {
    crate::ports::run(|b| async move {
        b.create_application(name, description, app_type, management_api_access)
            .await
    })
    .await
}

/// Saves the settings form (`PATCH /api/applications/:id`); the server checks every URI.
#[server(prefix = "/console/fn", endpoint = "update_application")]
pub async fn update_application(
    id: String,
    settings: crate::model::ApplicationSettings,
) -> Result<crate::model::Application, AppError> {
    crate::ports::applications(|p| async move { p.update_application(id, settings).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_application")]
pub async fn delete_application(id: String) -> Result<(), AppError> {
    crate::ports::run(|b| async move { b.delete_application(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "get_application")]
pub async fn get_application(id: String) -> Result<crate::model::Application, AppError> {
    crate::ports::applications(|p| async move { p.get_application(id).await }).await
}

/// The organizations a machine-to-machine app is in, with its roles there.
#[server(prefix = "/console/fn", endpoint = "application_organizations")]
pub async fn application_organizations(
    id: String,
    page: u32,
    page_size: u32,
) -> Result<crate::model::Paged<crate::model::OrganizationWithRoles>, AppError> {
    crate::ports::applications(
        |p| async move { p.application_organizations(id, page, page_size).await },
    )
    .await
}
