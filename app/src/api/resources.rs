//! API resources and their permissions.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Paged, Resource, Scope};
#[cfg(feature = "ssr")]
use {super::refuse, crate::ports::resources};

#[server(prefix = "/console/fn", endpoint = "list_resources")]
pub async fn list_resources(page: u32, page_size: u32) -> Result<Paged<Resource>, AppError> {
    resources(|p| async move { p.list_resources(page, page_size).await }).await
}

#[server(prefix = "/console/fn", endpoint = "create_resource")]
pub async fn create_resource(name: String, indicator: String) -> Result<Resource, AppError> {
    if name.trim().is_empty() {
        return refuse(AppError::field("name", "Name is required."));
    }
    let indicator = indicator.trim();
    let absolute = indicator.split_once("://").is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
    });
    // The API accepts any text (as Logto's); the console asks for what tokens should carry.
    if !absolute || indicator.chars().any(char::is_whitespace) {
        return refuse(AppError::field(
            "indicator",
            "API identifier must be an absolute URI, such as https://api.example.com.",
        ));
    }
    let (name, indicator) = (name.trim().to_owned(), indicator.to_owned());
    resources(|p| async move { p.create_resource(name, indicator).await }).await
}

#[server(prefix = "/console/fn", endpoint = "get_resource")]
pub async fn get_resource(id: String) -> Result<Resource, AppError> {
    resources(|p| async move { p.get_resource(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_resource")]
pub async fn delete_resource(id: String) -> Result<(), AppError> {
    resources(|p| async move { p.delete_resource(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "resource_scopes")]
pub async fn resource_scopes(id: String) -> Result<Vec<Scope>, AppError> {
    resources(|p| async move { p.resource_scopes(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "create_resource_scope")]
pub async fn create_resource_scope(
    id: String,
    name: String,
    description: String,
) -> Result<Scope, AppError> {
    if name.trim().is_empty() {
        return refuse(AppError::field("name", "Name is required."));
    }
    let (name, description) = (name.trim().to_owned(), description.trim().to_owned());
    resources(|p| async move { p.create_resource_scope(id, name, description).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_resource_scope")]
pub async fn delete_resource_scope(id: String, scope_id: String) -> Result<(), AppError> {
    resources(|p| async move { p.delete_resource_scope(id, scope_id).await }).await
}
