//! Enterprise SSO connectors (a minimal version of Logto's `/api/sso-connectors`). Configuration
//! values that are secrets are stored but never returned; a PATCH merges `config` key by key,
//! so a client that never saw the secret keeps it by leaving it out.

use app::model::{SSO_PROVIDERS, SsoConnector};
use serde_json::{Map, Value};

use super::guard::Guard;
use super::{DomainError, ids};
use crate::storage::{Page, Paged, SsoConnectorPatch, SsoConnectorRow, Store};

const NAME_MAX: usize = 128;

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

/// `domains`: an array of strings.
fn domains(g: &mut Guard<'_>) -> Option<String> {
    let list = g.id_list("domains", false, false)?;
    Some(Value::from(list).to_string())
}

fn object(g: &mut Guard<'_>, key: &str) -> Option<Map<String, Value>> {
    g.optional_object(key).cloned()
}

pub async fn create(
    store: &Store,
    tenant: &str,
    body: &Value,
    now: i64,
) -> Result<SsoConnector, DomainError> {
    let mut g = Guard::new(body);
    let provider_name = g.required_enum("providerName", &SSO_PROVIDERS);
    let connector_name = g.required_string("connectorName", 1, NAME_MAX);
    let config = object(&mut g, "config").unwrap_or_default();
    let domains = domains(&mut g);
    let branding = object(&mut g, "branding").unwrap_or_default();
    let sync_profile = g.optional_bool("syncProfile").unwrap_or(false);
    g.finish()?;
    let row = SsoConnectorRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        provider_name: provider_name.unwrap_or_default(),
        connector_name: connector_name.unwrap_or_default(),
        config: Value::Object(config).to_string(),
        domains: domains.unwrap_or_else(|| "[]".into()),
        branding: Value::Object(branding).to_string(),
        sync_profile,
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

pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<SsoConnector>, DomainError> {
    let mut g = Guard::new(body);
    let connector_name = g.optional_string("connectorName", 1, NAME_MAX);
    let config = object(&mut g, "config");
    let domains = domains(&mut g);
    let branding = object(&mut g, "branding").map(|b| Value::Object(b).to_string());
    let sync_profile = g.optional_bool("syncProfile");
    g.finish()?;
    let Some(current) = store.sso_connector_find_by_id(tenant, id).await? else {
        return Ok(None);
    };
    let config = match config {
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
    let patch = SsoConnectorPatch {
        connector_name,
        config,
        domains,
        branding,
        sync_profile,
    };
    store
        .sso_connector_update(tenant, id, &patch)
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
    fn secrets_are_recognised_by_key() {
        assert!(is_secret("clientSecret"));
        assert!(is_secret("privateKey"));
        assert!(!is_secret("clientId"));
        assert!(!is_secret("issuer"));
    }
}
