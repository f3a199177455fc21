//! The console's account tasks on one user over the domain's user services (the same the
//! Management API's `/api/users/:id/…` routes call).

use app::error::AppError;
use app::model::{Role, User, UserProfileForm};
use app::ports::UserAccountPort;
use serde_json::{Map, Value};

use super::service::ConsoleService;
use crate::domain::role_grants::{self, Holder};
use crate::domain::user_account::{self, PasswordInput, SuspensionInput};
use crate::domain::users::{self, UserPatch};
use crate::domain::{DomainError, roles, search};
use crate::storage::{DEFAULT_TENANT, Page, RoleFilter};

fn gone() -> AppError {
    AppError::NotFound("This user no longer exists.".into())
}

/// A form field: trimmed, empty meaning none (`null`, which clears the stored value).
fn field(text: &str) -> Option<Option<String>> {
    Some(Some(text.trim().to_owned()).filter(|t| !t.is_empty()))
}

/// The custom data editor's text as an object, or a message on its field.
pub(super) fn json_object(json: &str) -> Result<Map<String, Value>, AppError> {
    let text = if json.trim().is_empty() { "{}" } else { json };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(AppError::field(
            "custom_data",
            "Custom data must be a JSON object: { \"key\": value }.",
        )),
        Err(e) => Err(AppError::field(
            "custom_data",
            format!("This is not valid JSON: {e}."),
        )),
    }
}

/// Every role a list can show at once: a user holds a handful, not hundreds.
const ROLES_PAGE: Page = Page {
    page: 1,
    page_size: 100,
};

impl ConsoleService {
    /// Runs a write of one user for the signed-in admin; the saved user, or "no longer
    /// exists".
    async fn user_write(
        &self,
        write: impl Future<Output = Result<Option<User>, DomainError>>,
    ) -> Result<User, AppError> {
        self.write(write).await?.ok_or_else(gone)
    }

    /// Applies a patch to the user; the saved user.
    async fn patch_user(&self, id: &str, patch: UserPatch) -> Result<User, AppError> {
        let now = self.now();
        self.user_write(users::update(
            &self.state.store,
            DEFAULT_TENANT,
            id,
            patch,
            now,
        ))
        .await
    }
}

#[async_trait::async_trait]
impl UserAccountPort for ConsoleService {
    async fn update_profile(&self, id: String, form: UserProfileForm) -> Result<User, AppError> {
        let patch = UserPatch {
            username: field(&form.username),
            primary_email: field(&form.primary_email),
            primary_phone: field(&form.primary_phone),
            name: field(&form.name),
            avatar: field(&form.avatar),
            ..UserPatch::default()
        };
        self.patch_user(&id, patch).await
    }

    async fn set_password(&self, id: String, password: String) -> Result<User, AppError> {
        let (store, now) = (&self.state.store, self.now());
        let input = PasswordInput { password };
        self.user_write(user_account::set_password(
            store,
            DEFAULT_TENANT,
            &id,
            input,
            now,
        ))
        .await
    }

    async fn set_suspended(&self, id: String, suspended: bool) -> Result<User, AppError> {
        let (store, now) = (&self.state.store, self.now());
        let input = SuspensionInput {
            is_suspended: suspended,
        };
        self.user_write(user_account::set_suspended(
            store,
            DEFAULT_TENANT,
            &id,
            input,
            now,
        ))
        .await
    }

    async fn replace_custom_data(&self, id: String, json: String) -> Result<User, AppError> {
        let custom_data = json_object(&json)?;
        let patch = UserPatch {
            custom_data: Some(custom_data),
            ..UserPatch::default()
        };
        self.patch_user(&id, patch).await
    }

    async fn user_roles(&self, id: String) -> Result<Vec<Role>, AppError> {
        let store = &self.state.store;
        let found = self
            .read(role_grants::list(
                store,
                DEFAULT_TENANT,
                Holder::User,
                &id,
                None,
                ROLES_PAGE,
            ))
            .await?
            .ok_or_else(gone)?;
        Ok(found.items)
    }

    async fn assignable_roles(&self, id: String, q: String) -> Result<Vec<Role>, AppError> {
        let q = search::search_text(&q).map_err(super::errors::to_app)?;
        let filter = RoleFilter {
            q,
            role_type: Some("User"),
            exclude_user: Some(&id),
            ..RoleFilter::default()
        };
        let store = &self.state.store;
        let found = self
            .read(async {
                let page = store.role_list(DEFAULT_TENANT, &filter, ROLES_PAGE).await?;
                Ok::<_, DomainError>(page.map(roles::to_wire))
            })
            .await?;
        Ok(found.items)
    }

    async fn assign_roles(&self, id: String, role_ids: Vec<String>) -> Result<(), AppError> {
        let now = self.now();
        let store = &self.state.store;
        self.write(role_grants::add(
            store,
            DEFAULT_TENANT,
            Holder::User,
            &id,
            role_ids,
            now,
        ))
        .await?
        .map(|_| ())
        .ok_or_else(gone)
    }

    async fn remove_role(&self, id: String, role_id: String) -> Result<(), AppError> {
        let store = &self.state.store;
        let removed = self
            .write(role_grants::remove(
                store,
                DEFAULT_TENANT,
                Holder::User,
                &id,
                &role_id,
                None,
            ))
            .await?
            .ok_or_else(gone)?;
        if removed {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "The user no longer holds this role.".into(),
            ))
        }
    }
}
