//! What a sign-in must still do about MFA once the password is checked: the decision table of
//! Logto's `routes/experience/classes/experience-interaction.ts` (`guardMfaVerificationStatus`,
//! verification) and `routes/experience/classes/mfa.ts` (`assertMfaFulfilled`, binding), as one
//! pure function of what is known, so every row of the table is a unit test.
//!
//! Deviations (decisions.md, next-features.md §1.6): a user holding an enabled factor is always
//! asked for it (Logto lets `logto_config.mfa.enabled = false` skip it under a skippable
//! policy), and an enterprise-SSO sign-in still binds a factor when an organization requires it.

use super::mfa_settings::{MfaFactor, MfaPolicy, MfaSettings};

/// Sign-in or registration (Logto's `interactionEvent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    SignIn,
    Register,
}

/// Everything the decision reads.
#[derive(Clone, Debug)]
pub struct Facts<'a> {
    pub settings: &'a MfaSettings,
    pub event: Event,
    /// Signed in through enterprise SSO (no verification; binding only when an organization
    /// requires it).
    pub sso: bool,
    /// The factors the user holds, by kind (backup codes only while an unused one remains).
    pub held: &'a [MfaFactor],
    /// `logto_config.mfa.enabled` (absent for users from before the flag).
    pub enabled: Option<bool>,
    /// `logto_config.mfa.skipped`.
    pub skipped: bool,
    /// The name of an organization requiring MFA the user belongs to, if any.
    pub requiring_organization: Option<&'a str>,
    /// A factor was verified in this sign-in.
    pub verified: bool,
    /// A factor was bound in this sign-in (it proves possession: no verification after it).
    pub bound: bool,
}

/// The next step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Nothing more: the sign-in completes.
    Done,
    /// Verify one of these factors (`session.mfa.require_mfa_verification`), passkeys first,
    /// backup codes last.
    Verify(Vec<MfaFactor>),
    /// Suggest turning on 2-step verification (`user.suggest_mfa`): enable or skip.
    Suggest,
    /// Bind one of these factors (`user.missing_mfa`).
    Bind {
        factors: Vec<MfaFactor>,
        skippable: bool,
        /// The organization whose rule makes it mandatory.
        organization: Option<String>,
    },
    /// Save a set of backup codes (`session.mfa.backup_code_required`).
    BackupCodes,
}

impl Facts<'_> {
    fn holds(&self, f: MfaFactor) -> bool {
        self.held.contains(&f)
    }

    /// The organization rule applies (`organizationRequiredMfaPolicy = Mandatory` and a
    /// membership in an organization requiring MFA).
    fn org_required(&self) -> bool {
        self.settings.org_required_prompts() && self.requiring_organization.is_some()
    }
}

pub fn next(f: &Facts) -> Next {
    let s = f.settings;
    // §1.3: verification, sign-in only, never for SSO.
    if f.event == Event::SignIn && !f.sso && !f.verified && !f.bound {
        let mut usable: Vec<MfaFactor> = [MfaFactor::WebAuthn, MfaFactor::Totp]
            .into_iter()
            .filter(|k| s.enables(*k) && f.holds(*k))
            .collect();
        if s.enables(MfaFactor::BackupCode) && f.holds(MfaFactor::BackupCode) {
            usable.push(MfaFactor::BackupCode);
        }
        if !usable.is_empty() {
            return Next::Verify(usable);
        }
    }
    let bindable: Vec<MfaFactor> = s
        .factors
        .iter()
        .copied()
        .filter(|k| *k != MfaFactor::BackupCode)
        .collect();
    if bindable.is_empty() {
        return Next::Done;
    }
    let org_required = f.org_required();
    // SSO sign-ins bind only for an organization's rule (deviation: Logto never asks).
    if f.sso && !org_required {
        return Next::Done;
    }
    let skippable = s.policy.is_skippable();
    let register_exempt = f.event == Event::Register && s.policy.prompts_only_at_sign_in();
    let holds_bindable = bindable.iter().any(|k| f.holds(*k));
    // §1.4 step 1: the optional suggestion.
    if skippable
        && s.policy != MfaPolicy::NoPrompt
        && !register_exempt
        && !f.skipped
        && !org_required
        && f.enabled != Some(true)
        // Holding a factor counts as enabled (Logto back-fills legacy users so).
        && !holds_bindable
    {
        return Next::Suggest;
    }
    // §1.4 step 2: the mandatory check.
    let exempt = register_exempt
        || (s.policy == MfaPolicy::NoPrompt && !org_required)
        || (skippable && f.skipped && !org_required);
    if exempt {
        return Next::Done;
    }
    if !holds_bindable {
        return Next::Bind {
            factors: bindable,
            skippable: skippable && !org_required,
            organization: if org_required {
                f.requiring_organization.map(str::to_string)
            } else {
                None
            },
        };
    }
    if s.enables(MfaFactor::BackupCode) && !f.holds(MfaFactor::BackupCode) {
        return Next::BackupCodes;
    }
    Next::Done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mfa_settings::OrganizationRequiredMfaPolicy;
    use MfaFactor::*;

    fn settings(policy: MfaPolicy, org: bool) -> MfaSettings {
        MfaSettings {
            factors: vec![Totp, BackupCode],
            policy,
            organization_required_mfa_policy: org
                .then_some(OrganizationRequiredMfaPolicy::Mandatory),
        }
    }

    fn facts<'a>(s: &'a MfaSettings, held: &'a [MfaFactor], org: Option<&'a str>) -> Facts<'a> {
        Facts {
            settings: s,
            event: Event::SignIn,
            sso: false,
            held,
            enabled: Some(false),
            skipped: false,
            requiring_organization: org,
            verified: false,
            bound: false,
        }
    }

    fn bind(skippable: bool, organization: Option<&str>) -> Next {
        Next::Bind {
            factors: vec![Totp],
            skippable,
            organization: organization.map(str::to_string),
        }
    }

    #[test]
    fn no_prompt_passes_unless_an_organization_requires_it() {
        let s = settings(MfaPolicy::NoPrompt, true);
        assert_eq!(next(&facts(&s, &[], None)), Next::Done);
        assert_eq!(
            next(&facts(&s, &[], Some("Acme"))),
            bind(false, Some("Acme"))
        );
        // The rule prompts only with `organizationRequiredMfaPolicy = Mandatory`.
        let s = settings(MfaPolicy::NoPrompt, false);
        assert_eq!(next(&facts(&s, &[], Some("Acme"))), Next::Done);
    }

    #[test]
    fn skippable_policies_suggest_then_remember_the_skip() {
        for policy in [
            MfaPolicy::PromptAtSignInAndSignUp,
            MfaPolicy::UserControlled,
            MfaPolicy::PromptOnlyAtSignIn,
        ] {
            let s = settings(policy, true);
            assert_eq!(next(&facts(&s, &[], None)), Next::Suggest, "{policy:?}");
            let mut skipped = facts(&s, &[], None);
            skipped.skipped = true;
            assert_eq!(next(&skipped), Next::Done);
            // Enabled: asked to bind, and may still skip.
            let mut enabled = facts(&s, &[], None);
            enabled.enabled = Some(true);
            assert_eq!(next(&enabled), bind(true, None));
            // An organization's rule: no suggestion, no skipping (even after a skip).
            skipped.requiring_organization = Some("Acme");
            assert_eq!(next(&skipped), bind(false, Some("Acme")));
        }
    }

    #[test]
    fn prompt_only_at_sign_in_leaves_registration_alone() {
        let s = settings(MfaPolicy::PromptOnlyAtSignIn, false);
        let mut f = facts(&s, &[], None);
        f.event = Event::Register;
        assert_eq!(next(&f), Next::Done);
        let s = settings(MfaPolicy::PromptAtSignInAndSignUp, false);
        let mut f = facts(&s, &[], None);
        f.event = Event::Register;
        assert_eq!(next(&f), Next::Suggest);
    }

    #[test]
    fn mandatory_binds_without_skip_then_asks_for_backup_codes() {
        let s = settings(MfaPolicy::Mandatory, false);
        assert_eq!(next(&facts(&s, &[], None)), bind(false, None));
        let mut f = facts(&s, &[Totp], None);
        f.bound = true;
        assert_eq!(next(&f), Next::BackupCodes);
        let mut f = facts(&s, &[Totp, BackupCode], None);
        f.bound = true;
        assert_eq!(next(&f), Next::Done);
        // Registration too.
        let mut f = facts(&s, &[], None);
        f.event = Event::Register;
        assert_eq!(next(&f), bind(false, None));
    }

    #[test]
    fn holders_verify_with_enabled_factors_only() {
        let s = settings(MfaPolicy::NoPrompt, false);
        assert_eq!(
            next(&facts(&s, &[Totp, BackupCode], None)),
            Next::Verify(vec![Totp, BackupCode])
        );
        let mut f = facts(&s, &[Totp, BackupCode], None);
        f.verified = true;
        assert_eq!(next(&f), Next::Done);
        // A factor the tenant no longer enables is ignored.
        let only_passkeys = MfaSettings {
            factors: vec![WebAuthn],
            policy: MfaPolicy::NoPrompt,
            organization_required_mfa_policy: None,
        };
        assert_eq!(next(&facts(&only_passkeys, &[Totp], None)), Next::Done);
        // Passkeys first.
        let all = MfaSettings {
            factors: vec![Totp, WebAuthn, BackupCode],
            policy: MfaPolicy::NoPrompt,
            organization_required_mfa_policy: None,
        };
        assert_eq!(
            next(&facts(&all, &[Totp, WebAuthn], None)),
            Next::Verify(vec![WebAuthn, Totp])
        );
        // Registration never verifies.
        let mut f = facts(&s, &[Totp], None);
        f.event = Event::Register;
        assert_eq!(next(&f), Next::Done);
    }

    #[test]
    fn sso_skips_verification_but_binds_for_an_organization() {
        let s = settings(MfaPolicy::Mandatory, true);
        let mut f = facts(&s, &[Totp], None);
        f.sso = true;
        assert_eq!(next(&f), Next::Done);
        let mut f = facts(&s, &[], Some("Acme"));
        f.sso = true;
        assert_eq!(next(&f), bind(false, Some("Acme")));
        let mut f = facts(&s, &[], None);
        f.sso = true;
        assert_eq!(next(&f), Next::Done);
    }

    #[test]
    fn nothing_is_asked_without_factors_configured() {
        let s = MfaSettings {
            factors: vec![],
            policy: MfaPolicy::Mandatory,
            organization_required_mfa_policy: Some(OrganizationRequiredMfaPolicy::Mandatory),
        };
        assert_eq!(next(&facts(&s, &[], Some("Acme"))), Next::Done);
    }

    #[test]
    fn legacy_users_with_a_factor_are_not_prompted() {
        let s = settings(MfaPolicy::PromptAtSignInAndSignUp, false);
        let mut f = facts(&s, &[Totp], None);
        f.enabled = None;
        f.verified = true;
        assert_eq!(next(&f), Next::BackupCodes);
    }
}
