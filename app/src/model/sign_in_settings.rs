//! The console's Sign-up and sign-in form (the sign-in experience's `signInMode`, `signUp`,
//! `signIn` and `forgotPasswordMethods`, in the words admins choose by), wasm-safe.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignInSettingsForm {
    /// `SignInAndRegister`, `SignIn` or `Register`.
    pub sign_in_mode: String,
    /// One of [`SIGN_UP_IDENTIFIERS`]' values.
    pub sign_up_identifier: String,
    /// A password is set at sign-up.
    pub sign_up_password: bool,
    pub username_password: bool,
    pub email_password: bool,
    pub email_code: bool,
    /// "Forgot your password?" by emailed code.
    pub forgot_password_email: bool,
    /// Where mail goes (read only): e.g. "outbox folder data/outbox".
    pub mail: String,
    /// Whether mail can be sent at all (read only).
    pub mail_enabled: bool,
}

/// What a new account is known by, with what it means on the registration page.
pub const SIGN_UP_IDENTIFIERS: [(&str, &str, &str); 4] = [
    (
        "username",
        "Username",
        "People pick a username. No email is asked, so nobody joins an organization by email domain.",
    ),
    (
        "email",
        "Email address",
        "People prove their email with a 6-digit code before the account exists; its domain can make them join organizations.",
    ),
    (
        "username_email",
        "Username and email address",
        "Both; the email is proved with a code.",
    ),
    (
        "none",
        "Nothing (no registration form)",
        "Accounts are made by an administrator or the Management API.",
    ),
];

/// Who may use the hosted pages.
pub const SIGN_IN_MODES: [(&str, &str, &str); 3] = [
    (
        "SignInAndRegister",
        "Sign in and create accounts",
        "The sign-in page links to the registration page.",
    ),
    (
        "SignIn",
        "Sign in only",
        "Nobody can create an account on the hosted pages.",
    ),
    (
        "Register",
        "Create accounts only",
        "The hosted pages open on registration.",
    ),
];
