use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::NamedRef;

/// Logto's user info (never the password hash).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub username: Option<String>,
    pub primary_email: Option<String>,
    pub primary_phone: Option<String>,
    pub name: Option<String>,
    pub avatar: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub custom_data: Value,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub identities: Value,
    pub last_sign_in_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub profile: Value,
    pub application_id: Option<String>,
    pub cimd_client_id: Option<String>,
    pub is_suspended: bool,
    pub has_password: bool,
}

/// A member of an organization with the roles it holds there (by role name).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserWithOrganizationRoles {
    #[serde(flatten)]
    pub user: User,
    pub organization_roles: Vec<NamedRef>,
}

/// The console's "Create user" form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    pub username: String,
    pub primary_email: String,
    pub name: String,
    pub password: String,
}

impl User {
    /// What the console calls the user: name, else username, else email, else phone, else id.
    pub fn display_name(&self) -> String {
        [
            &self.name,
            &self.username,
            &self.primary_email,
            &self.primary_phone,
        ]
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_else(|| self.id.clone())
    }
}

/// The console's profile form on a user's Details tab: every field as text, empty meaning
/// none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserProfileForm {
    pub username: String,
    pub primary_email: String,
    pub primary_phone: String,
    pub name: String,
    pub avatar: String,
}

impl UserProfileForm {
    /// The form filled with the user's values.
    pub fn of(user: &User) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        UserProfileForm {
            username: text(&user.username),
            primary_email: text(&user.primary_email),
            primary_phone: text(&user.primary_phone),
            name: text(&user.name),
            avatar: text(&user.avatar),
        }
    }
}
