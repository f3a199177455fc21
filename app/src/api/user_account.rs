//! A user's account from its page: profile, password, suspension, custom data, global roles.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Role, User, UserProfileForm};
#[cfg(feature = "ssr")]
use {super::refuse, crate::ports::user_account};

/// The fewest characters the console accepts for a password an admin sets.
pub const PASSWORD_MIN: usize = 8;

#[server(prefix = "/console/fn", endpoint = "update_user_profile")]
pub async fn update_user_profile(id: String, form: UserProfileForm) -> Result<User, AppError> {
    user_account(|p| async move { p.update_profile(id, form).await }).await
}

#[server(prefix = "/console/fn", endpoint = "set_user_password")]
pub async fn set_user_password(id: String, password: String) -> Result<User, AppError> {
    if password.chars().count() < PASSWORD_MIN {
        return refuse(AppError::field(
            "password",
            format!("Use at least {PASSWORD_MIN} characters for the password."),
        ));
    }
    user_account(|p| async move { p.set_password(id, password).await }).await
}

#[server(prefix = "/console/fn", endpoint = "set_user_suspended")]
pub async fn set_user_suspended(id: String, suspended: bool) -> Result<User, AppError> {
    user_account(|p| async move { p.set_suspended(id, suspended).await }).await
}

#[server(prefix = "/console/fn", endpoint = "replace_user_custom_data")]
pub async fn replace_user_custom_data(id: String, json: String) -> Result<User, AppError> {
    user_account(|p| async move { p.replace_custom_data(id, json).await }).await
}

#[server(prefix = "/console/fn", endpoint = "user_roles")]
pub async fn user_roles(id: String) -> Result<Vec<Role>, AppError> {
    user_account(|p| async move { p.user_roles(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "assignable_user_roles")]
pub async fn assignable_user_roles(id: String, q: String) -> Result<Vec<Role>, AppError> {
    user_account(|p| async move { p.assignable_roles(id, q).await }).await
}

#[server(prefix = "/console/fn", endpoint = "assign_user_roles")]
pub async fn assign_user_roles(
    id: String,
    #[server(default)] role_ids: Vec<String>,
) -> Result<(), AppError> {
    if role_ids.is_empty() {
        return refuse(AppError::field("role_ids", "Choose at least one role."));
    }
    user_account(|p| async move { p.assign_roles(id, role_ids).await }).await
}

#[server(prefix = "/console/fn", endpoint = "remove_user_role")]
pub async fn remove_user_role(id: String, role_id: String) -> Result<(), AppError> {
    user_account(|p| async move { p.remove_role(id, role_id).await }).await
}
