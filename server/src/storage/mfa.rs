//! `user_mfa_verifications`: a user's MFA factors.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MfaVerificationRow {
    pub tenant_id: String,
    pub id: String,
    pub user_id: String,
    #[sqlx(rename = "type")]
    pub kind: String,
    pub secret: String,
    pub created_at: i64,
}

impl Store {
    pub async fn mfa_list(
        &self,
        tenant: &str,
        user_id: &str,
    ) -> Result<Vec<MfaVerificationRow>, StorageError> {
        const SQL: &str = "SELECT tenant_id, id, user_id, type, secret, created_at \
             FROM user_mfa_verifications WHERE tenant_id = $1 AND user_id = $2 \
             ORDER BY created_at, id";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, MfaVerificationRow>(SQL)
            .bind(tenant)
            .bind(user_id)
            .fetch_all(p))?,
        )
    }

    /// Adds the factor unless the user already has one of that type (`false` then), in one
    /// statement so two concurrent requests cannot both add one.
    pub async fn mfa_insert_unique(&self, row: &MfaVerificationRow) -> Result<bool, StorageError> {
        const SQL: &str = "INSERT INTO user_mfa_verifications (tenant_id, id, user_id, type, \
             secret, created_at) SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM \
             user_mfa_verifications WHERE tenant_id = $1 AND user_id = $3 AND type = $4)";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.user_id)
            .bind(&row.kind)
            .bind(&row.secret)
            .bind(row.created_at)
            .execute(p))?;
        Ok(done == 1)
    }

    pub async fn mfa_delete(
        &self,
        tenant: &str,
        user_id: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str =
            "DELETE FROM user_mfa_verifications WHERE tenant_id = $1 AND user_id = $2 AND id = $3";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(user_id)
            .bind(id)
            .execute(p))?;
        Ok(done > 0)
    }
}
