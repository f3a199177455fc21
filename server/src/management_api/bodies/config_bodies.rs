//! Tenant settings without a domain service of their own: the sign-in experience, the ID token
//! claims and the rotation of signing keys. Each command is read here and used by its handler
//! (`sign_in_exp.rs`, `id_token_config.rs`, `keys.rs`).

use serde_json::Value;
use utoipa::ToSchema;

use super::body::FromBody;
use crate::domain::DomainError;
use crate::domain::guard::Guard;

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
}

impl FromBody for SignInExperiencePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let mode = g.optional_enum("signInMode", &SignInMode::NAMES);
        g.finish()?;
        Ok(SignInExperiencePatch {
            sign_in_mode: mode.as_deref().and_then(SignInMode::parse),
        })
    }
}

/// An extended claim ID tokens may carry (as Logto's
/// `packages/core/src/routes/logto-config/id-token.ts` lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExtendedClaim {
    CustomData,
    Identities,
    SsoIdentities,
    Roles,
    Organizations,
    OrganizationData,
    OrganizationRoles,
}

impl ExtendedClaim {
    const ALL: [ExtendedClaim; 7] = [
        ExtendedClaim::CustomData,
        ExtendedClaim::Identities,
        ExtendedClaim::SsoIdentities,
        ExtendedClaim::Roles,
        ExtendedClaim::Organizations,
        ExtendedClaim::OrganizationData,
        ExtendedClaim::OrganizationRoles,
    ];

    /// The claim's name in ID tokens and in the stored config.
    pub fn as_str(self) -> &'static str {
        match self {
            ExtendedClaim::CustomData => "custom_data",
            ExtendedClaim::Identities => "identities",
            ExtendedClaim::SsoIdentities => "sso_identities",
            ExtendedClaim::Roles => "roles",
            ExtendedClaim::Organizations => "organizations",
            ExtendedClaim::OrganizationData => "organization_data",
            ExtendedClaim::OrganizationRoles => "organization_roles",
        }
    }

    fn parse(name: &str) -> Option<ExtendedClaim> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// `PUT /api/configs/id-token`: which extended claims ID tokens carry (userinfo always carries
/// every claim of the granted scopes). An empty list turns them all off.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdTokenConfigReplace {
    pub enabled_extended_claims: Vec<ExtendedClaim>,
}

impl FromBody for IdTokenConfigReplace {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let names = g.id_list("enabledExtendedClaims", true, false);
        let mut claims = Vec::new();
        // Only the first unknown claim is reported.
        for name in names.iter().flatten() {
            match ExtendedClaim::parse(name) {
                Some(claim) => claims.push(claim),
                None => {
                    g.issue(
                        "enabledExtendedClaims",
                        "invalid_enum_value",
                        format!("Invalid enum value '{name}'"),
                    );
                    break;
                }
            }
        }
        g.finish()?;
        Ok(IdTokenConfigReplace {
            enabled_extended_claims: claims,
        })
    }
}

/// The type of a signing key: elliptic curve (the configured EC algorithm, ES256 by default)
/// or RSA (RS256, 2048 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
pub enum SigningKeyType {
    #[schema(rename = "EC")]
    Ec,
    #[schema(rename = "RSA")]
    Rsa,
}

impl SigningKeyType {
    /// Logto's name for it, which `oidc::keys::Alg::of_key_type` reads.
    pub fn as_str(self) -> &'static str {
        match self {
            SigningKeyType::Ec => "EC",
            SigningKeyType::Rsa => "RSA",
        }
    }
}

/// The longest grace period a rotation may ask for: a year, in seconds.
const GRACE_MAX_SECS: u64 = 365 * 24 * 3600;

/// `POST /api/configs/oidc/private-keys/rotate`: every key is optional.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OidcKeysRotate {
    /// The new key's type; the configured algorithm's when absent.
    pub signing_key_algorithm: Option<SigningKeyType>,
    /// Seconds until the new key signs (it is published at once); the configured activation
    /// delay when absent.
    #[schema(minimum = 0, maximum = 31536000)]
    pub rotation_grace_period: Option<u64>,
}

impl FromBody for OidcKeysRotate {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let key_type = g.optional_enum("signingKeyAlgorithm", &["EC", "RSA"]);
        let grace = match g.optional_value("rotationGracePeriod") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_u64() {
                Some(secs) if secs <= GRACE_MAX_SECS => Some(secs),
                _ => {
                    g.issue(
                        "rotationGracePeriod",
                        "invalid_type",
                        "Expected a whole number of seconds from 0 to a year",
                    );
                    None
                }
            },
        };
        g.finish()?;
        Ok(OidcKeysRotate {
            signing_key_algorithm: key_type.map(|t| match t.as_str() {
                "RSA" => SigningKeyType::Rsa,
                _ => SigningKeyType::Ec,
            }),
            rotation_grace_period: grace,
        })
    }
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

    #[test]
    fn claims_are_required_and_known() {
        let Err(DomainError::Invalid(lines)) = IdTokenConfigReplace::from_body(&json!({})) else {
            panic!("invalid")
        };
        assert_eq!(
            lines,
            ["Error in key path \"enabledExtendedClaims\": (invalid_type) Required"]
        );
        let body = json!({ "enabledExtendedClaims": ["roles", "email", "phone"] });
        let Err(DomainError::Invalid(lines)) = IdTokenConfigReplace::from_body(&body) else {
            panic!("invalid")
        };
        assert_eq!(
            lines,
            [
                "Error in key path \"enabledExtendedClaims\": (invalid_enum_value) Invalid enum \
                 value 'email'"
            ]
        );
        let body = json!({ "enabledExtendedClaims": ["roles", "custom_data"] });
        let claims = IdTokenConfigReplace::from_body(&body)
            .unwrap()
            .enabled_extended_claims;
        assert_eq!(claims, [ExtendedClaim::Roles, ExtendedClaim::CustomData]);
    }

    #[test]
    fn rotation_takes_a_key_type_and_a_grace_period_of_at_most_a_year() {
        let rotate = OidcKeysRotate::from_body(&json!({ "rotationGracePeriod": null })).unwrap();
        assert!(rotate.signing_key_algorithm.is_none() && rotate.rotation_grace_period.is_none());
        let body = json!({ "signingKeyAlgorithm": "RSA", "rotationGracePeriod": 60 });
        let rotate = OidcKeysRotate::from_body(&body).unwrap();
        assert_eq!(rotate.signing_key_algorithm, Some(SigningKeyType::Rsa));
        assert_eq!(rotate.rotation_grace_period, Some(60));
        for bad in [
            json!(-1),
            json!(1.5),
            json!(GRACE_MAX_SECS + 1),
            json!("60"),
        ] {
            let body = json!({ "rotationGracePeriod": bad });
            assert!(OidcKeysRotate::from_body(&body).is_err(), "{body}");
        }
        let body = json!({ "signingKeyAlgorithm": "Ed25519" });
        assert!(OidcKeysRotate::from_body(&body).is_err());
    }
}
