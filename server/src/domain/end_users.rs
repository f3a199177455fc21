//! End users signing in and registering on the hosted pages. Failures are worded so they never
//! tell which of identifier or password was wrong, and a missing account costs the same argon2
//! work as a wrong password (see `passwords::verify`).

use super::users::{self, NewUser};
use super::{DomainError, passwords};
use crate::storage::{Store, UserRow};

/// Why a sign-in failed, as the page says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInFailure {
    InvalidCredentials,
    Suspended,
}

impl SignInFailure {
    pub fn message(&self) -> &'static str {
        match self {
            SignInFailure::InvalidCredentials => "The username, email or password is incorrect.",
            SignInFailure::Suspended => "This account is suspended. Contact your administrator.",
        }
    }
}

/// Checks `identifier` (username or email) and `password`.
pub async fn authenticate(
    store: &Store,
    tenant: &str,
    identifier: &str,
    password: &str,
) -> Result<Result<UserRow, SignInFailure>, DomainError> {
    let user = if identifier.is_empty() || identifier.len() > 256 {
        None
    } else {
        store.user_find_by_identifier(tenant, identifier).await?
    };
    let stored = user.as_ref().and_then(|u| u.password_encrypted.clone());
    let ok = passwords::verify(stored, password.to_string()).await?;
    match user {
        Some(user) if ok && user.is_suspended => Ok(Err(SignInFailure::Suspended)),
        Some(user) if ok => Ok(Ok(user)),
        _ => Ok(Err(SignInFailure::InvalidCredentials)),
    }
}

/// A new account from the registration form: its id, or a message explaining what to fix.
pub async fn register(
    store: &Store,
    tenant: &str,
    username: &str,
    email: &str,
    password: &str,
    password_confirm: &str,
    now: i64,
) -> Result<Result<String, String>, DomainError> {
    let (username, email) = (username.trim(), email.trim());
    if username.is_empty() && email.is_empty() {
        return Ok(Err("Enter a username or an email address.".into()));
    }
    if !username.is_empty() && !valid_username(username) {
        return Ok(Err(
            "A username starts with a letter or _ and holds only letters, digits and _.".into(),
        ));
    }
    if !email.is_empty() && !valid_email(email) {
        return Ok(Err("Enter a valid email address.".into()));
    }
    if password.chars().count() < passwords::MIN_LENGTH {
        return Ok(Err(format!(
            "The password needs at least {} characters.",
            passwords::MIN_LENGTH
        )));
    }
    if password != password_confirm {
        return Ok(Err("The passwords do not match.".into()));
    }
    let given = |value: &str| Some(value.to_owned()).filter(|v| !v.is_empty());
    let input = NewUser {
        username: given(username),
        primary_email: given(email),
        password: Some(password.to_owned()),
        ..NewUser::default()
    };
    match users::create(store, tenant, input, now).await {
        Ok(user) => Ok(Ok(user.id)),
        Err(DomainError::UsernameTaken) => Ok(Err("This username is already taken.".into())),
        Err(DomainError::EmailTaken) => Ok(Err(
            "An account with this email address already exists. Sign in instead.".into(),
        )),
        Err(DomainError::Invalid(lines)) => Ok(Err(lines.join(" "))),
        Err(e) => Err(e),
    }
}

/// Logto's username rule.
fn valid_username(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= 128
}

fn valid_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
                && s.len() <= 254
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_and_emails() {
        assert!(valid_username("alice_1"));
        assert!(!valid_username("1alice"));
        assert!(!valid_username("al ice"));
        assert!(valid_email("a@example.com"));
        assert!(!valid_email("a@example"));
        assert!(!valid_email("a b@example.com"));
    }
}
