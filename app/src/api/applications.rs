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
    management_api_access: bool,
) -> Result<CreatedApplication, AppError> {
    crate::ports::run(|b| async move {
        b.create_application(name, description, management_api_access)
            .await
    })
    .await
}

#[server(prefix = "/console/fn", endpoint = "delete_application")]
pub async fn delete_application(id: String) -> Result<(), AppError> {
    crate::ports::run(|b| async move { b.delete_application(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "get_application")]
pub async fn get_application(id: String) -> Result<crate::model::Application, AppError> {
    super::call("GET", super::path(&["applications", &id]), None).await
}

/// The organizations a machine-to-machine app is in, with its roles there.
#[server(prefix = "/console/fn", endpoint = "application_organizations")]
pub async fn application_organizations(
    id: String,
    page: u32,
    page_size: u32,
) -> Result<crate::model::Paged<crate::model::OrganizationWithRoles>, AppError> {
    let url = super::path(&["applications", &id, "organizations"]);
    super::call_page(&url, &[], page, page_size).await
}
