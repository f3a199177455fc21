//! MFA: the sign-in MFA settings page and a user's factors.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{MfaSettingsForm, UserFactor};
#[cfg(feature = "ssr")]
use crate::ports::mfa;

#[server(prefix = "/console/fn", endpoint = "mfa_settings")]
pub async fn get_mfa_settings() -> Result<MfaSettingsForm, AppError> {
    mfa(|p| async move { p.mfa_settings().await }).await
}

#[server(prefix = "/console/fn", endpoint = "save_mfa_settings")]
pub async fn save_mfa_settings(form: MfaSettingsForm) -> Result<MfaSettingsForm, AppError> {
    mfa(|p| async move { p.save_mfa_settings(form).await }).await
}

#[server(prefix = "/console/fn", endpoint = "user_mfa_factors")]
pub async fn user_mfa_factors(id: String) -> Result<Vec<UserFactor>, AppError> {
    mfa(|p| async move { p.user_factors(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "remove_user_mfa_factor")]
pub async fn remove_user_mfa_factor(id: String, factor_id: String) -> Result<(), AppError> {
    mfa(|p| async move { p.remove_user_factor(id, factor_id).await }).await
}
