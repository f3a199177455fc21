//! Users.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{NewUser, OrganizationWithRoles, Paged, User};
#[cfg(feature = "ssr")]
use {super::*, serde_json::json};

#[server(prefix = "/console/fn", endpoint = "list_users")]
pub async fn list_users(q: String, page: u32, page_size: u32) -> Result<Paged<User>, AppError> {
    call_page("/users", &[("q", q.trim())], page, page_size).await
}

#[server(prefix = "/console/fn", endpoint = "create_user")]
pub async fn create_user(form: NewUser) -> Result<User, AppError> {
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let (username, email) = (text(&form.username), text(&form.primary_email));
    if username.is_none() && email.is_none() {
        return refuse(AppError::field(
            "username",
            "Enter a username or an email address.",
        ));
    }
    let mut body = json!({
        "username": username,
        "primaryEmail": email,
        "name": text(&form.name),
    });
    if !form.password.is_empty() {
        if form.password.chars().count() < 8 {
            return refuse(AppError::field(
                "password",
                "Use at least 8 characters for the password.",
            ));
        }
        body["password"] = json!(form.password);
    }
    // Leave absent what the admin left empty.
    if let Some(map) = body.as_object_mut() {
        map.retain(|_, v| !v.is_null());
    }
    call("POST", "/users".into(), Some(body)).await
}

#[server(prefix = "/console/fn", endpoint = "get_user")]
pub async fn get_user(id: String) -> Result<User, AppError> {
    call("GET", path(&["users", &id]), None).await
}

#[server(prefix = "/console/fn", endpoint = "delete_user")]
pub async fn delete_user(id: String) -> Result<(), AppError> {
    done("DELETE", path(&["users", &id]), None).await
}

/// Every organization the user is in, with its roles there.
#[server(prefix = "/console/fn", endpoint = "user_organizations")]
pub async fn user_organizations(id: String) -> Result<Vec<OrganizationWithRoles>, AppError> {
    call("GET", path(&["users", &id, "organizations"]), None).await
}
