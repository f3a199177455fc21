//! Enterprise SSO connectors (a minimal version of Logto's `/api/sso-connectors`). Configuration
//! values that are secrets are stored but never returned; a PATCH merges `config` key by key,
//! so a client that never saw the secret keeps it by leaving it out.

use app::model::SsoConnector;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::rules::Issues;
use super::{DomainError, ids};
use crate::storage::{
    Page, Paged, SsoConnectorPatch as SsoConnectorPatchRow, SsoConnectorRow, Store,
};

pub const NAME_MAX: usize = 128;

/// The protocol of an enterprise SSO connector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
pub enum SsoProviderName {
    #[serde(rename = "OIDC")]
    Oidc,
    #[serde(rename = "SAML")]
    Saml,
}

impl SsoProviderName {
    pub fn as_str(self) -> &'static str {
        match self {
            SsoProviderName::Oidc => "OIDC",
            SsoProviderName::Saml => "SAML",
        }
    }

    /// The provider named exactly `name`.
    pub fn parse(name: &str) -> Option<SsoProviderName> {
        match name {
            "OIDC" => Some(SsoProviderName::Oidc),
            "SAML" => Some(SsoProviderName::Saml),
            _ => None,
        }
    }
}

/// `POST /api/sso-connectors`: a new enterprise SSO connector.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewSsoConnector {
    pub provider_name: SsoProviderName,
    /// Unique among the tenant's connectors (a taken name is refused with 422).
    #[schema(min_length = 1, max_length = 128)]
    pub connector_name: String,
    /// Provider settings (default `{}`). Values of keys naming a secret, private key or
    /// password are stored but never returned.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub config: Option<Map<String, Value>>,
    /// Email domains of the connector's users (default `[]`).
    #[schema(nullable = false, min_length = 1)]
    pub domains: Option<Vec<String>>,
    /// How the sign-in button looks (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub branding: Option<Map<String, Value>>,
    /// Logto's switch for updating profiles at each SSO sign-in; stored as given (default
    /// `false`).
    #[schema(nullable = false)]
    pub sync_profile: Option<bool>,
}

/// `PATCH /api/sso-connectors/{id}`: the keys given change, the others keep their values.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SsoConnectorPatch {
    /// Unique among the tenant's connectors (a taken name is refused with 422).
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub connector_name: Option<String>,
    /// Merged key by key into the stored settings, so secrets left out are kept.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub config: Option<Map<String, Value>>,
    /// Replaces the stored email domains.
    #[schema(nullable = false, min_length = 1)]
    pub domains: Option<Vec<String>>,
    /// Replaces the stored branding as a whole.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub branding: Option<Map<String, Value>>,
    /// Logto's switch for updating profiles at each SSO sign-in; stored as given.
    #[schema(nullable = false)]
    pub sync_profile: Option<bool>,
}

/// The value rules of both commands, checked again here because not every caller reads a
/// Management API body.
fn check(connector_name: Option<&str>, domains: Option<&[String]>) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = connector_name {
        issues.text("connectorName", name, 1, NAME_MAX);
    }
    if let Some(domains) = domains {
        issues.texts("domains", domains, 1, usize::MAX);
    }
    issues.finish()
}

/// Whether a configuration key holds a secret (client secrets, private keys, passwords).
fn is_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["secret", "privatekey", "password"]
        .iter()
        .any(|s| key.contains(s))
}

pub fn to_wire(row: SsoConnectorRow) -> Result<SsoConnector, DomainError> {
    let mut config = super::json_column("config", &row.config)?;
    if let Value::Object(map) = &mut config {
        map.retain(|k, _| !is_secret(k));
    }
    Ok(SsoConnector {
        config,
        domains: super::json_column("domains", &row.domains)?,
        branding: super::json_column("branding", &row.branding)?,
        tenant_id: row.tenant_id,
        id: row.id,
        provider_name: row.provider_name,
        connector_name: row.connector_name,
        sync_profile: row.sync_profile,
        enable_token_storage: row.enable_token_storage,
        created_at: row.created_at,
    })
}

pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewSsoConnector,
    now: i64,
) -> Result<SsoConnector, DomainError> {
    check(Some(&input.connector_name), input.domains.as_deref())?;
    let row = SsoConnectorRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        provider_name: input.provider_name.as_str().into(),
        connector_name: input.connector_name,
        config: Value::Object(input.config.unwrap_or_default()).to_string(),
        domains: Value::from(input.domains.unwrap_or_default()).to_string(),
        branding: Value::Object(input.branding.unwrap_or_default()).to_string(),
        sync_profile: input.sync_profile.unwrap_or(false),
        enable_token_storage: false,
        created_at: now,
    };
    store.sso_connector_insert(&row).await?;
    to_wire(row)
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<Option<SsoConnector>, DomainError> {
    store
        .sso_connector_find_by_id(tenant, id)
        .await?
        .map(to_wire)
        .transpose()
}

pub async fn list(
    store: &Store,
    tenant: &str,
    page: Option<Page>,
) -> Result<Paged<SsoConnector>, DomainError> {
    let found = store.sso_connector_list(tenant, page).await?;
    let items = found
        .items
        .into_iter()
        .map(to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}

/// The organization's JIT connectors (secrets redacted).
pub async fn of_organization(
    store: &Store,
    tenant: &str,
    organization_id: &str,
) -> Result<Vec<SsoConnector>, DomainError> {
    store
        .organization_jit_sso_connector_list(tenant, organization_id)
        .await?
        .into_iter()
        .map(to_wire)
        .collect()
}

/// Applies a patch, `config` merged key by key; `None` when the connector does not exist.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: SsoConnectorPatch,
) -> Result<Option<SsoConnector>, DomainError> {
    check(patch.connector_name.as_deref(), patch.domains.as_deref())?;
    let Some(current) = store.sso_connector_find_by_id(tenant, id).await? else {
        return Ok(None);
    };
    let config = match patch.config {
        Some(changes) => {
            let mut merged = match super::json_column("config", &current.config)? {
                Value::Object(m) => m,
                _ => Map::new(),
            };
            merged.extend(changes);
            Some(Value::Object(merged).to_string())
        }
        None => None,
    };
    let row = SsoConnectorPatchRow {
        connector_name: patch.connector_name,
        config,
        domains: patch.domains.map(|d| Value::from(d).to_string()),
        branding: patch.branding.map(|b| Value::Object(b).to_string()),
        sync_profile: patch.sync_profile,
    };
    store
        .sso_connector_update(tenant, id, &row)
        .await?
        .map(to_wire)
        .transpose()
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.sso_connector_delete(tenant, id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_are_logtos() {
        for name in app::model::SSO_PROVIDERS {
            let parsed = SsoProviderName::parse(name).map(SsoProviderName::as_str);
            assert_eq!(parsed, Some(name));
        }
    }

    #[test]
    fn commands_built_in_code_meet_the_same_rules() {
        let Err(DomainError::Invalid(lines)) = check(Some(""), Some(&["".into()])) else {
            panic!("invalid")
        };
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("\"connectorName\": (too_small)"));
        assert!(lines[1].contains("\"domains.0\": (too_small)"));
        assert!(check(Some("Corp"), Some(&["corp.test".into()])).is_ok());
    }

    #[test]
    fn secrets_are_recognised_by_key() {
        assert!(is_secret("clientSecret"));
        assert!(is_secret("privateKey"));
        assert!(!is_secret("clientId"));
        assert!(!is_secret("issuer"));
    }
}
