//! How the bodies of `/api/applications` are read; their client metadata objects are read by
//! `client_metadata.rs`.

use app::model::APPLICATION_TYPES;
use serde_json::Value;

use super::client_metadata::{read_custom, read_oidc};
use crate::domain::DomainError;
use crate::domain::application_commands::{
    ApplicationPatch, DESCRIPTION_MAX, NAME_MAX, NewApplication,
};
use crate::domain::application_secrets::{NAME_MAX as SECRET_NAME_MAX, NewSecret, SecretRename};
use crate::domain::json_merge::JsonObject;
use crate::management_api::bodies::FromBody;
use crate::management_api::bodies::guard::{Guard, Nullable};

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

impl FromBody for NewSecret {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, SECRET_NAME_MAX);
        let expires_at = match g.nullable_integer("expiresAt") {
            Nullable::Value(at) => Some(at),
            _ => None,
        };
        g.finish()?;
        Ok(NewSecret {
            name: name.unwrap_or_default(),
            expires_at,
        })
    }
}

impl FromBody for SecretRename {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, SECRET_NAME_MAX);
        g.finish()?;
        Ok(SecretRename {
            name: name.unwrap_or_default(),
        })
    }
}

/// Custom data to merge: any JSON object (Logto's `jsonObjectGuard`).
impl FromBody for JsonObject {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        match body {
            Value::Object(keys) => Ok(JsonObject(keys.clone())),
            other => Guard::new(other)
                .finish()
                .map(|()| JsonObject(Default::default())),
        }
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
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
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
