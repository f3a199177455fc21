//! An application's secrets and custom data from its page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Application, ApplicationSecret, CreatedApplicationSecret};
#[cfg(feature = "ssr")]
use {super::refuse, crate::ports::application_secrets};

#[server(prefix = "/console/fn", endpoint = "application_secrets")]
pub async fn list_application_secrets(
    id: String,
) -> Result<Vec<(ApplicationSecret, bool)>, AppError> {
    application_secrets(|p| async move { p.list_secrets(id).await }).await
}

/// `expires_in_days`: 0 for a secret that never expires.
#[server(prefix = "/console/fn", endpoint = "add_application_secret")]
pub async fn add_application_secret(
    id: String,
    name: String,
    expires_in_days: u32,
) -> Result<CreatedApplicationSecret, AppError> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return refuse(AppError::field("name", "Enter a name for the secret."));
    }
    let expires = (expires_in_days > 0).then_some(expires_in_days);
    application_secrets(|p| async move { p.add_secret(id, name, expires).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_application_secret")]
pub async fn delete_application_secret(id: String, name: String) -> Result<(), AppError> {
    application_secrets(|p| async move { p.delete_secret(id, name).await }).await
}

#[server(prefix = "/console/fn", endpoint = "replace_application_custom_data")]
pub async fn replace_application_custom_data(
    id: String,
    json: String,
) -> Result<Application, AppError> {
    application_secrets(|p| async move { p.replace_custom_data(id, json).await }).await
}
