//! The MFA step of a pending sign-in, kept on its interaction (`oidc_interactions.mfa`, JSON)
//! between the hosted pages' requests: whose password was checked, what this sign-in verified
//! or bound, what the page asks next, and what waits to be bound (a TOTP secret, backup codes,
//! a passkey ceremony). It lives only as long as the interaction (an hour at most).

use serde::{Deserialize, Serialize};

use crate::domain::mfa_gate::Event;

/// The page the sign-in waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Page {
    Verify,
    Suggest,
    Bind,
    BackupCodes,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MfaStep {
    pub user_id: String,
    pub register: bool,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    pub bound: bool,
    pub page: Page,
    /// Factors the page offers (`Totp`, `WebAuthn`, `BackupCode`).
    #[serde(default)]
    pub factors: Vec<String>,
    #[serde(default)]
    pub skippable: bool,
    /// The organization whose rule makes binding mandatory.
    #[serde(default)]
    pub organization: Option<String>,
    /// A TOTP secret waiting for its first code.
    #[serde(default)]
    pub totp_secret: Option<String>,
    /// Backup codes shown until the user confirms saving them.
    #[serde(default)]
    pub backup_codes: Option<Vec<String>>,
    /// A passkey ceremony in progress: its webauthn-rs state, and the options the page hands
    /// to the browser.
    #[serde(default)]
    pub passkey_state: Option<serde_json::Value>,
    #[serde(default)]
    pub passkey_options: Option<serde_json::Value>,
}

impl MfaStep {
    pub fn new(user_id: &str, event: Event) -> Self {
        MfaStep {
            user_id: user_id.to_string(),
            register: event == Event::Register,
            verified: false,
            bound: false,
            page: Page::Verify,
            factors: Vec::new(),
            skippable: false,
            organization: None,
            totp_secret: None,
            backup_codes: None,
            passkey_state: None,
            passkey_options: None,
        }
    }

    pub fn event(&self) -> Event {
        if self.register {
            Event::Register
        } else {
            Event::SignIn
        }
    }

    pub fn offers(&self, page: Page, factor: &str) -> bool {
        self.page == page && self.factors.iter().any(|f| f == factor)
    }

    /// The page this step is shown on.
    pub fn path(&self) -> String {
        let first = self.factors.first().map(String::as_str).unwrap_or("Totp");
        match self.page {
            Page::Verify => format!("/mfa-verification/{first}"),
            Page::Suggest => "/mfa-onboarding".into(),
            Page::Bind if self.factors.len() == 1 => format!("/mfa-binding/{first}"),
            Page::Bind => "/mfa-binding".into(),
            Page::BackupCodes => "/mfa-binding/BackupCode".into(),
        }
    }

    pub fn parse(raw: Option<&str>) -> Option<MfaStep> {
        serde_json::from_str(raw?).ok()
    }
}
