//! Console administrators (tenant `admin`): first-run creation, bootstrap and sign-in.

use app::model::AdminInfo;

use super::rules::Issue;
use super::{DomainError, ids, passwords};
use crate::storage::{ADMIN_TENANT, StorageError, Store, UserRow};

const USERNAME_MAX: usize = 128;

/// Usernames follow Logto's rule: a letter or underscore, then word characters.
fn validate(username: &str, password: &str) -> Result<(), DomainError> {
    let mut chars = username.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !first_ok
        || username.len() > USERNAME_MAX
        || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(DomainError::invalid(Issue::general(
            "Username must start with a letter or underscore and contain only letters, digits and underscores (at most 128).",
        )));
    }
    if password.chars().count() < passwords::MIN_LENGTH {
        return Err(DomainError::invalid(Issue::general(format!(
            "Password must be at least {} characters long.",
            passwords::MIN_LENGTH
        ))));
    }
    Ok(())
}

fn new_row(username: &str, hash: String, now: i64) -> UserRow {
    UserRow {
        username: Some(username.into()),
        name: Some(username.into()),
        password_encrypted: Some(hash),
        ..UserRow::new(ADMIN_TENANT, ids::generate(ids::SHORT), now)
    }
}

pub async fn needs_setup(store: &Store) -> Result<bool, DomainError> {
    Ok(!store.user_exists_in_tenant(ADMIN_TENANT).await?)
}

/// Creates the first administrator; fails once any administrator exists.
pub async fn create_first(
    store: &Store,
    username: &str,
    password: &str,
    now: i64,
) -> Result<AdminInfo, DomainError> {
    validate(username, password)?;
    if !needs_setup(store).await? {
        return Err(DomainError::AlreadySetUp);
    }
    let row = new_row(username, passwords::hash(password.to_string()).await?, now);
    if !store.user_insert_first(&row).await? {
        return Err(DomainError::AlreadySetUp);
    }
    Ok(AdminInfo {
        id: row.id,
        username: username.into(),
    })
}

/// Creates the administrator from the environment, or resets its password to the given one.
pub async fn ensure_bootstrap(
    store: &Store,
    username: &str,
    password: &str,
    now: i64,
) -> Result<(), DomainError> {
    validate(username, password)?;
    let hash = passwords::hash(password.to_string()).await?;
    match store.user_find_by_username(ADMIN_TENANT, username).await? {
        Some(existing) => {
            store
                .user_set_password(ADMIN_TENANT, &existing.id, &hash, now)
                .await?;
        }
        None => match store.user_insert(&new_row(username, hash, now)).await {
            Ok(()) | Err(StorageError::UniqueViolation) => {}
            Err(e) => return Err(e.into()),
        },
    }
    Ok(())
}

/// Checks a username and password; the same error (and about the same time) for every failure.
pub async fn authenticate(
    store: &Store,
    username: &str,
    password: &str,
    now: i64,
) -> Result<AdminInfo, DomainError> {
    let user = if username.contains('\0') {
        None
    } else {
        store.user_find_by_username(ADMIN_TENANT, username).await?
    };
    let stored = user.as_ref().and_then(|u| u.password_encrypted.clone());
    let ok = passwords::verify(stored, password.to_string()).await?;
    match user {
        Some(u) if ok && !u.is_suspended => {
            store.user_touch_sign_in(ADMIN_TENANT, &u.id, now).await?;
            Ok(AdminInfo {
                id: u.id,
                username: u.username.unwrap_or_default(),
            })
        }
        _ => Err(DomainError::InvalidCredentials),
    }
}

pub async fn find(store: &Store, id: &str) -> Result<Option<AdminInfo>, DomainError> {
    Ok(store
        .user_find_by_id(ADMIN_TENANT, id)
        .await?
        .filter(|u| !u.is_suspended)
        .map(|u| AdminInfo {
            id: u.id,
            username: u.username.unwrap_or_default(),
        }))
}
