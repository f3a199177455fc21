//! MFA in the console: the tenant's sign-in MFA settings and a user's factors (wasm-safe).

use serde::{Deserialize, Serialize};

/// The MFA settings form (the sign-in experience's `mfa`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MfaSettingsForm {
    /// Enabled factors: `Totp`, `WebAuthn`, `BackupCode`.
    pub factors: Vec<String>,
    /// When users are asked (one of [`MFA_POLICIES`], or `UserControlled` from older data).
    pub policy: String,
    /// `Mandatory`: members of organizations requiring MFA must set it up at sign-in.
    pub organization_mandatory: bool,
}

/// The factors the console offers, with what each means for users.
pub const MFA_FACTORS: [(&str, &str, &str); 3] = [
    (
        "Totp",
        "Authenticator app (TOTP)",
        "A 6-digit code from an app such as Google Authenticator; works without JavaScript.",
    ),
    (
        "WebAuthn",
        "Passkeys",
        "The device's fingerprint, face or PIN, or a security key; the page needs JavaScript.",
    ),
    (
        "BackupCode",
        "Backup codes",
        "Ten single-use codes users save at setup, for when their other factor is unavailable. Needs another factor.",
    ),
];

/// The policies the console offers, with their consequence in one line.
pub const MFA_POLICIES: [(&str, &str, &str); 4] = [
    (
        "NoPrompt",
        "Don't ask",
        "Users who set up a factor are asked for it; nobody is asked to set one up.",
    ),
    (
        "PromptAtSignInAndSignUp",
        "Suggest at sign-in and sign-up",
        "Users without a factor are invited to set one up and may skip (the skip is remembered).",
    ),
    (
        "PromptOnlyAtSignIn",
        "Suggest at sign-in only",
        "As above, but new accounts are not asked when they register.",
    ),
    (
        "Mandatory",
        "Require for everyone",
        "Every user must set up a factor before the sign-in completes; no skipping.",
    ),
];

/// A user's factor as the user page lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserFactor {
    pub id: String,
    /// `Totp`, `BackupCode` or `WebAuthn`.
    pub kind: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    /// E.g. "7 of 10 codes left", or the passkey's browser.
    pub detail: String,
}
