//! `sso_connectors`: enterprise SSO connections (OIDC or SAML) and the organizations that
//! provision their users just in time.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SsoConnectorRow {
    pub tenant_id: String,
    pub id: String,
    pub provider_name: String,
    pub connector_name: String,
    pub config: String,
    pub domains: String,
    pub branding: String,
    pub sync_profile: bool,
    pub enable_token_storage: bool,
    pub created_at: i64,
}

/// Fields to change; `None` keeps the stored value.
#[derive(Clone, Debug, Default)]
pub struct SsoConnectorPatch {
    pub connector_name: Option<String>,
    pub config: Option<String>,
    pub domains: Option<String>,
    pub branding: Option<String>,
    pub sync_profile: Option<bool>,
}

const COLUMNS: &str = "tenant_id, id, provider_name, connector_name, config, domains, branding, \
                       sync_profile, enable_token_storage, created_at";

impl Store {
    pub async fn sso_connector_insert(&self, row: &SsoConnectorRow) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO sso_connectors (tenant_id, id, provider_name, \
             connector_name, config, domains, branding, sync_profile, enable_token_storage, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.provider_name)
            .bind(&row.connector_name)
            .bind(&row.config)
            .bind(&row.domains)
            .bind(&row.branding)
            .bind(row.sync_profile)
            .bind(row.enable_token_storage)
            .bind(row.created_at)
            .execute(p))?;
        Ok(())
    }

    pub async fn sso_connector_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<SsoConnectorRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM sso_connectors WHERE tenant_id = $1 AND id = $2");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, SsoConnectorRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    /// Connectors in creation order.
    pub async fn sso_connector_list(
        &self,
        tenant: &str,
        page: Option<Page>,
    ) -> Result<Paged<SsoConnectorRow>, StorageError> {
        let list = ListQuery {
            columns: COLUMNS,
            from: "sso_connectors WHERE tenant_id = $1",
            order_by: "created_at, id",
        };
        fetch_paged(&self.db, list, &[Some(tenant)], page).await
    }

    /// The connectors an organization provisions from, in creation order.
    pub async fn organization_jit_sso_connector_list(
        &self,
        tenant: &str,
        organization_id: &str,
    ) -> Result<Vec<SsoConnectorRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM sso_connectors WHERE tenant_id = $1 AND id IN ( \
               SELECT sso_connector_id FROM organization_jit_sso_connectors \
               WHERE tenant_id = $1 AND organization_id = $2) \
             ORDER BY created_at, id"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, SsoConnectorRow>(&sql)
            .bind(tenant)
            .bind(organization_id)
            .fetch_all(p))?,
        )
    }

    pub async fn sso_connector_update(
        &self,
        tenant: &str,
        id: &str,
        patch: &SsoConnectorPatch,
    ) -> Result<Option<SsoConnectorRow>, StorageError> {
        let sql = format!(
            "UPDATE sso_connectors SET connector_name = COALESCE($3, connector_name), \
               config = COALESCE($4, config), domains = COALESCE($5, domains), \
               branding = COALESCE($6, branding), sync_profile = COALESCE($7, sync_profile) \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, SsoConnectorRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(&patch.connector_name)
            .bind(&patch.config)
            .bind(&patch.domains)
            .bind(&patch.branding)
            .bind(patch.sync_profile)
            .fetch_optional(p))?,
        )
    }

    pub async fn sso_connector_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM sso_connectors WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }
}
