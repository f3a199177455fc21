//! How accounts are created and how users sign in: Logto's `signUp`, `signIn` and
//! `forgotPasswordMethods` (`packages/schemas/src/foundations/jsonb-types/sign-in-experience.ts`),
//! checked as `packages/core/src/libraries/sign-in-experience/sign-up.ts`, `sign-in.ts` and the
//! route's forgot-password check do, and what the hosted pages offer because of them.
//!
//! There is no SMS transport: settings that need one are refused as Logto refuses them without
//! an SMS connector. Email codes need the mailer (any transport but `disabled`).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::DomainError;
use crate::storage::Store;

/// What a user is known by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Identifier {
    Username,
    Email,
    Phone,
}

impl Identifier {
    pub const NAMES: [&'static str; 3] = ["username", "email", "phone"];

    pub fn parse(name: &str) -> Option<Identifier> {
        match name {
            "username" => Some(Identifier::Username),
            "email" => Some(Identifier::Email),
            "phone" => Some(Identifier::Phone),
            _ => None,
        }
    }

    /// What a sign-in form's identifier field holds: an email address has an `@`, a phone
    /// number only digits (and a leading `+`), anything else is a username.
    pub fn of_text(text: &str) -> Identifier {
        let digits = text.strip_prefix('+').unwrap_or(text);
        if text.contains('@') {
            Identifier::Email
        } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            Identifier::Phone
        } else {
            Identifier::Username
        }
    }
}

/// An identifier required beside the primary one at sign-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum SignUpIdentifier {
    Username,
    Email,
    Phone,
    EmailOrPhone,
}

impl SignUpIdentifier {
    pub const NAMES: [&'static str; 4] = ["username", "email", "phone", "emailOrPhone"];

    pub fn parse(name: &str) -> Option<SignUpIdentifier> {
        match name {
            "username" => Some(SignUpIdentifier::Username),
            "email" => Some(SignUpIdentifier::Email),
            "phone" => Some(SignUpIdentifier::Phone),
            "emailOrPhone" => Some(SignUpIdentifier::EmailOrPhone),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecondaryIdentifier {
    pub identifier: SignUpIdentifier,
    /// For email and phone: the address must be verified with a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub verify: Option<bool>,
}

/// `signUp`: what a new account must give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignUp {
    /// The primary identifiers (one of them is asked for).
    pub identifiers: Vec<Identifier>,
    /// Whether a password is set at sign-up.
    pub password: bool,
    /// Whether a primary email or phone is verified with a code.
    pub verify: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_identifiers: Vec<SecondaryIdentifier>,
}

/// One way to sign in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignInMethod {
    pub identifier: Identifier,
    pub password: bool,
    pub verification_code: bool,
    pub is_password_primary: bool,
}

/// `signIn`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SignIn {
    pub methods: Vec<SignInMethod>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ForgotPasswordMethod {
    EmailVerificationCode,
    PhoneVerificationCode,
}

impl ForgotPasswordMethod {
    pub const NAMES: [&'static str; 2] = ["EmailVerificationCode", "PhoneVerificationCode"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "EmailVerificationCode" => Some(Self::EmailVerificationCode),
            "PhoneVerificationCode" => Some(Self::PhoneVerificationCode),
            _ => None,
        }
    }
}

/// The three settings together, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountSettings {
    pub sign_up: SignUp,
    pub sign_in: SignIn,
    /// `None` is Logto's legacy value: whatever can be sent.
    pub forgot_password_methods: Option<Vec<ForgotPasswordMethod>>,
}

fn refused(code: &'static str, message: &str) -> DomainError {
    DomainError::refused(400, code, message)
}

fn no_connector(kind: &str) -> DomainError {
    refused(
        "sign_in_experiences.enabled_connector_not_found",
        &format!("Enabled {kind} connector not found."),
    )
}

/// `validateSignUp`: a primary identifier when there are secondary ones, no repeats, codes for
/// email and phone, and a way to send them.
pub fn check_sign_up(sign_up: &SignUp, mail: bool) -> Result<(), DomainError> {
    let secondary: Vec<SignUpIdentifier> = sign_up
        .secondary_identifiers
        .iter()
        .map(|s| s.identifier)
        .collect();
    if !secondary.is_empty() && sign_up.identifiers.is_empty() {
        return Err(refused(
            "sign_in_experiences.missing_sign_up_identifiers",
            "Primary sign-up identifier cannot be empty.",
        ));
    }
    let duplicated = || {
        refused(
            "sign_in_experiences.duplicated_sign_up_identifiers",
            "Duplicate sign-up identifiers detected.",
        )
    };
    let primary = &sign_up.identifiers;
    if has_repeats(primary) || has_repeats(&secondary) {
        return Err(duplicated());
    }
    for s in &secondary {
        let clash = match s {
            SignUpIdentifier::EmailOrPhone => {
                primary.contains(&Identifier::Email) || primary.contains(&Identifier::Phone)
            }
            SignUpIdentifier::Username => primary.contains(&Identifier::Username),
            SignUpIdentifier::Email => primary.contains(&Identifier::Email),
            SignUpIdentifier::Phone => primary.contains(&Identifier::Phone),
        };
        if clash {
            return Err(duplicated());
        }
    }
    let needs_verify = || {
        refused(
            "sign_in_experiences.passwordless_requires_verify",
            "Must enable verify for email/phone sign up identifier.",
        )
    };
    let passwordless = primary.iter().any(|i| *i != Identifier::Username)
        || secondary.iter().any(|i| *i != SignUpIdentifier::Username);
    if passwordless && !sign_up.verify {
        return Err(needs_verify());
    }
    if sign_up
        .secondary_identifiers
        .iter()
        .any(|s| s.identifier != SignUpIdentifier::Username && s.verify != Some(true))
    {
        return Err(needs_verify());
    }
    let wants = |i: Identifier, s: SignUpIdentifier| {
        primary.contains(&i)
            || secondary.contains(&s)
            || secondary.contains(&SignUpIdentifier::EmailOrPhone)
    };
    if wants(Identifier::Email, SignUpIdentifier::Email) && !mail {
        return Err(no_connector("Email"));
    }
    if wants(Identifier::Phone, SignUpIdentifier::Phone) {
        return Err(no_connector("Sms"));
    }
    Ok(())
}

fn has_repeats<T: PartialEq>(items: &[T]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, a)| items[..i].contains(a))
}

/// `validateSignIn`: codes need a way to send them, every method has a factor, and a sign-up
/// without a password needs code sign-in for email and phone.
pub fn check_sign_in(sign_in: &SignIn, sign_up: &SignUp, mail: bool) -> Result<(), DomainError> {
    let coded = |i: Identifier| {
        sign_in
            .methods
            .iter()
            .any(|m| m.verification_code && m.identifier == i)
    };
    if coded(Identifier::Email) && !mail {
        return Err(no_connector("Email"));
    }
    if coded(Identifier::Phone) {
        return Err(no_connector("Sms"));
    }
    if !sign_in
        .methods
        .iter()
        .all(|m| m.password || m.verification_code)
    {
        return Err(refused(
            "sign_in_experiences.at_least_one_authentication_factor",
            "You have to select at least one authentication factor.",
        ));
    }
    if sign_up.verify
        && !sign_up.password
        && !sign_in
            .methods
            .iter()
            .all(|m| m.verification_code || m.identifier == Identifier::Username)
    {
        return Err(refused(
            "sign_in_experiences.code_sign_in_must_be_enabled",
            "Verification code sign in must be enabled when set a password is not required in sign up.",
        ));
    }
    Ok(())
}

/// Each forgot-password method needs its way to send codes.
pub fn check_forgot_password(
    methods: &[ForgotPasswordMethod],
    mail: bool,
) -> Result<(), DomainError> {
    for m in methods {
        let kind = match m {
            ForgotPasswordMethod::EmailVerificationCode if !mail => "email",
            ForgotPasswordMethod::PhoneVerificationCode => "sms",
            ForgotPasswordMethod::EmailVerificationCode => continue,
        };
        return Err(refused(
            "sign_in_experiences.forgot_password_method_requires_connector",
            &format!(
                "Forgot password method requires a corresponding {kind} connector to be configured."
            ),
        ));
    }
    Ok(())
}

/// The registration form the settings ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignUpForm {
    pub username: bool,
    /// `Some(verify)` when an email address is asked for.
    pub email: Option<bool>,
    pub password: bool,
}

impl SignUpForm {
    /// Whether the form asks for anything at all (no identifier: social sign-up only).
    pub fn possible(&self) -> bool {
        self.username || self.email.is_some()
    }
}

impl AccountSettings {
    pub async fn load(store: &Store, tenant: &str) -> Result<AccountSettings, DomainError> {
        let (sign_up, sign_in, forgot) = store.account_settings(tenant).await?;
        let read = |what: &str, e: serde_json::Error| {
            DomainError::Internal(format!("stored {what} unreadable: {e}"))
        };
        Ok(AccountSettings {
            sign_up: serde_json::from_str(&sign_up).map_err(|e| read("signUp", e))?,
            sign_in: serde_json::from_str(&sign_in).map_err(|e| read("signIn", e))?,
            forgot_password_methods: match forgot {
                Some(f) => {
                    serde_json::from_str(&f).map_err(|e| read("forgotPasswordMethods", e))?
                }
                None => None,
            },
        })
    }

    pub fn sign_up_form(&self) -> SignUpForm {
        let s = &self.sign_up;
        let secondary = |i: SignUpIdentifier| {
            s.secondary_identifiers
                .iter()
                .find(|x| x.identifier == i)
                .map(|x| x.verify == Some(true))
        };
        let email = if s.identifiers.contains(&Identifier::Email) {
            Some(s.verify)
        } else {
            secondary(SignUpIdentifier::Email).or(secondary(SignUpIdentifier::EmailOrPhone))
        };
        SignUpForm {
            username: s.identifiers.contains(&Identifier::Username)
                || secondary(SignUpIdentifier::Username).is_some(),
            email,
            password: s.password,
        }
    }

    /// Whether `identifier` may sign in with a password.
    pub fn password_sign_in(&self, identifier: Identifier) -> bool {
        self.sign_in
            .methods
            .iter()
            .any(|m| m.identifier == identifier && m.password)
    }

    /// The identifiers that sign in with a password, in the settings' order.
    pub fn password_identifiers(&self) -> Vec<Identifier> {
        let mut out = Vec::new();
        for m in self.sign_in.methods.iter().filter(|m| m.password) {
            if !out.contains(&m.identifier) {
                out.push(m.identifier);
            }
        }
        out
    }

    /// Whether an emailed code signs in (and mail can be sent).
    pub fn email_code_sign_in(&self, mail: bool) -> bool {
        mail && self
            .sign_in
            .methods
            .iter()
            .any(|m| m.identifier == Identifier::Email && m.verification_code)
    }

    /// Whether a forgotten password is reset through an emailed code (Logto's
    /// `getForgotPasswordAvailability`).
    pub fn email_password_reset(&self, mail: bool) -> bool {
        mail && self
            .forgot_password_methods
            .as_ref()
            .is_none_or(|m| m.contains(&ForgotPasswordMethod::EmailVerificationCode))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(identifiers: &[Identifier], password: bool, verify: bool) -> SignUp {
        SignUp {
            identifiers: identifiers.to_vec(),
            password,
            verify,
            secondary_identifiers: vec![],
        }
    }

    fn method(identifier: Identifier, password: bool, code: bool) -> SignInMethod {
        SignInMethod {
            identifier,
            password,
            verification_code: code,
            is_password_primary: true,
        }
    }

    fn code_of(r: Result<(), DomainError>) -> String {
        match r {
            Err(DomainError::Refused { code, .. }) => code.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn sign_up_rules_in_logtos_order() {
        use Identifier::*;
        assert!(check_sign_up(&up(&[Username], true, false), false).is_ok());
        assert!(check_sign_up(&up(&[], false, false), false).is_ok());
        let mut s = up(&[], true, false);
        s.secondary_identifiers.push(SecondaryIdentifier {
            identifier: SignUpIdentifier::Username,
            verify: None,
        });
        assert_eq!(
            code_of(check_sign_up(&s, true)),
            "sign_in_experiences.missing_sign_up_identifiers"
        );
        assert_eq!(
            code_of(check_sign_up(&up(&[Email, Email], true, true), true)),
            "sign_in_experiences.duplicated_sign_up_identifiers"
        );
        let mut s = up(&[Email], true, true);
        s.secondary_identifiers.push(SecondaryIdentifier {
            identifier: SignUpIdentifier::EmailOrPhone,
            verify: Some(true),
        });
        assert_eq!(
            code_of(check_sign_up(&s, true)),
            "sign_in_experiences.duplicated_sign_up_identifiers"
        );
        assert_eq!(
            code_of(check_sign_up(&up(&[Email], true, false), true)),
            "sign_in_experiences.passwordless_requires_verify"
        );
        let mut s = up(&[Username], true, false);
        s.secondary_identifiers.push(SecondaryIdentifier {
            identifier: SignUpIdentifier::Email,
            verify: Some(true),
        });
        // A secondary email makes the sign-up passwordless-capable: `verify` must be on too.
        assert_eq!(
            code_of(check_sign_up(&s, true)),
            "sign_in_experiences.passwordless_requires_verify"
        );
        s.verify = true;
        assert!(check_sign_up(&s, true).is_ok());
        assert_eq!(
            code_of(check_sign_up(&s, false)),
            "sign_in_experiences.enabled_connector_not_found"
        );
        assert_eq!(
            code_of(check_sign_up(&up(&[Phone], true, true), true)),
            "sign_in_experiences.enabled_connector_not_found"
        );
    }

    #[test]
    fn sign_in_rules() {
        use Identifier::*;
        let password_up = up(&[Username], true, false);
        let sign_in = |m: Vec<SignInMethod>| SignIn { methods: m };
        assert!(
            check_sign_in(
                &sign_in(vec![method(Email, false, true)]),
                &password_up,
                true
            )
            .is_ok()
        );
        assert_eq!(
            code_of(check_sign_in(
                &sign_in(vec![method(Email, false, true)]),
                &password_up,
                false
            )),
            "sign_in_experiences.enabled_connector_not_found"
        );
        assert_eq!(
            code_of(check_sign_in(
                &sign_in(vec![method(Username, false, false)]),
                &password_up,
                true
            )),
            "sign_in_experiences.at_least_one_authentication_factor"
        );
        let codes_up = up(&[Email], false, true);
        assert_eq!(
            code_of(check_sign_in(
                &sign_in(vec![method(Email, true, false)]),
                &codes_up,
                true
            )),
            "sign_in_experiences.code_sign_in_must_be_enabled"
        );
        assert!(
            check_sign_in(
                &sign_in(vec![
                    method(Email, true, true),
                    method(Username, true, false)
                ]),
                &codes_up,
                true
            )
            .is_ok()
        );
    }

    #[test]
    fn forgot_password_needs_a_transport() {
        use ForgotPasswordMethod::*;
        assert!(check_forgot_password(&[EmailVerificationCode], true).is_ok());
        assert!(check_forgot_password(&[], false).is_ok());
        assert_eq!(
            code_of(check_forgot_password(&[EmailVerificationCode], false)),
            "sign_in_experiences.forgot_password_method_requires_connector"
        );
        assert_eq!(
            code_of(check_forgot_password(&[PhoneVerificationCode], true)),
            "sign_in_experiences.forgot_password_method_requires_connector"
        );
    }

    #[test]
    fn forms_follow_the_settings() {
        use Identifier::*;
        let settings = |sign_up: SignUp| AccountSettings {
            sign_up,
            sign_in: SignIn {
                methods: vec![method(Email, false, true)],
            },
            forgot_password_methods: None,
        };
        let s = settings(up(&[Username], true, false));
        assert_eq!(
            s.sign_up_form(),
            SignUpForm {
                username: true,
                email: None,
                password: true
            }
        );
        let s = settings(up(&[Email], false, true));
        assert_eq!(
            s.sign_up_form(),
            SignUpForm {
                username: false,
                email: Some(true),
                password: false
            }
        );
        assert!(s.email_code_sign_in(true) && !s.email_code_sign_in(false));
        assert!(s.email_password_reset(true) && !s.email_password_reset(false));
        assert!(!settings(up(&[], false, false)).sign_up_form().possible());
        assert_eq!(Identifier::of_text("a@b.c"), Email);
        assert_eq!(Identifier::of_text("+4915"), Phone);
        assert_eq!(Identifier::of_text("pat"), Username);
    }
}
