//! What the hosted sign-in pages show (wasm-safe, serde only).

use serde::{Deserialize, Serialize};

/// The state of the browser's pending sign-in, as the hosted pages render it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HostedView {
    /// Whether a sign-in request is pending for this browser (else the link has expired).
    pub pending: bool,
    pub app_name: String,
    /// `SignIn`, `Register` or `SignInAndRegister`.
    pub sign_in_mode: String,
    /// The message of the last failed attempt.
    pub error: Option<String>,
    /// What the user typed last time (or the client's `login_hint`).
    pub identifier: Option<String>,
    pub branding: Branding,
    /// Set when a signed-in user is asked to allow a third-party app.
    pub consent: Option<Consent>,
    /// Set while the sign-in asks for a second factor.
    pub mfa: Option<MfaView>,
    /// What the registration form asks for.
    pub sign_up: SignUpView,
    /// How the sign-in page lets users in.
    pub sign_in: SignInView,
    /// Whether "Forgot your password?" is offered (by emailed code).
    pub forgot_password: bool,
    /// The email journey under way (a code was sent).
    pub journey: Option<JourneyView>,
    /// The email address a magic link (one-time token) signs in.
    pub magic_link_email: Option<String>,
}

/// The registration form's fields, as the sign-in experience's `signUp` asks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignUpView {
    pub username: bool,
    pub email: bool,
    /// The email address is proved with an emailed code.
    pub email_verify: bool,
    pub password: bool,
}

impl SignUpView {
    /// Whether the form asks for anything (no identifier: no registration here).
    pub fn possible(&self) -> bool {
        self.username || self.email
    }
}

/// The sign-in page's ways in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignInView {
    /// Identifiers that sign in with a password (`username`, `email`, `phone`).
    pub password_identifiers: Vec<String>,
    /// Whether an emailed code signs in.
    pub email_code: bool,
}

impl SignInView {
    /// The identifier field's label: "Username or email", "Email", ….
    pub fn identifier_label(&self) -> String {
        let names: Vec<&str> = self
            .password_identifiers
            .iter()
            .map(|i| match i.as_str() {
                "username" => "username",
                "email" => "email",
                _ => "phone number",
            })
            .collect();
        let text = match names.as_slice() {
            [] => "Email".to_string(),
            [one] => (*one).to_string(),
            [first @ .., last] => format!("{} or {last}", first.join(", ")),
        };
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    }

    /// Whether the field takes an email address only (its type and autocomplete).
    pub fn email_only(&self) -> bool {
        self.password_identifiers.iter().all(|i| i == "email")
    }
}

/// A journey waiting on an emailed code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JourneyView {
    /// `Register`, `SignIn` or `ForgotPassword`.
    pub kind: String,
    /// Where the code went.
    pub email: String,
    /// The address is proved already (registration continuing from a sign-in code; a reset
    /// whose code was right).
    pub verified: bool,
}

/// What the MFA pages show (next-features.md §1.6).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MfaView {
    /// `Verify`, `Suggest`, `Bind` or `BackupCodes`: the page the sign-in waits on.
    pub page: String,
    /// That page's address.
    pub path: String,
    /// The factors offered (`Totp`, `WebAuthn`, `BackupCode`), the first one the default.
    pub factors: Vec<String>,
    /// Whether binding may be skipped.
    pub skippable: bool,
    /// The organization that requires 2-step verification.
    pub organization: Option<String>,
    /// The authenticator app to add.
    pub totp: Option<TotpSetup>,
    /// Backup codes to save.
    pub backup_codes: Vec<String>,
    /// The passkey ceremony's options for `navigator.credentials` (JSON), when a passkey is on
    /// offer.
    pub passkey_options: Option<String>,
}

impl MfaView {
    pub fn offers(&self, page: &str, factor: &str) -> bool {
        self.page == page && self.factors.iter().any(|f| f == factor)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// The base32 secret, for typing in by hand.
    pub secret: String,
    /// The `otpauth://` URI.
    pub uri: String,
    /// The QR code of the URI (an SVG element drawn by the server).
    pub qr_svg: String,
}

impl HostedView {
    pub fn can_register(&self) -> bool {
        self.sign_in_mode != "SignIn"
    }
}

/// An organization's look, when the client passed `organization_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Branding {
    pub organization_name: Option<String>,
    pub logo_url: Option<String>,
    pub dark_logo_url: Option<String>,
    pub primary_color: Option<String>,
    pub dark_primary_color: Option<String>,
    pub custom_css: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    /// Who is signed in (username, email or id).
    pub user: String,
    /// The permissions asked for, in request order.
    pub scopes: Vec<String>,
}

/// What the hosted invitation page shows (`/invitation/{id}?token=…`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    /// Whether the invitation exists.
    pub found: bool,
    /// `Pending`, `Accepted`, `Expired` or `Revoked`.
    pub status: String,
    pub organization_name: String,
    pub branding: Branding,
    /// Who invited (name, username or email).
    pub inviter: Option<String>,
    /// The invited address: whole when the link is valid, masked otherwise.
    pub invitee: String,
    /// The link's token opens this invitation.
    pub link_valid: bool,
    /// An account already uses the invited address.
    pub has_account: bool,
    /// What a new account gives beside the address.
    pub sign_up: SignUpView,
    /// Another account is signed in on this browser (masked).
    pub signed_in_as: Option<String>,
    /// The message of the last refused attempt.
    pub error: Option<String>,
}
