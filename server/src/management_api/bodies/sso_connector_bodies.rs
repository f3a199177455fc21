//! Enterprise SSO connectors: how each body is read.

use serde_json::{Map, Value};

use super::body::FromBody;
use crate::domain::DomainError;
use crate::domain::guard::Guard;
use crate::domain::sso_connectors::{
    NAME_MAX, NewSsoConnector, SsoConnectorPatch, SsoProviderName,
};

/// The optional keys both bodies share, in the order Logto's guard reports them.
struct Settings {
    config: Option<Map<String, Value>>,
    domains: Option<Vec<String>>,
    branding: Option<Map<String, Value>>,
    sync_profile: Option<bool>,
}

fn settings(g: &mut Guard<'_>) -> Settings {
    Settings {
        config: g.optional_object("config").cloned(),
        domains: g.id_list("domains", false, false),
        branding: g.optional_object("branding").cloned(),
        sync_profile: g.optional_bool("syncProfile"),
    }
}

impl FromBody for NewSsoConnector {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let provider_name = g.required_enum("providerName", &app::model::SSO_PROVIDERS);
        let connector_name = g.required_string("connectorName", 1, NAME_MAX);
        let rest = settings(&mut g);
        g.finish()?;
        // `required_enum` reports a missing or unknown provider, so `finish` has refused it.
        let provider_name = provider_name
            .as_deref()
            .and_then(SsoProviderName::parse)
            .ok_or_else(|| DomainError::Internal("providerName read without an issue".into()))?;
        Ok(NewSsoConnector {
            provider_name,
            connector_name: connector_name.unwrap_or_default(),
            config: rest.config,
            domains: rest.domains,
            branding: rest.branding,
            sync_profile: rest.sync_profile,
        })
    }
}

impl FromBody for SsoConnectorPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let connector_name = g.optional_string("connectorName", 1, NAME_MAX);
        let rest = settings(&mut g);
        g.finish()?;
        Ok(SsoConnectorPatch {
            connector_name,
            config: rest.config,
            domains: rest.domains,
            branding: rest.branding,
            sync_profile: rest.sync_profile,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_connector_needs_a_known_provider_and_a_name() {
        let Err(DomainError::Invalid(lines)) =
            NewSsoConnector::from_body(&json!({ "providerName": "LDAP", "domains": "x" }))
        else {
            panic!("invalid")
        };
        assert_eq!(
            lines,
            [
                "Error in key path \"providerName\": (invalid_enum_value) Invalid enum value. \
                 Expected 'OIDC' | 'SAML', received 'LDAP'",
                "Error in key path \"connectorName\": (invalid_type) Required",
                "Error in key path \"domains\": (invalid_type) Expected array, received string",
            ]
        );
        let body = json!({ "providerName": "SAML", "connectorName": "Corp",
                           "config": { "clientSecret": "s" }, "domains": ["corp.test"] });
        let input = NewSsoConnector::from_body(&body).unwrap();
        assert_eq!(input.provider_name, SsoProviderName::Saml);
        assert_eq!(
            input.domains.as_deref(),
            Some(&["corp.test".to_string()][..])
        );
        assert!(input.config.unwrap().contains_key("clientSecret"));
    }

    #[test]
    fn a_patch_may_be_empty_and_refuses_null_objects() {
        let patch = SsoConnectorPatch::from_body(&json!({})).unwrap();
        assert!(patch.connector_name.is_none() && patch.config.is_none());
        assert!(SsoConnectorPatch::from_body(&json!({ "branding": null })).is_err());
        assert!(SsoConnectorPatch::from_body(&json!({ "connectorName": "" })).is_err());
    }
}
