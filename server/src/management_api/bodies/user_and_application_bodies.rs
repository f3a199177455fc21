//! Users, their MFA factors and applications: how each body is read.

use app::model::APPLICATION_TYPES;
use serde_json::Value;

use super::body::FromBody;
use super::client_metadata_bodies::{read_custom, read_oidc};
use crate::domain::DomainError;
use crate::domain::application_commands::{
    ApplicationPatch, DESCRIPTION_MAX, NAME_MAX, NewApplication,
};
use crate::domain::guard::{Guard, Nullable};
use crate::domain::mfa::{MfaVerificationCreate, MfaVerificationType, SECRET_MAX, SECRET_MIN};
use crate::domain::users::{AVATAR_MAX, IDENTIFIERS, NewUser, PASSWORD_MAX, TEXT_MAX, UserPatch};

impl FromBody for NewUser {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let (fields, password) = read_user(body, true)?;
        Ok(NewUser {
            username: fields.username.flatten(),
            primary_email: fields.primary_email.flatten(),
            primary_phone: fields.primary_phone.flatten(),
            name: fields.name.flatten(),
            avatar: fields.avatar.flatten(),
            profile: fields.profile,
            custom_data: fields.custom_data,
            password,
        })
    }
}

impl FromBody for UserPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        Ok(read_user(body, false)?.0)
    }
}

/// The keys of both user bodies; only a new user's `password` is read.
fn read_user(body: &Value, creating: bool) -> Result<(UserPatch, Option<String>), DomainError> {
    let mut g = Guard::new(body);
    let [username, primary_email, primary_phone] =
        IDENTIFIERS.map(|(key, valid)| match g.nullable_string(key, TEXT_MAX) {
            Nullable::Value(s) if !valid(&s) => {
                g.issue(key, "invalid_string", "Invalid");
                None
            }
            other => other.into_patch(),
        });
    let name = g.nullable_string("name", TEXT_MAX).into_patch();
    let avatar = g.nullable_string("avatar", AVATAR_MAX).into_patch();
    let custom_data = g.optional_object("customData").cloned();
    let profile = g.optional_object("profile").cloned();
    let password = if creating {
        g.optional_string("password", 1, PASSWORD_MAX)
    } else {
        None
    };
    g.finish()?;
    let patch = UserPatch {
        username,
        primary_email,
        primary_phone,
        name,
        avatar,
        profile,
        custom_data,
    };
    Ok((patch, password))
}

impl FromBody for MfaVerificationCreate {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let kind = g.required_enum("type", &MfaVerificationType::NAMES);
        let secret = g.optional_string("secret", SECRET_MIN, SECRET_MAX);
        let codes = g.id_list("codes", false, true);
        g.finish()?;
        // `finish` succeeded, so `kind` is one of the names.
        let kind = if kind.as_deref() == Some("BackupCode") {
            MfaVerificationType::BackupCode
        } else {
            MfaVerificationType::Totp
        };
        Ok(MfaVerificationCreate {
            kind,
            secret,
            codes,
        })
    }
}

impl FromBody for NewApplication {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, NAME_MAX);
        let app_type = g.required_enum("type", &APPLICATION_TYPES);
        let description = match g.nullable_string("description", DESCRIPTION_MAX) {
            Nullable::Value(s) => Some(s),
            _ => None,
        };
        let is_third_party = g.optional_bool("isThirdParty");
        // An unknown type is already reported; its URIs are read as a web application's.
        let type_name = app_type.clone().unwrap_or_default();
        let oidc_client_metadata = g
            .optional_object("oidcClientMetadata")
            .map(|given| read_oidc(&mut g, "oidcClientMetadata", given, Some(&type_name)));
        let custom_client_metadata = g
            .optional_object("customClientMetadata")
            .map(|given| read_custom(&mut g, "customClientMetadata", given));
        let custom_data = g.optional_object("customData").cloned();
        g.finish()?;
        Ok(NewApplication {
            name: name.unwrap_or_default(),
            app_type: app_type.unwrap_or_default().parse()?,
            description,
            is_third_party,
            oidc_client_metadata,
            custom_client_metadata,
            custom_data,
        })
    }
}

impl FromBody for ApplicationPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.optional_string("name", 1, NAME_MAX);
        let description = g
            .nullable_string("description", DESCRIPTION_MAX)
            .into_patch();
        let oidc_client_metadata = g
            .optional_object("oidcClientMetadata")
            .map(|given| read_oidc(&mut g, "oidcClientMetadata", given, None));
        let custom_client_metadata = g
            .optional_object("customClientMetadata")
            .map(|given| read_custom(&mut g, "customClientMetadata", given));
        let custom_data = g.optional_object("customData").cloned();
        g.finish()?;
        Ok(ApplicationPatch {
            name,
            description,
            oidc_client_metadata,
            custom_client_metadata,
            custom_data,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::application_commands::ApplicationType;

    fn lines<T: std::fmt::Debug>(read: Result<T, DomainError>) -> Vec<String> {
        match read {
            Err(DomainError::Invalid(lines)) => lines,
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn user_bodies_keep_logtos_rules() {
        let user = NewUser::from_body(&json!({ "username": null, "password": "p" })).unwrap();
        assert!(user.username.is_none());
        assert_eq!(user.password.as_deref(), Some("p"));
        let bad = json!({ "username": "1a", "primaryEmail": "a@b", "password": "" });
        assert_eq!(
            lines(NewUser::from_body(&bad)),
            [
                "Error in key path \"username\": (invalid_string) Invalid",
                "Error in key path \"primaryEmail\": (invalid_string) Invalid",
                "Error in key path \"password\": (too_small) String must contain at least 1 \
                 character(s)",
            ]
        );
        let patch = UserPatch::from_body(&json!({ "name": null, "password": 1 })).unwrap();
        assert_eq!(patch.name, Some(None));
    }

    #[test]
    fn mfa_body_names_its_type() {
        let body = json!({ "type": "BackupCode", "codes": ["a"] });
        let input = MfaVerificationCreate::from_body(&body).unwrap();
        assert_eq!(input.kind, MfaVerificationType::BackupCode);
        assert_eq!(
            lines(MfaVerificationCreate::from_body(&json!({ "codes": [] }))).len(),
            2
        );
    }

    #[test]
    fn application_bodies_check_uris_and_settings() {
        let body = json!({ "name": "A", "type": "Native",
            "oidcClientMetadata": { "redirectUris": ["com.example.app:/cb"] },
            "customClientMetadata": { "idTokenTtl": 60, "junk": 1 } });
        let input = NewApplication::from_body(&body).unwrap();
        assert_eq!(input.app_type, ApplicationType::Native);
        let custom = input.custom_client_metadata.unwrap();
        assert_eq!(custom.id_token_ttl, Some(60));
        assert!(custom.other.is_empty());
        let bad = json!({ "name": "A", "type": "SPA",
            "oidcClientMetadata": { "redirectUris": ["com.example.app:/cb", 1] },
            "customClientMetadata": { "refreshTokenTtlInDays": 0, "corsAllowedOrigins": ["x"] } });
        let found = lines(NewApplication::from_body(&bad));
        let expected = [
            (
                "oidcClientMetadata.redirectUris.0",
                "(custom) A redirect URI must use http",
            ),
            (
                "oidcClientMetadata.redirectUris.1",
                "(invalid_type) Expected string",
            ),
            (
                "customClientMetadata.corsAllowedOrigins.0",
                "(custom) An origin is",
            ),
            (
                "customClientMetadata.refreshTokenTtlInDays",
                "(too_big) Number must be",
            ),
        ];
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for (line, (key, start)) in found.iter().zip(expected) {
            assert!(
                line.starts_with(&format!("Error in key path \"{key}\": {start}")),
                "{line}"
            );
        }
        // A patch leaves the scheme rule to the domain, which knows the stored type.
        let patch = json!({ "oidcClientMetadata": { "redirectUris": ["com.example.app:/cb"] } });
        assert!(ApplicationPatch::from_body(&patch).is_ok());
        let patch = json!({ "description": null, "oidcClientMetadata": { "redirectUris": ["x"] } });
        assert_eq!(lines(ApplicationPatch::from_body(&patch)).len(), 1);
    }
}
