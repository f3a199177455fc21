//! Users of the default tenant (a subset of Logto's `packages/schemas/tables/users.sql`):
//! validation with Logto's rules, unique username / email / phone with Logto's error codes,
//! argon2id passwords.

use app::model::User;
use serde_json::Value;

use super::guard::{Guard, Nullable};
use super::{DomainError, ids, passwords};
use crate::storage::{Page, Paged, Store, UniqueUserField, UserPatch, UserRow};

const TEXT_MAX: usize = 128;
const AVATAR_MAX: usize = 2048;

/// Logto's `usernameRegEx`: `^[A-Z_a-z]\w*$`.
fn is_username(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Logto's `emailRegEx`: `^\S+@\S+\.\S+$`.
fn is_email(s: &str) -> bool {
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
fn is_phone(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A nullable identifier with a format rule.
fn identifier(g: &mut Guard<'_>, key: &str, valid: fn(&str) -> bool) -> Option<Option<String>> {
    match g.nullable_string(key, TEXT_MAX) {
        Nullable::Value(s) if !valid(&s) => {
            g.issue(key, "invalid_string", "Invalid");
            None
        }
        other => other.into_patch(),
    }
}

struct Input {
    patch: UserPatch,
    password: Option<String>,
}

fn parse(body: &Value, creating: bool) -> Result<Input, DomainError> {
    let mut g = Guard::new(body);
    let username = identifier(&mut g, "username", is_username);
    let primary_email = identifier(&mut g, "primaryEmail", is_email);
    let primary_phone = identifier(&mut g, "primaryPhone", is_phone);
    let name = g.nullable_string("name", TEXT_MAX).into_patch();
    let avatar = g.nullable_string("avatar", AVATAR_MAX).into_patch();
    let custom_data = g
        .optional_object("customData")
        .map(|m| Value::Object(m.clone()).to_string());
    let profile = g
        .optional_object("profile")
        .map(|m| Value::Object(m.clone()).to_string());
    let password = if creating {
        g.optional_string("password", 1, 256)
    } else {
        None
    };
    g.finish()?;
    Ok(Input {
        patch: UserPatch {
            username,
            primary_email,
            primary_phone,
            name,
            avatar,
            profile,
            custom_data,
            is_suspended: None,
        },
        password,
    })
}

/// Refuses a username, email or phone already held by another user, with Logto's codes.
async fn check_unique(
    store: &Store,
    tenant: &str,
    patch: &UserPatch,
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

/// `POST /api/users`: every field optional; the password is hashed with argon2id.
pub async fn create(
    store: &Store,
    tenant: &str,
    body: &Value,
    now: i64,
) -> Result<User, DomainError> {
    let input = parse(body, true)?;
    check_unique(store, tenant, &input.patch, None).await?;
    let password_encrypted = match input.password {
        Some(p) => Some(passwords::hash(p).await?),
        None => None,
    };
    let p = input.patch;
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

pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
    now: i64,
) -> Result<Option<User>, DomainError> {
    let input = parse(body, false)?;
    check_unique(store, tenant, &input.patch, Some(id)).await?;
    store
        .user_update(tenant, id, &input.patch, now)
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
