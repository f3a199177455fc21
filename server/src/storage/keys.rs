//! `signing_keys`: private keys for JWT signing, newest first in use.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SigningKeyRow {
    pub tenant_id: String,
    pub id: String,
    pub alg: String,
    pub private_key: String,
    pub public_jwk: String,
    pub created_at: i64,
    /// When the key starts signing (epoch ms); `None` for keys made before rotations were
    /// staged, which signed from their creation.
    pub activates_at: Option<i64>,
}

impl Store {
    /// All keys of the tenant, oldest first; the last one signs.
    pub async fn signing_key_list(&self, tenant: &str) -> Result<Vec<SigningKeyRow>, StorageError> {
        const SQL: &str = "SELECT tenant_id, id, alg, private_key, public_jwk, created_at, \
             activates_at FROM signing_keys WHERE tenant_id = $1 ORDER BY created_at, id";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, SigningKeyRow>(SQL)
            .bind(tenant)
            .fetch_all(p))?,
        )
    }

    pub async fn signing_key_insert(&self, row: &SigningKeyRow) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO signing_keys (tenant_id, id, alg, private_key, public_jwk, \
             created_at, activates_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.alg)
            .bind(&row.private_key)
            .bind(&row.public_jwk)
            .bind(row.created_at)
            .bind(row.activates_at)
            .execute(p))?;
        Ok(())
    }

    /// What changes whenever a key is added or removed: the key count and the newest key's
    /// creation time. Each replica polls it to learn of rotations made elsewhere.
    pub async fn signing_key_revision(&self, tenant: &str) -> Result<(i64, i64), StorageError> {
        const SQL: &str = "SELECT COUNT(*), COALESCE(MAX(created_at), 0) FROM signing_keys \
             WHERE tenant_id = $1";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, (i64, i64)>(SQL)
            .bind(tenant)
            .fetch_one(p))?,
        )
    }

    /// Deletes one key; `false` when there was none with this id.
    pub async fn signing_key_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM signing_keys WHERE tenant_id = $1 AND id = $2";
        let n = dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(n > 0)
    }
}
