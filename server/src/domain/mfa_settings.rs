//! The tenant's MFA settings (Logto's `sign_in_experiences.mfa`,
//! `packages/schemas/src/foundations/jsonb-types/sign-in-experience.ts`): which factors users
//! may use, when the sign-in asks for them, and whether organizations requiring MFA make the
//! sign-in ask. Checked as Logto's `packages/core/src/libraries/sign-in-experience/mfa.ts`;
//! settings Tessera cannot carry out are refused, never stored and ignored.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::DomainError;
use crate::storage::Store;

/// A kind of second factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum MfaFactor {
    Totp,
    WebAuthn,
    BackupCode,
    EmailVerificationCode,
    PhoneVerificationCode,
}

impl MfaFactor {
    pub const NAMES: [&'static str; 5] = [
        "Totp",
        "WebAuthn",
        "BackupCode",
        "EmailVerificationCode",
        "PhoneVerificationCode",
    ];
    /// The factors a sign-in can verify and bind today.
    pub const SUPPORTED: [MfaFactor; 3] =
        [MfaFactor::Totp, MfaFactor::WebAuthn, MfaFactor::BackupCode];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(name: &str) -> Option<MfaFactor> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    const ALL: [MfaFactor; 5] = [
        MfaFactor::Totp,
        MfaFactor::WebAuthn,
        MfaFactor::BackupCode,
        MfaFactor::EmailVerificationCode,
        MfaFactor::PhoneVerificationCode,
    ];
}

/// When the sign-in asks users for a factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum MfaPolicy {
    /// Deprecated in Logto; a skippable prompt at sign-in and sign-up.
    UserControlled,
    /// Every user binds a factor; no skipping.
    Mandatory,
    PromptOnlyAtSignIn,
    PromptAtSignInAndSignUp,
    NoPrompt,
    /// Adaptive MFA only (not offered: refused).
    PromptAtSignInAndSignUpMandatory,
    /// Adaptive MFA only (not offered: refused).
    PromptOnlyAtSignInMandatory,
}

impl MfaPolicy {
    pub const NAMES: [&'static str; 7] = [
        "UserControlled",
        "Mandatory",
        "PromptOnlyAtSignIn",
        "PromptAtSignInAndSignUp",
        "NoPrompt",
        "PromptAtSignInAndSignUpMandatory",
        "PromptOnlyAtSignInMandatory",
    ];
    const ALL: [MfaPolicy; 7] = [
        MfaPolicy::UserControlled,
        MfaPolicy::Mandatory,
        MfaPolicy::PromptOnlyAtSignIn,
        MfaPolicy::PromptAtSignInAndSignUp,
        MfaPolicy::NoPrompt,
        MfaPolicy::PromptAtSignInAndSignUpMandatory,
        MfaPolicy::PromptOnlyAtSignInMandatory,
    ];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(name: &str) -> Option<MfaPolicy> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    /// Whether a user may skip binding (`packages/core/src/libraries/sign-in-experience/mfa-policy.ts`).
    pub fn is_skippable(self) -> bool {
        !matches!(
            self,
            MfaPolicy::Mandatory
                | MfaPolicy::PromptAtSignInAndSignUpMandatory
                | MfaPolicy::PromptOnlyAtSignInMandatory
        )
    }

    /// Whether registration is left alone.
    pub fn prompts_only_at_sign_in(self) -> bool {
        matches!(
            self,
            MfaPolicy::PromptOnlyAtSignIn | MfaPolicy::PromptOnlyAtSignInMandatory
        )
    }
}

/// Whether membership in an organization that requires MFA makes the sign-in ask for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum OrganizationRequiredMfaPolicy {
    NoPrompt,
    Mandatory,
}

impl OrganizationRequiredMfaPolicy {
    pub const NAMES: [&'static str; 2] = ["NoPrompt", "Mandatory"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "NoPrompt" => Some(Self::NoPrompt),
            "Mandatory" => Some(Self::Mandatory),
            _ => None,
        }
    }
}

/// `mfa` of the sign-in experience.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaSettings {
    pub factors: Vec<MfaFactor>,
    pub policy: MfaPolicy,
    /// Absent means `NoPrompt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub organization_required_mfa_policy: Option<OrganizationRequiredMfaPolicy>,
}

impl MfaSettings {
    /// Logto's checks, in its order; then what Tessera does not carry out.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut seen = Vec::with_capacity(self.factors.len());
        for f in &self.factors {
            if seen.contains(f) {
                return Err(DomainError::refused(
                    400,
                    "sign_in_experiences.duplicated_mfa_factors",
                    "Duplicated MFA factors.",
                ));
            }
            seen.push(*f);
        }
        if self.factors == [MfaFactor::BackupCode] {
            return Err(DomainError::refused(
                400,
                "sign_in_experiences.backup_code_cannot_be_enabled_alone",
                "Backup code can not be enabled alone.",
            ));
        }
        if matches!(
            self.policy,
            MfaPolicy::PromptAtSignInAndSignUpMandatory | MfaPolicy::PromptOnlyAtSignInMandatory
        ) {
            // Adaptive MFA is never on here, so these policies are always refused (as Logto
            // with adaptive MFA off).
            return Err(DomainError::refused(
                422,
                "sign_in_experiences.non_adaptive_mfa_requires_skippable_policy",
                "This MFA policy requires adaptive MFA to be enabled.",
            ));
        }
        if let Some(f) = self
            .factors
            .iter()
            .find(|f| !MfaFactor::SUPPORTED.contains(f))
        {
            return Err(not_supported(&format!(
                "The MFA factor {} is not supported.",
                f.as_str()
            )));
        }
        Ok(())
    }

    /// [`MfaSettings::check`], and passkeys only where the public URL allows them.
    pub fn check_here(&self, passkeys_available: bool) -> Result<(), DomainError> {
        self.check()?;
        if self.enables(MfaFactor::WebAuthn) && !passkeys_available {
            return Err(not_supported(
                "Passkeys need a public URL with a domain name (server.public_url); browsers refuse them for IP addresses.",
            ));
        }
        Ok(())
    }

    pub fn org_required_prompts(&self) -> bool {
        self.organization_required_mfa_policy == Some(OrganizationRequiredMfaPolicy::Mandatory)
    }

    pub fn enables(&self, factor: MfaFactor) -> bool {
        self.factors.contains(&factor)
    }
}

pub fn not_supported(message: &str) -> DomainError {
    DomainError::refused(422, "request.feature_not_supported", message)
}

/// The tenant's settings; unreadable stored JSON falls back to Logto's seed (the settings are
/// only ever written checked, so that means a hand edit).
pub async fn load(store: &Store, tenant: &str) -> Result<MfaSettings, DomainError> {
    let raw = store.sign_in_mfa(tenant).await?;
    Ok(serde_json::from_str(&raw).unwrap_or_else(|e| {
        tracing::error!(error = %e, "stored MFA settings unreadable");
        MfaSettings {
            factors: Vec::new(),
            policy: MfaPolicy::UserControlled,
            organization_required_mfa_policy: None,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::DEFAULT_MFA_SETTINGS;

    fn settings(factors: &[MfaFactor], policy: MfaPolicy) -> MfaSettings {
        MfaSettings {
            factors: factors.to_vec(),
            policy,
            organization_required_mfa_policy: None,
        }
    }

    fn code(r: Result<(), DomainError>) -> &'static str {
        match r {
            Err(DomainError::Refused { code, .. }) => code,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn checks_in_logto_order() {
        use MfaFactor::*;
        let ok = settings(&[Totp, BackupCode], MfaPolicy::Mandatory);
        assert!(ok.check().is_ok());
        assert_eq!(
            code(settings(&[Totp, Totp], MfaPolicy::NoPrompt).check()),
            "sign_in_experiences.duplicated_mfa_factors"
        );
        assert_eq!(
            code(settings(&[BackupCode], MfaPolicy::NoPrompt).check()),
            "sign_in_experiences.backup_code_cannot_be_enabled_alone"
        );
        assert_eq!(
            code(settings(&[Totp], MfaPolicy::PromptOnlyAtSignInMandatory).check()),
            "sign_in_experiences.non_adaptive_mfa_requires_skippable_policy"
        );
        assert_eq!(
            code(settings(&[Totp, EmailVerificationCode], MfaPolicy::NoPrompt).check()),
            "request.feature_not_supported"
        );
    }

    #[test]
    fn seed_reads_back_as_logto_writes_it() {
        let seed: MfaSettings = serde_json::from_str(DEFAULT_MFA_SETTINGS).unwrap();
        assert_eq!(seed, settings(&[], MfaPolicy::UserControlled));
        assert_eq!(serde_json::to_string(&seed).unwrap(), DEFAULT_MFA_SETTINGS);
        assert!(MfaPolicy::UserControlled.is_skippable());
        assert!(!MfaPolicy::Mandatory.is_skippable());
        assert_eq!(MfaFactor::parse("BackupCode"), Some(MfaFactor::BackupCode));
        assert_eq!(MfaPolicy::parse("NoPrompt"), Some(MfaPolicy::NoPrompt));
    }
}
