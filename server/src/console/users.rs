//! The console's user pages over the domain's user service.

use app::error::AppError;
use app::model::{NewUser as UserForm, OrganizationWithRoles, Paged, User};
use app::ports::UsersPort;

use super::service::{ConsoleService, clamp_page, paged};
use crate::domain::{members, search, users};
use crate::storage::{DEFAULT_TENANT, MemberKind};

fn gone() -> AppError {
    AppError::NotFound("This user no longer exists.".into())
}

/// Trimmed text; empty means the admin left the field out.
fn given(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

#[async_trait::async_trait]
impl UsersPort for ConsoleService {
    async fn list_users(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<User>, AppError> {
        let page = clamp_page(page, page_size);
        let q = search::search_text(&q).map_err(super::errors::to_app)?;
        let found = self
            .read(users::list(
                &self.state.store,
                DEFAULT_TENANT,
                q,
                None,
                page,
            ))
            .await?;
        Ok(paged(found, page))
    }

    async fn create_user(&self, form: UserForm) -> Result<User, AppError> {
        let input = users::NewUser {
            username: given(&form.username),
            primary_email: given(&form.primary_email),
            name: given(&form.name),
            password: Some(form.password).filter(|p| !p.is_empty()),
            ..users::NewUser::default()
        };
        let now = self.now();
        self.write(users::create(&self.state.store, DEFAULT_TENANT, input, now))
            .await
    }

    async fn get_user(&self, id: String) -> Result<User, AppError> {
        self.read(users::find(&self.state.store, DEFAULT_TENANT, &id))
            .await?
            .ok_or_else(gone)
    }

    async fn delete_user(&self, id: String) -> Result<(), AppError> {
        let deleted = self
            .write(users::delete(&self.state.store, DEFAULT_TENANT, &id))
            .await?;
        if deleted { Ok(()) } else { Err(gone()) }
    }

    async fn user_organizations(&self, id: String) -> Result<Vec<OrganizationWithRoles>, AppError> {
        let store = &self.state.store;
        let found = self
            .read(async {
                if users::find(store, DEFAULT_TENANT, &id).await?.is_none() {
                    return Ok(None);
                }
                members::organizations_of(store, MemberKind::User, DEFAULT_TENANT, &id, None)
                    .await
                    .map(Some)
            })
            .await?
            .ok_or_else(gone)?;
        Ok(found.items)
    }
}
