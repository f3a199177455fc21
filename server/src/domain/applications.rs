//! Applications: creation (with a secret shown once), lookup and client authentication.

use app::model::{APPLICATION_TYPES, Application, CreatedApplication};
use serde_json::{Value, json};

use super::guard::{Guard, Nullable};
use super::{DomainError, client_metadata, ids, secrets};
use crate::storage::{
    ApplicationRow, MANAGEMENT_API_ROLE_ID, NewApplication, Page, Paged, StorageError, Store,
};

const NAME_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 1024;

/// Types that authenticate with a secret.
pub fn is_confidential(app_type: &str) -> bool {
    matches!(app_type, "MachineToMachine" | "Traditional" | "Protected")
}

/// Creates an application from a Management API body. With `management_api_access`, the app
/// also gets the Management API role (console "grant access" option).
pub async fn create(
    store: &Store,
    tenant: &str,
    body: &Value,
    management_api_access: bool,
    now: i64,
) -> Result<CreatedApplication, DomainError> {
    let mut g = Guard::new(body);
    let name = g.required_string("name", 1, NAME_MAX);
    let app_type = g.required_enum("type", &APPLICATION_TYPES);
    let description = match g.nullable_string("description", DESCRIPTION_MAX) {
        Nullable::Value(s) => Some(s),
        _ => None,
    };
    let is_third_party = g.optional_bool("isThirdParty").unwrap_or(false);
    let kind = app_type.clone().unwrap_or_default();
    let oidc_metadata = match g.optional_object("oidcClientMetadata") {
        Some(given) => {
            client_metadata::oidc(&mut g, "oidcClientMetadata", given, &kind, &empty_oidc())
        }
        None => empty_oidc(),
    };
    let custom_metadata = match g.optional_object("customClientMetadata") {
        Some(given) => client_metadata::custom(&mut g, "customClientMetadata", given, &json!({})),
        None => json!({}),
    };
    let custom_data = g
        .optional_object("customData")
        .map(|m| Value::Object(m.clone()))
        .unwrap_or_else(|| json!({}));
    g.finish()?;
    let (Some(name), Some(app_type)) = (name, app_type) else {
        return Err(DomainError::invalid(
            "Error in key path \"\": (custom) Invalid application",
        ));
    };
    if management_api_access && app_type != "MachineToMachine" {
        return Err(DomainError::invalid(
            "Error in key path \"type\": (custom) Only machine-to-machine apps can call the Management API",
        ));
    }
    let secret = is_confidential(&app_type).then(secrets::generate);
    let row = ApplicationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name,
        description,
        app_type,
        secret_digest: secret.as_deref().map(secrets::digest_hex),
        oidc_client_metadata: oidc_metadata.to_string(),
        custom_client_metadata: custom_metadata.to_string(),
        custom_data: custom_data.to_string(),
        is_third_party,
        created_at: now,
    };
    let role_ids = if management_api_access {
        vec![MANAGEMENT_API_ROLE_ID.to_string()]
    } else {
        Vec::new()
    };
    let new = NewApplication { row, role_ids };
    store.application_insert(&new).await?;
    Ok(CreatedApplication {
        application: to_wire(new.row)?,
        secret,
    })
}

/// Creates or updates the bootstrap M2M app from the environment, with Management API access.
pub async fn ensure_bootstrap(
    store: &Store,
    tenant: &str,
    client_id: &str,
    client_secret: &str,
    now: i64,
) -> Result<(), DomainError> {
    let valid_id = !client_id.is_empty()
        && client_id.len() <= ids::LONG
        && client_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid_id {
        return Err(DomainError::invalid(
            "bootstrap m2m_client_id must be 1-21 characters of [A-Za-z0-9_-]",
        ));
    }
    if client_secret.len() < 16 {
        return Err(DomainError::invalid(
            "bootstrap m2m_client_secret must be at least 16 characters",
        ));
    }
    let row = ApplicationRow {
        tenant_id: tenant.into(),
        id: client_id.into(),
        name: "Bootstrap M2M app".into(),
        description: Some("Created from TESSERA__BOOTSTRAP__M2M_CLIENT_ID.".into()),
        app_type: "MachineToMachine".into(),
        secret_digest: Some(secrets::digest_hex(client_secret)),
        oidc_client_metadata: r#"{"redirectUris":[],"postLogoutRedirectUris":[]}"#.into(),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at: now,
    };
    let new = NewApplication {
        row,
        role_ids: vec![MANAGEMENT_API_ROLE_ID.to_string()],
    };
    Ok(store.application_upsert_with_roles(&new).await?)
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<Option<Application>, DomainError> {
    Ok(store
        .application_find_by_id(tenant, id)
        .await?
        .map(to_wire)
        .transpose()?)
}

pub async fn list(
    store: &Store,
    tenant: &str,
    q: Option<&str>,
    types: &[String],
    exclude_organization: Option<&str>,
    page: Option<Page>,
) -> Result<Paged<Application>, DomainError> {
    let rows = store
        .application_list(tenant, q, types, exclude_organization, page)
        .await?;
    let items = rows
        .items
        .into_iter()
        .map(to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged {
        items,
        total: rows.total,
    })
}

/// `PATCH /api/applications/:id`: name, description, client metadata (keys given replace the
/// stored ones), custom data. The type and third-party flag are fixed at creation.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<Application>, DomainError> {
    let Some(mut row) = store.application_find_by_id(tenant, id).await? else {
        return Ok(None);
    };
    let mut g = Guard::new(body);
    let name = g.optional_string("name", 1, NAME_MAX);
    let description = g.nullable_string("description", DESCRIPTION_MAX);
    let stored_oidc = super::json_column("oidc_client_metadata", &row.oidc_client_metadata)?;
    let stored_custom = super::json_column("custom_client_metadata", &row.custom_client_metadata)?;
    let oidc_metadata = g.optional_object("oidcClientMetadata").map(|given| {
        client_metadata::oidc(
            &mut g,
            "oidcClientMetadata",
            given,
            &row.app_type,
            &stored_oidc,
        )
    });
    let custom_metadata = g.optional_object("customClientMetadata").map(|given| {
        client_metadata::custom(&mut g, "customClientMetadata", given, &stored_custom)
    });
    let custom_data = g
        .optional_object("customData")
        .map(|m| Value::Object(m.clone()));
    g.finish()?;
    if let Some(name) = name {
        row.name = name;
    }
    if let Some(description) = description.into_patch() {
        row.description = description;
    }
    if let Some(v) = oidc_metadata {
        row.oidc_client_metadata = v.to_string();
    }
    if let Some(v) = custom_metadata {
        row.custom_client_metadata = v.to_string();
    }
    if let Some(v) = custom_data {
        row.custom_data = v.to_string();
    }
    if !store.application_update(&row).await? {
        return Ok(None);
    }
    Ok(Some(to_wire(row)?))
}

fn empty_oidc() -> Value {
    json!({ "redirectUris": [], "postLogoutRedirectUris": [] })
}

/// Deletes an application, except the bootstrap credential (`bootstrap`, the configured
/// client id): it is the environment's to change, and deleting it would lock out whoever
/// relies on it until the next start re-creates it.
pub async fn delete(
    store: &Store,
    tenant: &str,
    id: &str,
    bootstrap: Option<&str>,
) -> Result<bool, DomainError> {
    refuse_bootstrap(id, bootstrap)?;
    Ok(store.application_delete(tenant, id).await?)
}

/// The refusal for changes that would take the bootstrap credential's access away.
pub fn refuse_bootstrap(id: &str, bootstrap: Option<&str>) -> Result<(), DomainError> {
    if bootstrap != Some(id) {
        return Ok(());
    }
    Err(DomainError::refused(
        400,
        "application.managed_by_configuration",
        "This application is the bootstrap credential set by TESSERA__BOOTSTRAP__M2M_CLIENT_ID: \
         change or remove that setting instead.",
    ))
}

pub async fn has_management_access(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<bool, DomainError> {
    Ok(store
        .application_has_role(tenant, id, MANAGEMENT_API_ROLE_ID)
        .await?)
}

pub fn to_wire(row: ApplicationRow) -> Result<Application, StorageError> {
    Ok(Application {
        oidc_client_metadata: super::json_column(
            "oidc_client_metadata",
            &row.oidc_client_metadata,
        )?,
        custom_client_metadata: super::json_column(
            "custom_client_metadata",
            &row.custom_client_metadata,
        )?,
        custom_data: super::json_column("custom_data", &row.custom_data)?,
        protected_app_metadata: None,
        tenant_id: row.tenant_id,
        id: row.id,
        name: row.name,
        description: row.description,
        app_type: row.app_type,
        is_third_party: row.is_third_party,
        created_at: row.created_at,
    })
}
