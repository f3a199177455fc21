//! Accounts created on the hosted registration pages, as the sign-in experience's `signUp`
//! asks (`account_settings.rs`), and the organizations a verified email's domain makes them
//! join (Logto's `provisionNewUserJitOrganizations`, next-features §3): in the same
//! transaction as the account, only for an address proved with a code, domains compared in
//! lower case. Accounts the Management API creates are never provisioned (Logto's rule).

use super::account_settings::SignUpForm;
use super::end_users::{valid_email, valid_username};
use super::users::{self, NewUser};
use super::{DomainError, passwords};
use crate::storage::Store;

/// What the registration form holds, trimmed.
pub struct SignUpInput<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub password_confirm: &'a str,
}

/// What a refused form says (the hosted invitation page names them by their place:
/// `FIELD_MESSAGES`).
pub const ENTER_USERNAME: &str = "Enter a username.";
pub const BAD_USERNAME: &str =
    "A username starts with a letter or _ and holds only letters, digits and _.";
pub const PASSWORD_SHORT: &str = "The password needs at least 8 characters.";
pub const PASSWORD_LONG: &str = "The password can be at most 256 characters.";
pub const PASSWORDS_DIFFER: &str = "The passwords do not match.";

/// Every message [`check_account_fields`] and [`create`] give about a username or password.
pub const FIELD_MESSAGES: [&str; 6] = [
    ENTER_USERNAME,
    BAD_USERNAME,
    PASSWORD_SHORT,
    PASSWORD_LONG,
    PASSWORDS_DIFFER,
    USERNAME_TAKEN,
];

/// The form's fields as the settings ask for them; a message saying what to fix otherwise.
pub fn check_form(form: SignUpForm, input: &SignUpInput<'_>) -> Result<(), &'static str> {
    if !form.possible() {
        return Err("Creating accounts is turned off. Ask your administrator for an account.");
    }
    if form.email.is_some() {
        if input.email.is_empty() {
            return Err("Enter your email address.");
        }
        if !valid_email(input.email) {
            return Err("Enter a valid email address.");
        }
    }
    let asks = SignUpAsks::from(form);
    check_account_fields(asks, input.username, input.password, input.password_confirm)
}

/// The username and the password typed twice, as far as sign-up asks for them.
pub fn check_account_fields(
    asks: SignUpAsks,
    username: &str,
    password: &str,
    confirm: &str,
) -> Result<(), &'static str> {
    let username = username.trim();
    if asks.username {
        if username.is_empty() {
            return Err(ENTER_USERNAME);
        }
        if !valid_username(username) {
            return Err(BAD_USERNAME);
        }
    }
    if asks.password {
        check_new_password(password, confirm)?;
    }
    Ok(())
}

/// A new password typed twice: long enough, and the same both times.
pub fn check_new_password(password: &str, confirm: &str) -> Result<(), &'static str> {
    if password.chars().count() < passwords::MIN_LENGTH {
        return Err(PASSWORD_SHORT);
    }
    if password.chars().count() > 256 {
        return Err(PASSWORD_LONG);
    }
    if password != confirm {
        return Err(PASSWORDS_DIFFER);
    }
    Ok(())
}

/// What sign-up asks beside an email address already proved (an invitation's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignUpAsks {
    pub username: bool,
    pub password: bool,
}

impl From<SignUpForm> for SignUpAsks {
    fn from(form: SignUpForm) -> Self {
        SignUpAsks {
            username: form.username,
            password: form.password,
        }
    }
}

/// An account to create.
pub struct Registration {
    pub username: Option<String>,
    pub email: Option<String>,
    /// Whether `email` was proved with a code (only then does its domain provision).
    pub email_verified: bool,
    /// An argon2id PHC string.
    pub password_hash: Option<String>,
}

/// The message when the username is taken (public: usernames are shown to others).
pub const USERNAME_TAKEN: &str = "This username is already taken.";
pub const EMAIL_TAKEN: &str = "An account with this email address already exists. Sign in instead.";

/// Whether `username` is free (checked before a code is sent, so nobody waits for mail to
/// learn it).
pub async fn username_free(
    store: &Store,
    tenant: &str,
    username: &str,
) -> Result<bool, DomainError> {
    Ok(store
        .user_find_by_username(tenant, username)
        .await?
        .is_none())
}

/// Creates the account and its just-in-time memberships: the new user's id, or the message
/// for the page (a username or email taken meanwhile).
pub async fn create(
    store: &Store,
    tenant: &str,
    registration: Registration,
    now: i64,
) -> Result<Result<String, String>, DomainError> {
    let domain = registration
        .email
        .as_deref()
        .filter(|_| registration.email_verified)
        .and_then(|e| e.rsplit_once('@'))
        .map(|(_, d)| d.to_lowercase());
    let input = NewUser {
        username: registration.username,
        primary_email: registration.email,
        ..NewUser::default()
    };
    match users::create_provisioned(
        store,
        tenant,
        input,
        registration.password_hash,
        domain,
        now,
    )
    .await
    {
        Ok(id) => Ok(Ok(id)),
        Err(DomainError::UsernameTaken) => Ok(Err(USERNAME_TAKEN.into())),
        Err(DomainError::EmailTaken) => Ok(Err(EMAIL_TAKEN.into())),
        Err(DomainError::Invalid(lines)) => Ok(Err(lines.join(" "))),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(username: &'a str, email: &'a str, password: &'a str) -> SignUpInput<'a> {
        SignUpInput {
            username,
            email,
            password,
            password_confirm: password,
        }
    }

    #[test]
    fn the_form_asks_what_the_settings_ask() {
        let username_only = SignUpForm {
            username: true,
            email: None,
            password: true,
        };
        assert!(check_form(username_only, &input("pat", "", "long enough")).is_ok());
        assert!(check_form(username_only, &input("", "pat@example.com", "long enough")).is_err());
        assert!(check_form(username_only, &input("pat", "", "short")).is_err());
        let email_only = SignUpForm {
            username: false,
            email: Some(true),
            password: false,
        };
        assert!(check_form(email_only, &input("", "pat@example.com", "")).is_ok());
        assert!(check_form(email_only, &input("", "pat", "")).is_err());
        let nothing = SignUpForm {
            username: false,
            email: None,
            password: true,
        };
        assert!(check_form(nothing, &input("pat", "", "long enough")).is_err());
        assert_eq!(
            check_new_password("long enough", "other one"),
            Err(PASSWORDS_DIFFER)
        );
        assert!(PASSWORD_SHORT.contains(&passwords::MIN_LENGTH.to_string()));
    }
}
