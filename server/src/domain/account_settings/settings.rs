//! The settings' types as stored and answered, and what the hosted pages offer because of them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::DomainError;
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
