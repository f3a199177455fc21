//! The commands that create and change applications, and their value rules (the guards Logto
//! generates from `packages/schemas/tables/applications.sql`).

use std::str::FromStr;

use app::model::APPLICATION_TYPES;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::DomainError;
use super::client_metadata::{self, CustomClientMetadata, OidcClientMetadata};
use super::rules::{self, Issue, Issues};

pub const NAME_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 1024;

/// The kind of an application, fixed at creation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ToSchema)]
pub enum ApplicationType {
    Native,
    #[serde(rename = "SPA")]
    Spa,
    Traditional,
    MachineToMachine,
    Protected,
    #[serde(rename = "SAML")]
    Saml,
}

impl ApplicationType {
    /// In the order of `APPLICATION_TYPES`, which the messages list.
    const ALL: [ApplicationType; 6] = [
        ApplicationType::Native,
        ApplicationType::Spa,
        ApplicationType::Traditional,
        ApplicationType::MachineToMachine,
        ApplicationType::Protected,
        ApplicationType::Saml,
    ];

    /// The name Logto stores and the API shows.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationType::Native => "Native",
            ApplicationType::Spa => "SPA",
            ApplicationType::Traditional => "Traditional",
            ApplicationType::MachineToMachine => "MachineToMachine",
            ApplicationType::Protected => "Protected",
            ApplicationType::Saml => "SAML",
        }
    }

    /// Types that authenticate with a secret (RFC 6749 §2.1 confidential clients).
    pub fn is_confidential(self) -> bool {
        matches!(
            self,
            ApplicationType::MachineToMachine
                | ApplicationType::Traditional
                | ApplicationType::Protected
        )
    }
}

impl FromStr for ApplicationType {
    type Err = DomainError;

    /// A name Logto does not know is refused with its enum guard's line at `type`.
    fn from_str(name: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == name)
            .ok_or_else(|| {
                DomainError::invalid(Issue::at(
                    "type",
                    "invalid_enum_value",
                    rules::enum_message(&APPLICATION_TYPES, name),
                ))
            })
    }
}

/// `POST /api/applications`: a new application. Confidential types (`Traditional`,
/// `MachineToMachine`, `Protected`) get a secret, returned only in this response.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewApplication {
    #[schema(min_length = 1, max_length = 256)]
    pub name: String,
    #[serde(rename = "type")]
    pub app_type: ApplicationType,
    #[schema(nullable, max_length = 1024)]
    pub description: Option<String>,
    /// Whether the application belongs to a third party, which must ask users for consent
    /// (default `false`; fixed once the application exists).
    #[schema(nullable = false)]
    pub is_third_party: Option<bool>,
    /// Default: both URI lists empty.
    #[schema(nullable = false)]
    pub oidc_client_metadata: Option<OidcClientMetadata>,
    /// Default `{}`.
    #[schema(nullable = false)]
    pub custom_client_metadata: Option<CustomClientMetadata>,
    /// Arbitrary data kept with the application (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
}

/// `PATCH /api/applications/{id}`: the keys given change, the others keep their values (the
/// type and the third-party flag cannot change; those keys are ignored). `null`
/// (`Some(None)`) clears the description.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationPatch {
    #[schema(nullable = false, min_length = 1, max_length = 256)]
    pub name: Option<String>,
    #[schema(value_type = Option<String>, nullable, max_length = 1024)]
    pub description: Option<Option<String>>,
    /// Each list given replaces the stored one; a list left out is kept.
    #[schema(nullable = false)]
    pub oidc_client_metadata: Option<OidcClientMetadata>,
    /// Each key given replaces the stored one; keys left out are kept.
    #[schema(nullable = false)]
    pub custom_client_metadata: Option<CustomClientMetadata>,
    /// Arbitrary data kept with the application; replaces the stored object as a whole.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
}

/// The value rules of both commands, in the order of Logto's guard, checked again here because
/// not every caller reads a Management API body (the console builds commands from its forms).
/// Redirect URIs are checked for `app_type`.
pub(super) fn check(
    name: Option<&str>,
    description: Option<&str>,
    oidc: Option<&OidcClientMetadata>,
    custom: Option<&CustomClientMetadata>,
    app_type: &str,
) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = name {
        issues.text("name", name, 1, NAME_MAX);
    }
    if let Some(description) = description {
        issues.text("description", description, 0, DESCRIPTION_MAX);
    }
    if let Some(oidc) = oidc {
        client_metadata::check_oidc(&mut issues, "oidcClientMetadata", oidc, app_type);
    }
    if let Some(custom) = custom {
        client_metadata::check_custom(&mut issues, "customClientMetadata", custom);
    }
    issues.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_logtos() {
        let names = ApplicationType::ALL.map(ApplicationType::as_str);
        assert_eq!(names, APPLICATION_TYPES);
        assert_eq!(
            "SPA".parse::<ApplicationType>().unwrap(),
            ApplicationType::Spa
        );
        let Err(DomainError::Invalid(lines)) = "Spa".parse::<ApplicationType>() else {
            panic!("unknown type")
        };
        assert_eq!(
            lines,
            [
                "Error in key path \"type\": (invalid_enum_value) Invalid enum value. Expected \
              'Native' | 'SPA' | 'Traditional' | 'MachineToMachine' | 'Protected' | 'SAML', \
              received 'Spa'"
            ]
        );
    }
}
