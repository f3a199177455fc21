//! MFA as an admin manages it: the tenant's sign-in MFA settings and a user's factors
//! (removing one is how an admin helps a user who lost their device).

use crate::error::AppError;
use crate::model::{MfaSettingsForm, UserFactor};

#[async_trait::async_trait]
pub trait MfaPort: Send + Sync {
    async fn mfa_settings(&self) -> Result<MfaSettingsForm, AppError>;
    async fn save_mfa_settings(&self, form: MfaSettingsForm) -> Result<MfaSettingsForm, AppError>;
    async fn user_factors(&self, user_id: String) -> Result<Vec<UserFactor>, AppError>;
    async fn remove_user_factor(&self, user_id: String, factor_id: String) -> Result<(), AppError>;
}
