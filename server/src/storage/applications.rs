//! `applications` and their global roles (which carry API-resource permissions).

use super::changes::Change;
use super::db::{Store, Tx, dispatch, dispatch_exec, dispatch_tx_exec};
use super::error::StorageError;
use super::json_columns::JsonColumn;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::sql::like_pattern;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApplicationRow {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[sqlx(rename = "type")]
    pub app_type: String,
    pub oidc_client_metadata: String,
    pub custom_client_metadata: String,
    pub custom_data: String,
    pub is_third_party: bool,
    pub created_at: i64,
}

/// An application to create, with the global roles it is granted and the digest of its first
/// secret (named [`DEFAULT_SECRET_NAME`]), in the same transaction.
#[derive(Clone, Debug)]
pub struct NewApplication {
    pub row: ApplicationRow,
    pub role_ids: Vec<String>,
    pub secret_digest: Option<String>,
}

/// The name of the secret an application is created with (Logto's `defaultApplicationSecretName`).
pub const DEFAULT_SECRET_NAME: &str = "Default secret";

const COLUMNS: &str = "tenant_id, id, name, description, type, oidc_client_metadata, \
                       custom_client_metadata, custom_data, is_third_party, created_at";

/// The same columns qualified by the alias `a` (for joins).
pub(crate) const A_COLUMNS: &str = "a.tenant_id, a.id, a.name, a.description, a.type, \
     a.oidc_client_metadata, a.custom_client_metadata, a.custom_data, \
     a.is_third_party, a.created_at";

const INSERT: &str = "INSERT INTO applications (tenant_id, id, name, description, type, \
     oidc_client_metadata, custom_client_metadata, custom_data, is_third_party, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// The bootstrap credential: created at the first start, kept as it is after that.
const UPSERT: &str = "INSERT INTO applications (tenant_id, id, name, description, type, \
     oidc_client_metadata, custom_client_metadata, custom_data, is_third_party, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING";

/// The first secret; the bootstrap credential's replaces its earlier value at every start.
const PUT_DEFAULT_SECRET: &str = "INSERT INTO application_secrets \
     (tenant_id, application_id, name, digest, created_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (tenant_id, application_id, name) \
     DO UPDATE SET digest = excluded.digest, expires_at = NULL";

const GRANT_ROLE: &str = "INSERT INTO applications_roles (tenant_id, application_id, role_id) \
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

/// The new application's role grants and its default secret, in its transaction; with
/// `sole_secret` (the bootstrap credential) its other secrets go: nothing added by hand outlives
/// a rotation of the environment's setting.
async fn grant_and_keep_secret(
    tx: &mut Tx,
    new: &NewApplication,
    sole_secret: bool,
) -> Result<(), StorageError> {
    const OTHERS: &str = "DELETE FROM application_secrets \
         WHERE tenant_id = $1 AND application_id = $2 AND name <> $3";
    let row = &new.row;
    tx.writes(Change::ClientGrants);
    for role_id in &new.role_ids {
        dispatch_tx_exec!(&mut *tx, c => sqlx::query(GRANT_ROLE)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(role_id)
            .execute(c))?;
    }
    let Some(digest) = &new.secret_digest else {
        return Ok(());
    };
    dispatch_tx_exec!(&mut *tx, c => sqlx::query(PUT_DEFAULT_SECRET)
        .bind(&row.tenant_id)
        .bind(&row.id)
        .bind(DEFAULT_SECRET_NAME)
        .bind(digest)
        .bind(row.created_at)
        .execute(c))?;
    if sole_secret {
        dispatch_tx_exec!(&mut *tx, c => sqlx::query(OTHERS)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(DEFAULT_SECRET_NAME)
            .execute(c))?;
    }
    Ok(())
}

impl Store {
    /// Inserts the application, its role grants and its first secret atomically; a taken id
    /// is a `UniqueViolation`.
    pub async fn application_insert(&self, new: &NewApplication) -> Result<(), StorageError> {
        self.application_write(new, false).await
    }

    /// Creates the application unless it exists, sets its default secret as its only one and
    /// grants the roles (bootstrap credential).
    pub async fn application_upsert_with_roles(
        &self,
        new: &NewApplication,
    ) -> Result<(), StorageError> {
        self.application_write(new, true).await
    }

    /// The application (kept as it is when `bootstrap` and it exists), its grants and its
    /// secret in one transaction.
    async fn application_write(
        &self,
        new: &NewApplication,
        bootstrap: bool,
    ) -> Result<(), StorageError> {
        let row = &new.row;
        let sql = if bootstrap { UPSERT } else { INSERT };
        let mut tx = self.begin().await?;
        tx.writes(Change::ClientGrants);
        dispatch_tx_exec!(&mut tx, c => sqlx::query(sql)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.app_type)
            .bind(&row.oidc_client_metadata)
            .bind(&row.custom_client_metadata)
            .bind(&row.custom_data)
            .bind(row.is_third_party)
            .bind(row.created_at)
            .execute(c))?;
        grant_and_keep_secret(&mut tx, new, bootstrap).await?;
        tx.commit().await
    }

    pub async fn application_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<ApplicationRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM applications WHERE tenant_id = $1 AND id = $2");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, ApplicationRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    /// Applications in creation order, filtered by `q` (id, name, description), by type and,
    /// with `exclude_organization`, leaving out that organization's members.
    pub async fn application_list(
        &self,
        tenant: &str,
        q: Option<&str>,
        types: &[String],
        exclude_organization: Option<&str>,
        page: Option<Page>,
    ) -> Result<Paged<ApplicationRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let mut from = String::from(
            "applications WHERE tenant_id = $1 \
             AND ($2 IS NULL OR lower(id) LIKE $2 ESCAPE '\\' \
               OR lower(name) LIKE $2 ESCAPE '\\' OR lower(description) LIKE $2 ESCAPE '\\') \
             AND ($3 IS NULL OR NOT EXISTS (SELECT 1 FROM organization_application_relations m \
               WHERE m.tenant_id = $1 AND m.organization_id = $3 \
               AND m.application_id = applications.id))",
        );
        if !types.is_empty() {
            from.push_str(&format!(
                " AND type IN ({})",
                super::sql::placeholders(4, types.len())
            ));
        }
        let list = ListQuery {
            columns: COLUMNS,
            from: &from,
            order_by: "created_at, id",
        };
        let mut args = vec![Some(tenant), pattern.as_deref(), exclude_organization];
        args.extend(types.iter().map(|t| Some(t.as_str())));
        fetch_paged(&self.db, list, &args, page).await
    }

    /// Writes the editable columns of an existing application; `false` when it is gone.
    pub async fn application_update(&self, row: &ApplicationRow) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE applications SET name = $3, description = $4, \
             oidc_client_metadata = $5, custom_client_metadata = $6, custom_data = $7 \
             WHERE tenant_id = $1 AND id = $2";
        let updated = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.oidc_client_metadata)
            .bind(&row.custom_client_metadata)
            .bind(&row.custom_data)
            .execute(p));
        let done = self.wrote(Change::ClientGrants, updated)?;
        Ok(done > 0)
    }

    /// Replaces the custom data with what `edit` makes of the stored text, in one transaction
    /// (a concurrent merge waits, so neither is lost); `None` when the application is gone.
    pub async fn application_edit_custom_data<E: From<StorageError>>(
        &self,
        tenant: &str,
        id: &str,
        edit: impl FnOnce(&str) -> Result<String, E>,
    ) -> Result<Option<String>, E> {
        let target = JsonColumn {
            table: "applications",
            column: "custom_data",
            tenant,
            id,
            updated_at: None,
            change: Some(Change::ClientGrants),
        };
        self.edit_json_column(target, edit).await
    }

    pub async fn application_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM applications WHERE tenant_id = $1 AND id = $2";
        let deleted =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p));
        let done = self.wrote(Change::ClientGrants, deleted)?;
        Ok(done > 0)
    }

    /// Whether the application holds the given global role.
    pub async fn application_has_role(
        &self,
        tenant: &str,
        application_id: &str,
        role_id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT role_id FROM applications_roles \
             WHERE tenant_id = $1 AND application_id = $2 AND role_id = $3";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(application_id)
            .bind(role_id)
            .fetch_optional(p))?;
        Ok(found.is_some())
    }
}
