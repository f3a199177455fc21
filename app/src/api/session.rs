use leptos::prelude::*;

use crate::error::AppError;
use crate::model::ConsoleStatus;

#[server(prefix = "/console/fn", endpoint = "console_status")]
pub async fn get_console_status() -> Result<ConsoleStatus, AppError> {
    crate::ports::run(|b| async move { b.status().await }).await
}

/// Creates the first administrator, signs them in and opens the console.
#[server(prefix = "/console/fn", endpoint = "create_first_admin")]
pub async fn create_first_admin(
    username: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    crate::ports::run(|b| async move {
        if password != password_confirm {
            return Err(AppError::field(
                "password_confirm",
                "The passwords do not match.",
            ));
        }
        b.create_first_admin(username, password).await
    })
    .await?;
    leptos_axum::redirect("/console/organizations");
    Ok(())
}

#[server(prefix = "/console/fn", endpoint = "sign_in")]
pub async fn sign_in(username: String, password: String) -> Result<(), AppError> {
    crate::ports::run(|b| async move { b.sign_in(username, password).await }).await?;
    leptos_axum::redirect("/console/organizations");
    Ok(())
}

#[server(prefix = "/console/fn", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::ports::run(|b| async move { b.sign_out().await }).await?;
    leptos_axum::redirect("/console/sign-in");
    Ok(())
}
