//! An application's named secrets (Logto's
//! `packages/core/src/routes/applications/application-secret.ts`): confidential apps hold one or
//! more, each shown once when it is added and kept as a digest, so a secret is rotated by adding
//! a new one, moving the clients to it and deleting the old one. Any unexpired secret
//! authenticates the client (`oidc/client_auth.rs`).

use app::model::{ApplicationSecret, CreatedApplicationSecret};
use serde::Deserialize;
use utoipa::ToSchema;

use super::applications::refuse_bootstrap;
use super::rules::Issue;
use super::{DomainError, secrets};
use crate::storage::{ApplicationSecretRow, StorageError, Store};

/// The longest secret name (Logto's `varchar(256)`).
pub const NAME_MAX: usize = 256;

/// `POST /api/applications/{id}/secrets`.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewSecret {
    /// Unique within the application.
    #[schema(min_length = 1, max_length = 256)]
    pub name: String,
    /// Epoch ms when the secret stops working; absent or `null`: never. Must be in the future.
    #[schema(nullable)]
    pub expires_at: Option<i64>,
}

/// `PATCH /api/applications/{id}/secrets/{name}`: the new name.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SecretRename {
    #[schema(min_length = 1, max_length = 256)]
    pub name: String,
}

fn to_wire(row: ApplicationSecretRow) -> ApplicationSecret {
    ApplicationSecret {
        tenant_id: row.tenant_id,
        application_id: row.application_id,
        name: row.name,
        created_at: row.created_at,
        expires_at: row.expires_at,
    }
}

fn name_taken() -> DomainError {
    DomainError::refused(
        422,
        "application.secret_name_exists",
        "Secret name already exists.",
    )
}

fn check_name(name: &str) -> Result<(), DomainError> {
    match super::rules::text_problem(name, 1, NAME_MAX) {
        Some((code, message)) => Err(DomainError::invalid(Issue::at("name", code, message))),
        None => Ok(()),
    }
}

/// Whether the application exists and is confidential; `None` when it does not exist.
async fn confidential(store: &Store, tenant: &str, id: &str) -> Result<Option<bool>, DomainError> {
    let Some(row) = store.application_find_by_id(tenant, id).await? else {
        return Ok(None);
    };
    let kind: super::applications::ApplicationType = row.app_type.parse()?;
    Ok(Some(kind.is_confidential()))
}

/// The application's secrets, oldest first; `None` when the application does not exist.
pub async fn list(
    store: &Store,
    tenant: &str,
    application_id: &str,
) -> Result<Option<Vec<ApplicationSecret>>, DomainError> {
    if store
        .application_find_by_id(tenant, application_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let rows = store.application_secrets(tenant, application_id).await?;
    Ok(Some(rows.into_iter().map(to_wire).collect()))
}

/// Adds a secret and hands its value back, this once; `None` when the application does not
/// exist. Public clients (SPA, Native) cannot keep a secret: 422
/// `entity.db_constraint_violated`, as Logto's type check answers.
pub async fn create(
    store: &Store,
    tenant: &str,
    application_id: &str,
    input: NewSecret,
    bootstrap: Option<&str>,
    now: i64,
) -> Result<Option<CreatedApplicationSecret>, DomainError> {
    check_name(&input.name)?;
    if input.expires_at.is_some_and(|at| at <= now) {
        return Err(DomainError::refused(
            400,
            "request.invalid_input",
            "The value of `expiresAt` must be in the future.",
        ));
    }
    match confidential(store, tenant, application_id).await? {
        None => return Ok(None),
        Some(false) => return Err(StorageError::CheckViolation.into()),
        Some(true) => {}
    }
    // The bootstrap credential has the one secret the environment sets: another would outlive
    // a rotation of that setting.
    refuse_bootstrap(application_id, bootstrap)?;
    let value = secrets::generate();
    let row = ApplicationSecretRow {
        tenant_id: tenant.into(),
        application_id: application_id.into(),
        name: input.name,
        created_at: now,
        expires_at: input.expires_at,
    };
    match store
        .application_secret_insert(&row, &secrets::digest_hex(&value))
        .await
    {
        Ok(()) => {}
        Err(StorageError::UniqueViolation) => return Err(name_taken()),
        // Deleted meanwhile.
        Err(StorageError::ForeignKeyViolation) => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    Ok(Some(CreatedApplicationSecret {
        secret: to_wire(row),
        value,
    }))
}

/// What became of a change to one named secret.
#[derive(Debug)]
pub enum SecretChange<T> {
    NoApplication,
    NoSecret,
    Done(T),
}

/// Whether the application exists (`false`: it does not); the bootstrap credential's secrets
/// are refused, as the environment's to change.
async fn changeable(
    store: &Store,
    tenant: &str,
    application_id: &str,
    bootstrap: Option<&str>,
) -> Result<bool, DomainError> {
    if store
        .application_find_by_id(tenant, application_id)
        .await?
        .is_none()
    {
        return Ok(false);
    }
    refuse_bootstrap(application_id, bootstrap)?;
    Ok(true)
}

/// Renames a secret (the bootstrap credential's secrets are the environment's to change).
pub async fn rename(
    store: &Store,
    tenant: &str,
    application_id: &str,
    name: &str,
    input: SecretRename,
    bootstrap: Option<&str>,
) -> Result<SecretChange<ApplicationSecret>, DomainError> {
    check_name(&input.name)?;
    if !changeable(store, tenant, application_id, bootstrap).await? {
        return Ok(SecretChange::NoApplication);
    }
    match store
        .application_secret_rename(tenant, application_id, name, &input.name)
        .await
    {
        Ok(Some(row)) => Ok(SecretChange::Done(to_wire(row))),
        Ok(None) => Ok(SecretChange::NoSecret),
        Err(StorageError::UniqueViolation) => Err(name_taken()),
        Err(e) => Err(e.into()),
    }
}

/// Deletes a secret; clients still presenting it fail on this replica at once, on others
/// within their grants poll (a fraction of a second by default).
pub async fn delete(
    store: &Store,
    tenant: &str,
    application_id: &str,
    name: &str,
    bootstrap: Option<&str>,
) -> Result<SecretChange<()>, DomainError> {
    if !changeable(store, tenant, application_id, bootstrap).await? {
        return Ok(SecretChange::NoApplication);
    }
    if store
        .application_secret_delete(tenant, application_id, name)
        .await?
    {
        Ok(SecretChange::Done(()))
    } else {
        Ok(SecretChange::NoSecret)
    }
}

/// `DELETE /api/applications/{id}/legacy-secret`: Logto's way out of the single secret it kept
/// before named secrets. Every secret here is a named one, so an existing application has no
/// legacy secret: 400 `application.no_legacy_secret_found`. `Ok` only when the application
/// does not exist.
pub async fn delete_legacy(
    store: &Store,
    tenant: &str,
    application_id: &str,
) -> Result<(), DomainError> {
    if store
        .application_find_by_id(tenant, application_id)
        .await?
        .is_none()
    {
        return Ok(());
    }
    Err(DomainError::refused(
        400,
        "application.no_legacy_secret_found",
        "The application does not have a legacy secret.",
    ))
}
