//! Sign-up and sign-in: how accounts are created, how users sign in, password reset.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::SignInSettingsForm;
#[cfg(feature = "ssr")]
use crate::ports::sign_in_settings;

#[server(prefix = "/console/fn", endpoint = "sign_in_settings")]
pub async fn get_sign_in_settings() -> Result<SignInSettingsForm, AppError> {
    sign_in_settings(|p| async move { p.sign_in_settings().await }).await
}

#[server(prefix = "/console/fn", endpoint = "save_sign_in_settings")]
pub async fn save_sign_in_settings(
    form: SignInSettingsForm,
) -> Result<SignInSettingsForm, AppError> {
    sign_in_settings(|p| async move { p.save_sign_in_settings(form).await }).await
}
