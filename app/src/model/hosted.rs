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
