//! The tenant's configuration values (`logto_configs`, one JSON text per key: the ID token's
//! claims, …). A write counts as [`Change::Config`], which the config cache compares.

use super::changes::Change;
use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

impl Store {
    /// A tenant configuration value (`logto_configs`), as stored JSON text.
    pub async fn config_get(
        &self,
        tenant: &str,
        key: &str,
    ) -> Result<Option<String>, StorageError> {
        const SQL: &str = "SELECT value FROM logto_configs WHERE tenant_id = $1 AND key = $2";
        Ok(dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(key)
            .fetch_optional(p))?)
    }

    /// Writes a tenant configuration value (`logto_configs`), replacing any previous one.
    pub async fn config_set(
        &self,
        tenant: &str,
        key: &str,
        value: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO logto_configs (tenant_id, key, value) VALUES ($1, $2, $3) \
             ON CONFLICT (tenant_id, key) DO UPDATE SET value = excluded.value";
        let stored = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(key)
            .bind(value)
            .execute(p));
        self.wrote(Change::Config, stored)?;
        Ok(())
    }
}
