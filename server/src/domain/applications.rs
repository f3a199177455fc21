//! Applications: creation (with a secret shown once), changes, lookup and client
//! authentication.

use app::model::{Application, CreatedApplication};
use serde_json::{Map, Value};

use super::application_commands::check;
pub use super::application_commands::{ApplicationPatch, ApplicationType, NewApplication};
use super::client_metadata::{CustomClientMetadata, OidcClientMetadata};
use super::rules::Issue;
use super::{DomainError, ids, json_merge, secrets};
use crate::storage::{
    ApplicationRow, MANAGEMENT_API_ROLE_ID, NewApplication as ApplicationInsert, Page, Paged,
    StorageError, Store,
};

/// Creates an application. With `management_api_access`, the app also gets the Management API
/// role (console "grant access" option).
pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewApplication,
    management_api_access: bool,
    now: i64,
) -> Result<CreatedApplication, DomainError> {
    let app_type = input.app_type.as_str();
    check(
        Some(&input.name),
        input.description.as_deref(),
        input.oidc_client_metadata.as_ref(),
        input.custom_client_metadata.as_ref(),
        app_type,
    )?;
    if management_api_access && input.app_type != ApplicationType::MachineToMachine {
        return Err(DomainError::invalid(Issue::at(
            "type",
            "custom",
            "Only machine-to-machine apps can call the Management API",
        )));
    }
    let oidc = OidcClientMetadata::default().merged(input.oidc_client_metadata.unwrap_or_default());
    let custom =
        CustomClientMetadata::default().merged(input.custom_client_metadata.unwrap_or_default());
    let secret = input.app_type.is_confidential().then(secrets::generate);
    let row = ApplicationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        name: input.name,
        description: input.description,
        app_type: app_type.into(),
        oidc_client_metadata: oidc.to_stored()?,
        custom_client_metadata: custom.to_stored()?,
        custom_data: json_merge::stored_text(&input.custom_data.unwrap_or_default(), "customData")?,
        is_third_party: input.is_third_party.unwrap_or(false),
        created_at: now,
    };
    let role_ids = if management_api_access {
        vec![MANAGEMENT_API_ROLE_ID.to_string()]
    } else {
        Vec::new()
    };
    let new = ApplicationInsert {
        row,
        role_ids,
        secret_digest: secret.as_deref().map(secrets::digest_hex),
    };
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
        return Err(DomainError::invalid(Issue::general(
            "bootstrap m2m_client_id must be 1-21 characters of [A-Za-z0-9_-]",
        )));
    }
    if client_secret.len() < 16 {
        return Err(DomainError::invalid(Issue::general(
            "bootstrap m2m_client_secret must be at least 16 characters",
        )));
    }
    let row = ApplicationRow {
        tenant_id: tenant.into(),
        id: client_id.into(),
        name: "Bootstrap M2M app".into(),
        description: Some("Created from TESSERA__BOOTSTRAP__M2M_CLIENT_ID.".into()),
        app_type: "MachineToMachine".into(),
        oidc_client_metadata: r#"{"redirectUris":[],"postLogoutRedirectUris":[]}"#.into(),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at: now,
    };
    let new = ApplicationInsert {
        row,
        role_ids: vec![MANAGEMENT_API_ROLE_ID.to_string()],
        secret_digest: Some(secrets::digest_hex(client_secret)),
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

/// `PATCH /api/applications/:id`: `None` when the application does not exist. Redirect URIs
/// are checked for the stored type.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: ApplicationPatch,
) -> Result<Option<Application>, DomainError> {
    let Some(mut row) = store.application_find_by_id(tenant, id).await? else {
        return Ok(None);
    };
    check(
        patch.name.as_deref(),
        patch.description.as_ref().and_then(Option::as_deref),
        patch.oidc_client_metadata.as_ref(),
        patch.custom_client_metadata.as_ref(),
        &row.app_type,
    )?;
    if let Some(name) = patch.name {
        row.name = name;
    }
    if let Some(description) = patch.description {
        row.description = description;
    }
    if let Some(given) = patch.oidc_client_metadata {
        let stored = OidcClientMetadata::from_stored(&row.oidc_client_metadata)?;
        row.oidc_client_metadata = stored.merged(given).to_stored()?;
    }
    if let Some(given) = patch.custom_client_metadata {
        let stored = CustomClientMetadata::from_stored(&row.custom_client_metadata)?;
        row.custom_client_metadata = stored.merged(given).to_stored()?;
    }
    if let Some(custom_data) = patch.custom_data {
        row.custom_data = json_merge::stored_text(&custom_data, "customData")?;
    }
    if !store.application_update(&row).await? {
        return Ok(None);
    }
    Ok(Some(to_wire(row)?))
}

/// `PATCH /api/applications/:id/custom-data`: merges keys into the custom data (any JSON, as
/// Logto's `jsonObjectGuard`); the whole merged object, or `None` when the application does not
/// exist.
pub async fn merge_custom_data(
    store: &Store,
    tenant: &str,
    id: &str,
    keys: Map<String, Value>,
) -> Result<Option<Map<String, Value>>, DomainError> {
    let merged = store
        .application_edit_custom_data(tenant, id, |stored| {
            json_merge::merged_text(stored, keys, "customData")
        })
        .await?;
    merged.as_deref().map(json_merge::object).transpose()
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
