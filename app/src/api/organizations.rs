use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Organization, OrganizationPage, OrganizationSettings};

#[server(prefix = "/console/fn", endpoint = "list_organizations")]
pub async fn list_organizations(
    q: String,
    page: u32,
    page_size: u32,
) -> Result<OrganizationPage, AppError> {
    crate::ports::backend()?
        .list_organizations(q, page, page_size)
        .await
}

#[server(prefix = "/console/fn", endpoint = "create_organization")]
pub async fn create_organization(
    name: String,
    description: String,
) -> Result<Organization, AppError> {
    crate::ports::backend()?
        .create_organization(name, description)
        .await
}

#[server(prefix = "/console/fn", endpoint = "get_organization")]
pub async fn get_organization(id: String) -> Result<Organization, AppError> {
    crate::ports::backend()?.get_organization(id).await
}

#[server(prefix = "/console/fn", endpoint = "update_organization")]
pub async fn update_organization(
    id: String,
    settings: OrganizationSettings,
) -> Result<Organization, AppError> {
    crate::ports::backend()?
        .update_organization(id, settings)
        .await
}

#[server(prefix = "/console/fn", endpoint = "delete_organization")]
pub async fn delete_organization(id: String) -> Result<(), AppError> {
    crate::ports::backend()?.delete_organization(id).await
}
