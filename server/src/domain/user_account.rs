//! What an admin does to one user's account besides editing its fields (Logto's
//! `packages/core/src/routes/admin-user/basics.ts`): merge into the profile or the custom data,
//! set or check the password, suspend. A suspended user cannot sign in and gets no tokens;
//! suspending also ends the user's sessions and grants, so refresh tokens stop working at once.

use std::collections::BTreeMap;

use app::model::User;
use serde_json::{Map, Value};
use utoipa::ToSchema;

pub use super::json_merge::JsonObject;
use super::rules::Issues;
use super::users::{PASSWORD_MAX, to_wire};
use super::{DomainError, json_merge, passwords};
use crate::storage::{Store, UserJson};

/// The OIDC standard claims Logto keeps in `profile` (`userProfileGuard`), each a string.
pub const PROFILE_TEXT_KEYS: [&str; 11] = [
    "familyName",
    "givenName",
    "middleName",
    "nickname",
    "preferredUsername",
    "profile",
    "website",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
];

/// The keys of `profile.address`, each a string.
pub const ADDRESS_KEYS: [&str; 6] = [
    "formatted",
    "streetAddress",
    "locality",
    "region",
    "postalCode",
    "country",
];

/// `PATCH /api/users/{id}/profile`: the keys given replace theirs; the others stay (a shallow
/// merge: `address` is replaced as a whole). Keys Logto does not know are dropped.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProfileMerge {
    /// Standard profile claims (`givenName`, `address`, …), each a string.
    #[schema(value_type = Object)]
    pub profile: UserProfile,
}

/// Logto's `userProfileGuard`: standard claims ([`PROFILE_TEXT_KEYS`]) and an address of
/// [`ADDRESS_KEYS`], each a string; only the keys given are set.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct UserProfile {
    #[serde(flatten)]
    pub claims: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<BTreeMap<String, String>>,
}

/// `PATCH /api/users/{id}/custom-data`: the keys given replace theirs; the others stay.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomDataMerge {
    /// Keys to set in the user's custom data.
    #[schema(value_type = Object)]
    pub custom_data: Map<String, Value>,
}

/// `PATCH /api/users/{id}/password` and `POST /api/users/{id}/password/verify`.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasswordInput {
    #[schema(min_length = 1, max_length = 256, format = Password)]
    pub password: String,
}

/// `PATCH /api/users/{id}/is-suspended`.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SuspensionInput {
    /// `true` suspends the user and ends its sessions and grants; `false` lets it sign in again.
    pub is_suspended: bool,
}

/// `GET /api/users/{id}/has-password`.
#[derive(Debug, serde::Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HasPassword {
    pub has_password: bool,
}

/// Merges claims into the profile; the whole merged profile, or `None` when the user does not
/// exist.
pub async fn merge_profile(
    store: &Store,
    tenant: &str,
    id: &str,
    profile: UserProfile,
    now: i64,
) -> Result<Option<Map<String, Value>>, DomainError> {
    let Ok(Value::Object(keys)) = serde_json::to_value(profile) else {
        return Err(DomainError::Internal("a profile is not an object".into()));
    };
    merge(store, tenant, id, UserJson::Profile, keys, now).await
}

/// Merges keys into the custom data (any JSON, as Logto's `jsonObjectGuard`); the whole merged
/// object, or `None` when the user does not exist.
pub async fn merge_custom_data(
    store: &Store,
    tenant: &str,
    id: &str,
    keys: Map<String, Value>,
    now: i64,
) -> Result<Option<Map<String, Value>>, DomainError> {
    merge(store, tenant, id, UserJson::CustomData, keys, now).await
}

async fn merge(
    store: &Store,
    tenant: &str,
    id: &str,
    column: UserJson,
    keys: Map<String, Value>,
    now: i64,
) -> Result<Option<Map<String, Value>>, DomainError> {
    let name = match column {
        UserJson::Profile => "profile",
        UserJson::CustomData => "customData",
    };
    let merged = store
        .user_edit_json(tenant, id, column, now, |stored| {
            json_merge::merged_text(stored, keys, name)
        })
        .await?;
    merged.as_deref().map(json_merge::object).transpose()
}

/// The user's custom data; `None` when the user does not exist.
pub async fn custom_data(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<Option<Value>, DomainError> {
    Ok(super::users::find(store, tenant, id)
        .await?
        .map(|user| user.custom_data))
}

/// Sets a new password (argon2id, off the async runtime); the user, or `None` when it does not
/// exist. As Logto, an admin's new password skips the sign-in password policy.
pub async fn set_password(
    store: &Store,
    tenant: &str,
    id: &str,
    input: PasswordInput,
    now: i64,
) -> Result<Option<User>, DomainError> {
    check_password(&input.password)?;
    if store.user_find_by_id(tenant, id).await?.is_none() {
        return Ok(None);
    }
    let hash = passwords::hash(input.password).await?;
    store
        .user_set_password(tenant, id, &hash, now)
        .await?
        .map(to_wire)
        .transpose()
}

/// Whether the password is the user's: `Some(true)` matches, `Some(false)` does not (or the user
/// has no password; a hash is checked either way so both take as long), `None`: no such user.
pub async fn verify_password(
    store: &Store,
    tenant: &str,
    id: &str,
    input: PasswordInput,
) -> Result<Option<bool>, DomainError> {
    check_password(&input.password)?;
    let Some(user) = store.user_find_by_id(tenant, id).await? else {
        return Ok(None);
    };
    let matches = passwords::verify(user.password_encrypted, input.password).await?;
    Ok(Some(matches))
}

/// Logto's answer to a password that does not match.
pub fn wrong_password() -> DomainError {
    DomainError::refused(
        422,
        "session.invalid_credentials",
        "Wrong account or password, please check your input.",
    )
}

fn check_password(password: &str) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    issues.text("password", password, 1, PASSWORD_MAX);
    issues.finish()
}

/// Suspends or restores the user; suspending ends its sessions and grants (with their refresh
/// tokens) in the same transaction. The user, or `None` when it does not exist.
pub async fn set_suspended(
    store: &Store,
    tenant: &str,
    id: &str,
    input: SuspensionInput,
    now: i64,
) -> Result<Option<User>, DomainError> {
    store
        .user_set_suspended(tenant, id, input.is_suspended, now)
        .await?
        .map(to_wire)
        .transpose()
}
