//! How `PATCH /api/sign-in-exp`'s body is read: Logto's shapes (zod's messages on bad input);
//! the rules between settings are the domain's (`account_settings.rs`, `mfa_settings.rs`).

use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::domain::DomainError;
use crate::domain::account_settings::{
    ForgotPasswordMethod, Identifier, SecondaryIdentifier, SignIn, SignInMethod, SignUp,
    SignUpIdentifier,
};
use crate::domain::mfa_settings::{
    MfaFactor, MfaPolicy, MfaSettings, OrganizationRequiredMfaPolicy,
};
use crate::management_api::bodies::FromBody;
use crate::management_api::bodies::guard::{self, Guard};

/// Whether the hosted pages offer sign-in, registration, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
pub enum SignInMode {
    SignIn,
    Register,
    SignInAndRegister,
}

impl SignInMode {
    const NAMES: [&'static str; 3] = ["SignIn", "Register", "SignInAndRegister"];

    pub fn as_str(self) -> &'static str {
        match self {
            SignInMode::SignIn => "SignIn",
            SignInMode::Register => "Register",
            SignInMode::SignInAndRegister => "SignInAndRegister",
        }
    }

    fn parse(name: &str) -> Option<SignInMode> {
        [
            SignInMode::SignIn,
            SignInMode::Register,
            SignInMode::SignInAndRegister,
        ]
        .into_iter()
        .find(|m| m.as_str() == name)
    }
}

/// `PATCH /api/sign-in-exp`: the parts of the sign-in experience Tessera implements; an empty
/// body changes nothing.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignInExperiencePatch {
    #[schema(nullable = false)]
    pub sign_in_mode: Option<SignInMode>,
    /// Replaces `signUp` whole.
    #[schema(nullable = false)]
    pub sign_up: Option<SignUp>,
    /// Replaces `signIn` whole.
    #[schema(nullable = false)]
    pub sign_in: Option<SignIn>,
    /// `null` is Logto's legacy value (every method whose messages can be sent).
    #[schema(value_type = Option<Vec<ForgotPasswordMethod>>, nullable)]
    pub forgot_password_methods: Option<Option<Vec<ForgotPasswordMethod>>>,
    /// Replaces the MFA settings whole.
    #[schema(nullable = false)]
    pub mfa: Option<MfaSettings>,
    /// `adaptiveMfa.enabled`: only `false` is accepted (adaptive MFA is not offered).
    #[schema(nullable = false)]
    pub adaptive_mfa_enabled: Option<bool>,
}

impl FromBody for SignInExperiencePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let mode = g.optional_enum("signInMode", &SignInMode::NAMES);
        let sign_up = g.optional_object("signUp").map(|m| read_sign_up(&mut g, m));
        let sign_in = g.optional_object("signIn").map(|m| read_sign_in(&mut g, m));
        let forgot = match g.optional_value("forgotPasswordMethods") {
            None => None,
            Some(Value::Null) => Some(Some(None)),
            Some(v) => Some(
                g.enum_list_at(
                    "forgotPasswordMethods",
                    Some(v),
                    &ForgotPasswordMethod::NAMES,
                )
                .map(|names| {
                    Some(
                        names
                            .iter()
                            .filter_map(|n| ForgotPasswordMethod::parse(n))
                            .collect(),
                    )
                }),
            ),
        };
        let mfa = g.optional_object("mfa").map(|m| {
            let factors = g.enum_list_at("mfa.factors", m.get("factors"), &MfaFactor::NAMES);
            let policy = g.enum_at("mfa.policy", m.get("policy"), &MfaPolicy::NAMES);
            let org = m.get("organizationRequiredMfaPolicy").map(|v| {
                g.enum_at(
                    "mfa.organizationRequiredMfaPolicy",
                    Some(v),
                    &OrganizationRequiredMfaPolicy::NAMES,
                )
            });
            (factors, policy, org)
        });
        let adaptive = g.optional_object("adaptiveMfa").and_then(|m| {
            let enabled = m.get("enabled")?;
            match enabled.as_bool() {
                Some(b) => Some(b),
                None => {
                    g.issue(
                        "adaptiveMfa.enabled",
                        "invalid_type",
                        format!("Expected boolean, received {}", guard::kind(enabled)),
                    );
                    None
                }
            }
        });
        g.finish()?;
        // `finish` succeeded: every name read is one of its enum's.
        let mfa = mfa.map(|(factors, policy, org)| MfaSettings {
            factors: factors
                .unwrap_or_default()
                .iter()
                .filter_map(|f| MfaFactor::parse(f))
                .collect(),
            policy: policy
                .as_deref()
                .and_then(MfaPolicy::parse)
                .unwrap_or(MfaPolicy::UserControlled),
            organization_required_mfa_policy: org
                .flatten()
                .as_deref()
                .and_then(OrganizationRequiredMfaPolicy::parse),
        });
        Ok(SignInExperiencePatch {
            sign_in_mode: mode.as_deref().and_then(SignInMode::parse),
            // `finish` succeeded: every part read is whole.
            sign_up: sign_up.flatten(),
            sign_in: sign_in.flatten(),
            forgot_password_methods: forgot.flatten(),
            mfa,
            adaptive_mfa_enabled: adaptive,
        })
    }
}

fn identifiers(g: &mut Guard<'_>, path: &str, value: Option<&Value>) -> Option<Vec<Identifier>> {
    let names = g.enum_list_at(path, value, &Identifier::NAMES)?;
    Some(names.iter().filter_map(|n| Identifier::parse(n)).collect())
}

/// `signUp`: `{identifiers, password, verify, secondaryIdentifiers?}`.
fn read_sign_up(g: &mut Guard<'_>, m: &Map<String, Value>) -> Option<SignUp> {
    let ids = identifiers(g, "signUp.identifiers", m.get("identifiers"));
    let password = g.bool_at("signUp.password", m.get("password"), true);
    let verify = g.bool_at("signUp.verify", m.get("verify"), true);
    let mut secondary = Some(Vec::new());
    if let Some(value) = m.get("secondaryIdentifiers") {
        let items = g.array_at("signUp.secondaryIdentifiers", Some(value))?;
        for (i, item) in items.iter().enumerate() {
            let path = format!("signUp.secondaryIdentifiers.{i}");
            let Some(o) = g.object_at(&path, item) else {
                secondary = None;
                continue;
            };
            let identifier = g.enum_at(
                &format!("{path}.identifier"),
                o.get("identifier"),
                &SignUpIdentifier::NAMES,
            );
            let verify = g.bool_at(&format!("{path}.verify"), o.get("verify"), false);
            match (
                identifier.as_deref().and_then(SignUpIdentifier::parse),
                &mut secondary,
            ) {
                (Some(identifier), Some(list)) => {
                    list.push(SecondaryIdentifier { identifier, verify })
                }
                _ => secondary = None,
            }
        }
    }
    Some(SignUp {
        identifiers: ids?,
        password: password?,
        verify: verify?,
        secondary_identifiers: secondary?,
    })
}

/// `signIn`: `{methods: [{identifier, password, verificationCode, isPasswordPrimary}]}`.
fn read_sign_in(g: &mut Guard<'_>, m: &Map<String, Value>) -> Option<SignIn> {
    let items = g.array_at("signIn.methods", m.get("methods"))?;
    let mut methods = Some(Vec::with_capacity(items.len()));
    for (i, item) in items.iter().enumerate() {
        let path = format!("signIn.methods.{i}");
        let Some(o) = g.object_at(&path, item) else {
            methods = None;
            continue;
        };
        let identifier = g.enum_at(
            &format!("{path}.identifier"),
            o.get("identifier"),
            &Identifier::NAMES,
        );
        let mut flag = |key: &str| g.bool_at(&format!("{path}.{key}"), o.get(key), true);
        let (password, code, primary) = (
            flag("password"),
            flag("verificationCode"),
            flag("isPasswordPrimary"),
        );
        match (
            identifier.as_deref().and_then(Identifier::parse),
            password,
            code,
            primary,
        ) {
            (
                Some(identifier),
                Some(password),
                Some(verification_code),
                Some(is_password_primary),
            ) => {
                if let Some(list) = &mut methods {
                    list.push(SignInMethod {
                        identifier,
                        password,
                        verification_code,
                        is_password_primary,
                    });
                }
            }
            _ => methods = None,
        }
    }
    methods.map(|methods| SignIn { methods })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn sign_in_mode_is_one_of_three() {
        let patch = SignInExperiencePatch::from_body(&json!({})).unwrap();
        assert!(patch.sign_in_mode.is_none());
        let patch = SignInExperiencePatch::from_body(&json!({ "signInMode": "Register" }));
        assert_eq!(patch.unwrap().sign_in_mode, Some(SignInMode::Register));
        assert!(SignInExperiencePatch::from_body(&json!({ "signInMode": "Both" })).is_err());
    }
}
