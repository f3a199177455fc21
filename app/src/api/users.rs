//! Users.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{NewUser, OrganizationWithRoles, Paged, User};
#[cfg(feature = "ssr")]
use {super::refuse, crate::ports::users};

#[server(prefix = "/console/fn", endpoint = "list_users")]
pub async fn list_users(q: String, page: u32, page_size: u32) -> Result<Paged<User>, AppError> {
    users(|p| async move { p.list_users(q, page, page_size).await }).await
}

#[server(prefix = "/console/fn", endpoint = "create_user")]
pub async fn create_user(form: NewUser) -> Result<User, AppError> {
    if form.username.trim().is_empty() && form.primary_email.trim().is_empty() {
        return refuse(AppError::field(
            "username",
            "Enter a username or an email address.",
        ));
    }
    if !form.password.is_empty() && form.password.chars().count() < 8 {
        return refuse(AppError::field(
            "password",
            "Use at least 8 characters for the password.",
        ));
    }
    users(|p| async move { p.create_user(form).await }).await
}

#[server(prefix = "/console/fn", endpoint = "get_user")]
pub async fn get_user(id: String) -> Result<User, AppError> {
    users(|p| async move { p.get_user(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "delete_user")]
pub async fn delete_user(id: String) -> Result<(), AppError> {
    users(|p| async move { p.delete_user(id).await }).await
}

/// Every organization the user is in, with its roles there.
#[server(prefix = "/console/fn", endpoint = "user_organizations")]
pub async fn user_organizations(id: String) -> Result<Vec<OrganizationWithRoles>, AppError> {
    users(|p| async move { p.user_organizations(id).await }).await
}
