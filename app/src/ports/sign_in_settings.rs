//! The Sign-up and sign-in settings as an admin manages them.

use crate::error::AppError;
use crate::model::SignInSettingsForm;

#[async_trait::async_trait]
pub trait SignInSettingsPort: Send + Sync {
    async fn sign_in_settings(&self) -> Result<SignInSettingsForm, AppError>;
    async fn save_sign_in_settings(
        &self,
        form: SignInSettingsForm,
    ) -> Result<SignInSettingsForm, AppError>;
}
