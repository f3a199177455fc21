use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Organization, OrganizationPage, OrganizationSettings};

#[server(prefix = "/console/fn", endpoint = "list_organizations")]
pub async fn list_organizations(
    q: String,
    page: u32,
    page_size: u32,
) -> Result<OrganizationPage, AppError> {
    crate::ports::run(|b| async move { b.list_organizations(q, page, page_size).await }).await
}

#[server(prefix = "/console/fn", endpoint = "create_organization")]
pub async fn create_organization(
    name: String,
    description: String,
) -> Result<Organization, AppError> {
    crate::ports::run(|b| async move { b.create_organization(name, description).await }).await
}

#[server(prefix = "/console/fn", endpoint = "get_organization")]
pub async fn get_organization(id: String) -> Result<Organization, AppError> {
    crate::ports::run(|b| async move { b.get_organization(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "update_organization")]
pub async fn update_organization(
    id: String,
    settings: OrganizationSettings,
) -> Result<Organization, AppError> {
    crate::ports::run(|b| async move { b.update_organization(id, settings).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_organization")]
pub async fn delete_organization(id: String) -> Result<(), AppError> {
    crate::ports::run(|b| async move { b.delete_organization(id).await }).await
}
