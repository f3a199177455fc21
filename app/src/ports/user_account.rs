//! What an admin does to one user's account from its page: profile, password, suspension,
//! custom data and global roles.

use crate::error::AppError;
use crate::model::{Role, User, UserProfileForm};

#[async_trait::async_trait]
pub trait UserAccountPort: Send + Sync {
    /// Saves the Details form; empty fields clear their values.
    async fn update_profile(&self, id: String, form: UserProfileForm) -> Result<User, AppError>;
    /// Sets a new password (the user signs in with it from now on).
    async fn set_password(&self, id: String, password: String) -> Result<User, AppError>;
    /// Suspends (ending the user's sessions and refresh tokens) or restores the user.
    async fn set_suspended(&self, id: String, suspended: bool) -> Result<User, AppError>;
    /// Replaces the custom data with this JSON object text.
    async fn replace_custom_data(&self, id: String, json: String) -> Result<User, AppError>;
    /// The global roles the user holds, by name.
    async fn user_roles(&self, id: String) -> Result<Vec<Role>, AppError>;
    /// The User roles the user does not hold yet, by name, filtered by `q`.
    async fn assignable_roles(&self, id: String, q: String) -> Result<Vec<Role>, AppError>;
    async fn assign_roles(&self, id: String, role_ids: Vec<String>) -> Result<(), AppError>;
    async fn remove_role(&self, id: String, role_id: String) -> Result<(), AppError>;
}
