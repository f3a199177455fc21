//! The rules between sign-up, sign-in and forgot-password settings, as Logto's
//! `packages/core/src/libraries/sign-in-experience/sign-up.ts`, `sign-in.ts` and the route's
//! forgot-password check apply them, with their codes.

use super::settings::{ForgotPasswordMethod, Identifier, SignIn, SignUp, SignUpIdentifier};
use crate::domain::DomainError;

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

#[cfg(test)]
mod tests {
    use super::super::settings::{SecondaryIdentifier, SignInMethod};
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
}
