//! End users signing in and registering on the hosted pages. Failures are worded so they never
//! tell which of identifier or password was wrong, and a missing account costs the same argon2
//! work as a wrong password (see `passwords::verify`).

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

/// Logto's username rule.
pub fn valid_username(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= 128
}

pub fn valid_email(s: &str) -> bool {
    // Plain addresses only: no quoted local parts or routing characters (`%`, `!`, a second
    // `@`), whose domain a relay may not honour — a domain decides organization membership.
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-'".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok && s.len() <= 254
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
        assert!(valid_email("pat.o'neil+tag@mail.example.com"));
        for routed in [
            "\"me@evil.com\"@corp.com",
            "me%evil.com@corp.com",
            "me!evil@corp.com",
            "a@b@corp.com",
            ".a@corp.com",
            "a@-corp.com",
        ] {
            assert!(!valid_email(routed), "{routed}");
        }
    }
}
