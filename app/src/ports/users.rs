//! The tenant's users.

use crate::error::AppError;
use crate::model::{NewUser, OrganizationWithRoles, Paged, User};

#[async_trait::async_trait]
pub trait UsersPort: Send + Sync {
    async fn list_users(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<User>, AppError>;
    /// Empty fields of the form are left unset; an empty password creates a user without one.
    async fn create_user(&self, form: NewUser) -> Result<User, AppError>;
    async fn get_user(&self, id: String) -> Result<User, AppError>;
    async fn delete_user(&self, id: String) -> Result<(), AppError>;
    /// Every organization the user is in, with its roles there.
    async fn user_organizations(&self, id: String) -> Result<Vec<OrganizationWithRoles>, AppError>;
}
