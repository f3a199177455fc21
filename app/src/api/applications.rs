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
    let s = settings;
    let description = s.description.trim();
    let body = serde_json::json!({
        "name": s.name.trim(),
        "description": if description.is_empty() { serde_json::Value::Null } else { description.into() },
        "oidcClientMetadata": {
            "redirectUris": s.redirect_uris.iter().map(|u| u.trim()).filter(|u| !u.is_empty()).collect::<Vec<_>>(),
            "postLogoutRedirectUris": s.post_logout_redirect_uris.iter().map(|u| u.trim()).filter(|u| !u.is_empty()).collect::<Vec<_>>(),
        },
        "customClientMetadata": {
            "corsAllowedOrigins": s.cors_allowed_origins.iter().map(|u| u.trim()).filter(|u| !u.is_empty()).collect::<Vec<_>>(),
            "idTokenTtl": s.id_token_ttl,
            "refreshTokenTtlInDays": s.refresh_token_ttl_in_days,
            "rotateRefreshToken": s.rotate_refresh_token,
            "alwaysIssueRefreshToken": s.always_issue_refresh_token,
        },
    });
    super::call("PATCH", super::path(&["applications", &id]), Some(body)).await
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
