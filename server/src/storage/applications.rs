//! `applications` and their global roles (which carry API-resource permissions).

use super::changes::Change;
use super::db::{Store, dispatch, dispatch_exec, dispatch_tx_exec};
use super::error::StorageError;
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
    pub secret_digest: Option<String>,
    pub oidc_client_metadata: String,
    pub custom_client_metadata: String,
    pub custom_data: String,
    pub is_third_party: bool,
    pub created_at: i64,
}

/// An application to create, with the global roles it is granted in the same transaction.
#[derive(Clone, Debug)]
pub struct NewApplication {
    pub row: ApplicationRow,
    pub role_ids: Vec<String>,
}

const COLUMNS: &str = "tenant_id, id, name, description, type, secret_digest, oidc_client_metadata, \
                       custom_client_metadata, custom_data, is_third_party, created_at";

/// The same columns qualified by the alias `a` (for joins).
pub(crate) const A_COLUMNS: &str = "a.tenant_id, a.id, a.name, a.description, a.type, \
     a.secret_digest, a.oidc_client_metadata, a.custom_client_metadata, a.custom_data, \
     a.is_third_party, a.created_at";

const INSERT: &str = "INSERT INTO applications (tenant_id, id, name, description, type, \
     secret_digest, oidc_client_metadata, custom_client_metadata, custom_data, is_third_party, \
     created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

const GRANT_ROLE: &str = "INSERT INTO applications_roles (tenant_id, application_id, role_id) \
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

impl Store {
    /// Inserts the application and its role grants atomically.
    pub async fn application_insert(&self, new: &NewApplication) -> Result<(), StorageError> {
        let row = &new.row;
        let mut tx = self.begin().await?;
        tx.writes(Change::ClientGrants);
        dispatch_tx_exec!(&mut tx, c => sqlx::query(INSERT)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.app_type)
            .bind(&row.secret_digest)
            .bind(&row.oidc_client_metadata)
            .bind(&row.custom_client_metadata)
            .bind(&row.custom_data)
            .bind(row.is_third_party)
            .bind(row.created_at)
            .execute(c))?;
        for role_id in &new.role_ids {
            dispatch_tx_exec!(&mut tx, c => sqlx::query(GRANT_ROLE)
                .bind(&row.tenant_id)
                .bind(&row.id)
                .bind(role_id)
                .execute(c))?;
        }
        tx.commit().await
    }

    /// Creates the application or replaces its secret, and grants the roles (bootstrap credential).
    pub async fn application_upsert_with_roles(
        &self,
        new: &NewApplication,
    ) -> Result<(), StorageError> {
        const UPSERT: &str = "INSERT INTO applications (tenant_id, id, name, description, type, \
             secret_digest, oidc_client_metadata, custom_client_metadata, custom_data, \
             is_third_party, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (id) DO UPDATE SET secret_digest = excluded.secret_digest";
        let row = &new.row;
        let mut tx = self.begin().await?;
        tx.writes(Change::ClientGrants);
        dispatch_tx_exec!(&mut tx, c => sqlx::query(UPSERT)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.app_type)
            .bind(&row.secret_digest)
            .bind(&row.oidc_client_metadata)
            .bind(&row.custom_client_metadata)
            .bind(&row.custom_data)
            .bind(row.is_third_party)
            .bind(row.created_at)
            .execute(c))?;
        for role_id in &new.role_ids {
            dispatch_tx_exec!(&mut tx, c => sqlx::query(GRANT_ROLE)
                .bind(&row.tenant_id)
                .bind(&row.id)
                .bind(role_id)
                .execute(c))?;
        }
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
