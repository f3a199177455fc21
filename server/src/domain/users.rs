//! Users of the default tenant (a subset of Logto's `packages/schemas/tables/users.sql`):
//! the commands that create and change them, checked with Logto's rules; unique username /
//! email / phone with Logto's error codes; argon2id passwords.

use app::model::User;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::rules::Issues;
use super::{DomainError, ids, json_merge, passwords};
use crate::storage::{
    Page, Paged, StorageError, Store, UniqueUserField, UserPatch as UserPatchRow, UserRow,
};

pub const TEXT_MAX: usize = 128;
pub const AVATAR_MAX: usize = 2048;
pub const PASSWORD_MAX: usize = 256;

/// `POST /api/users`: a new user; every key is optional. A username, email or phone already
/// held by another user is refused with 422.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
    /// A letter or `_`, then letters, digits or `_`.
    #[schema(nullable, max_length = 128, pattern = r"^[A-Za-z_][A-Za-z0-9_]*$")]
    pub username: Option<String>,
    #[schema(nullable, max_length = 128, pattern = r"^[^\s@]+@\S+\.[^\s.]+$")]
    pub primary_email: Option<String>,
    /// Digits only, without `+`.
    #[schema(nullable, max_length = 128, pattern = r"^[0-9]+$")]
    pub primary_phone: Option<String>,
    /// Display name.
    #[schema(nullable, max_length = 128)]
    pub name: Option<String>,
    /// Picture URL.
    #[schema(nullable, max_length = 2048)]
    pub avatar: Option<String>,
    /// Standard profile claims (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub profile: Option<Map<String, Value>>,
    /// Arbitrary data kept with the user (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
    /// Stored as an argon2id hash; without it the user has no password.
    #[schema(nullable = false, min_length = 1, max_length = 256, format = Password)]
    pub password: Option<String>,
}

/// `PATCH /api/users/{id}`: the keys given change, the others keep their values; `null`
/// (`Some(None)`) clears a nullable key. Objects replace the stored ones as a whole. The
/// password cannot be set here (a `password` key is ignored).
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserPatch {
    /// A letter or `_`, then letters, digits or `_`.
    #[schema(
        value_type = Option<String>, nullable, max_length = 128,
        pattern = r"^[A-Za-z_][A-Za-z0-9_]*$"
    )]
    pub username: Option<Option<String>>,
    #[schema(
        value_type = Option<String>, nullable, max_length = 128,
        pattern = r"^[^\s@]+@\S+\.[^\s.]+$"
    )]
    pub primary_email: Option<Option<String>>,
    /// Digits only, without `+`.
    #[schema(value_type = Option<String>, nullable, max_length = 128, pattern = r"^[0-9]+$")]
    pub primary_phone: Option<Option<String>>,
    /// Display name.
    #[schema(value_type = Option<String>, nullable, max_length = 128)]
    pub name: Option<Option<String>>,
    /// Picture URL.
    #[schema(value_type = Option<String>, nullable, max_length = 2048)]
    pub avatar: Option<Option<String>>,
    /// Standard profile claims.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub profile: Option<Map<String, Value>>,
    /// Arbitrary data kept with the user.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
}

/// Logto's `usernameRegEx`: `^[A-Z_a-z]\w*$`.
pub fn is_username(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Logto's `emailRegEx`: `^\S+@\S+\.\S+$`.
pub fn is_email(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain
                    .rsplit_once('.')
                    .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        }
        None => false,
    }
}

/// Logto's `phoneRegEx`: digits only.
pub fn is_phone(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A format rule of an identifier.
pub type Format = fn(&str) -> bool;

/// The identifiers with their format rules, in the order Logto's guard reports them.
pub const IDENTIFIERS: [(&str, Format); 3] = [
    ("username", is_username),
    ("primaryEmail", is_email),
    ("primaryPhone", is_phone),
];

impl NewUser {
    /// The profile as a patch of an empty user, and the password.
    fn into_patch(self) -> (UserPatch, Option<String>) {
        let patch = UserPatch {
            username: self.username.map(Some),
            primary_email: self.primary_email.map(Some),
            primary_phone: self.primary_phone.map(Some),
            name: self.name.map(Some),
            avatar: self.avatar.map(Some),
            profile: self.profile,
            custom_data: self.custom_data,
        };
        (patch, self.password)
    }
}

impl UserPatch {
    /// The value rules, checked again here because not every caller reads a Management API
    /// body (the hosted registration builds a new user from its form).
    fn check(&self, password: Option<&str>) -> Result<(), DomainError> {
        let mut issues = Issues::default();
        let identifiers = [&self.username, &self.primary_email, &self.primary_phone];
        for ((key, valid), value) in IDENTIFIERS.into_iter().zip(identifiers) {
            if let Some(Some(value)) = value
                && issues.text(key, value, 0, TEXT_MAX)
                && !valid(value)
            {
                issues.push(key, "invalid_string", "Invalid");
            }
        }
        if let Some(Some(name)) = &self.name {
            issues.text("name", name, 0, TEXT_MAX);
        }
        if let Some(Some(avatar)) = &self.avatar {
            issues.text("avatar", avatar, 0, AVATAR_MAX);
        }
        if let Some(password) = password {
            issues.text("password", password, 1, PASSWORD_MAX);
        }
        issues.finish()
    }

    /// The columns to write.
    fn into_row(self) -> Result<UserPatchRow, DomainError> {
        Ok(UserPatchRow {
            username: self.username,
            primary_email: self.primary_email,
            primary_phone: self.primary_phone,
            name: self.name,
            avatar: self.avatar,
            profile: self
                .profile
                .as_ref()
                .map(|p| json_merge::stored_text(p, "profile"))
                .transpose()?,
            custom_data: self
                .custom_data
                .as_ref()
                .map(|d| json_merge::stored_text(d, "customData"))
                .transpose()?,
            is_suspended: None,
        })
    }
}

/// Refuses a username, email or phone already held by another user, with Logto's codes.
async fn check_unique(
    store: &Store,
    tenant: &str,
    patch: &UserPatchRow,
    own_id: Option<&str>,
) -> Result<(), DomainError> {
    let fields = [
        (
            UniqueUserField::Username,
            &patch.username,
            DomainError::UsernameTaken,
        ),
        (
            UniqueUserField::PrimaryEmail,
            &patch.primary_email,
            DomainError::EmailTaken,
        ),
        (
            UniqueUserField::PrimaryPhone,
            &patch.primary_phone,
            DomainError::PhoneTaken,
        ),
    ];
    for (field, value, taken) in fields {
        if let Some(Some(value)) = value
            && let Some(holder) = store.user_id_by_unique(tenant, field, value).await?
            && Some(holder.as_str()) != own_id
        {
            return Err(taken);
        }
    }
    Ok(())
}

pub fn to_wire(row: UserRow) -> Result<User, DomainError> {
    Ok(User {
        custom_data: super::json_column("custom_data", &row.custom_data)?,
        identities: super::json_column("identities", &row.identities)?,
        profile: super::json_column("profile", &row.profile)?,
        has_password: row.password_encrypted.is_some(),
        id: row.id,
        username: row.username,
        primary_email: row.primary_email,
        primary_phone: row.primary_phone,
        name: row.name,
        avatar: row.avatar,
        last_sign_in_at: row.last_sign_in_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        application_id: row.application_id,
        cimd_client_id: None,
        is_suspended: row.is_suspended,
    })
}

/// Creates a user; the password is hashed with argon2id.
pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewUser,
    now: i64,
) -> Result<User, DomainError> {
    let (patch, password) = input.into_patch();
    patch.check(password.as_deref())?;
    let p = patch.into_row()?;
    check_unique(store, tenant, &p, None).await?;
    let password_encrypted = match password {
        Some(p) => Some(passwords::hash(p).await?),
        None => None,
    };
    let row = UserRow {
        username: p.username.flatten(),
        primary_email: p.primary_email.flatten(),
        primary_phone: p.primary_phone.flatten(),
        name: p.name.flatten(),
        avatar: p.avatar.flatten(),
        profile: p.profile.unwrap_or_else(|| "{}".into()),
        custom_data: p.custom_data.unwrap_or_else(|| "{}".into()),
        password_encrypted,
        ..UserRow::new(tenant, ids::generate(ids::SHORT), now)
    };
    store.user_insert(&row).await?;
    to_wire(row)
}

/// A user created by a sign-up (`sign_up.rs`): `password_hash` already hashed, and with
/// `jit_email_domain` the organizations provisioning that domain joined in the same
/// transaction. The new user's id.
pub async fn create_provisioned(
    store: &Store,
    tenant: &str,
    input: NewUser,
    password_hash: Option<String>,
    jit_email_domain: Option<String>,
    now: i64,
) -> Result<String, DomainError> {
    let (patch, _) = input.into_patch();
    patch.check(None)?;
    let p = patch.into_row()?;
    check_unique(store, tenant, &p, None).await?;
    let row = UserRow {
        username: p.username.clone().flatten(),
        primary_email: p.primary_email.clone().flatten(),
        password_encrypted: password_hash,
        ..UserRow::new(tenant, ids::generate(ids::SHORT), now)
    };
    match store
        .user_insert_provisioned(&row, jit_email_domain.as_deref(), now)
        .await
    {
        Ok(_) => Ok(row.id),
        // Taken meanwhile: say which.
        Err(StorageError::UniqueViolation) => {
            check_unique(store, tenant, &p, None).await?;
            Err(DomainError::UsernameTaken)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn find(store: &Store, tenant: &str, id: &str) -> Result<Option<User>, DomainError> {
    store
        .user_find_by_id(tenant, id)
        .await?
        .map(to_wire)
        .transpose()
}

pub async fn list(
    store: &Store,
    tenant: &str,
    q: Option<&str>,
    exclude_organization: Option<&str>,
    page: Page,
) -> Result<Paged<User>, DomainError> {
    let found = store
        .user_list(tenant, q, exclude_organization, page)
        .await?;
    let items = found
        .items
        .into_iter()
        .map(to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}

/// Applies a patch; `None` when the user does not exist.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: UserPatch,
    now: i64,
) -> Result<Option<User>, DomainError> {
    patch.check(None)?;
    let patch = patch.into_row()?;
    check_unique(store, tenant, &patch, Some(id)).await?;
    store
        .user_update(tenant, id, &patch, now)
        .await?
        .map(to_wire)
        .transpose()
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.user_delete(tenant, id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_formats_follow_logto() {
        assert!(is_username("_alice_1"));
        assert!(!is_username("1alice"));
        assert!(!is_username("al-ice"));
        assert!(is_email("a@b.co"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@c.d"));
        assert!(is_phone("15551234567"));
        assert!(!is_phone("+1555"));
    }
}
