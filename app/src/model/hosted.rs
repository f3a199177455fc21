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
