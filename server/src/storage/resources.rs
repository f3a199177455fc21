//! `resources` (API resources addressed by their indicator).

use super::{StorageError, Store, dispatch, dispatch_exec};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ResourceRow {
    pub id: String,
    pub indicator: String,
    pub access_token_ttl: i64,
}

/// Id of the seeded Management API resource (migrations/*/0001_init.sql).
pub const MANAGEMENT_API_RESOURCE_ID: &str = "management-api";
/// Id of the seeded M2M role holding the Management API's `all` permission.
pub const MANAGEMENT_API_ROLE_ID: &str = "management-api-access";

impl Store {
    pub async fn resource_find_by_indicator(
        &self,
        tenant: &str,
        indicator: &str,
    ) -> Result<Option<ResourceRow>, StorageError> {
        const SQL: &str = "SELECT id, indicator, access_token_ttl FROM resources \
             WHERE tenant_id = $1 AND indicator = $2";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, ResourceRow>(SQL)
            .bind(tenant)
            .bind(indicator)
            .fetch_optional(p))?,
        )
    }

    /// Points the seeded Management API resource at the configured indicator.
    pub async fn resource_set_management_indicator(
        &self,
        indicator: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE resources SET indicator = $2 WHERE tenant_id = $1 AND id = $3";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(super::DEFAULT_TENANT)
            .bind(indicator)
            .bind(MANAGEMENT_API_RESOURCE_ID)
            .execute(p))?;
        Ok(())
    }
}
