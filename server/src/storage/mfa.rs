//! `user_mfa_verifications`: a user's MFA factors. Writes that consume a factor (a TOTP time
//! step, a backup code, a passkey's counter) compare and set in one statement, so two requests
//! racing with the same code cannot both succeed.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MfaVerificationRow {
    pub tenant_id: String,
    pub id: String,
    pub user_id: String,
    #[sqlx(rename = "type")]
    pub kind: String,
    /// TOTP key (base32), backup codes (JSON, digests) or the passkey (JSON).
    pub secret: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    /// TOTP: the time step of the last accepted code.
    pub last_used_step: Option<i64>,
    /// Passkeys: `{credentialId, rpId, agent, name}` (JSON).
    pub details: String,
}

const COLUMNS: &str =
    "tenant_id, id, user_id, type, secret, created_at, last_used_at, last_used_step, details";

impl Store {
    pub async fn mfa_list(
        &self,
        tenant: &str,
        user_id: &str,
    ) -> Result<Vec<MfaVerificationRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM user_mfa_verifications WHERE tenant_id = $1 AND user_id = $2 \
             ORDER BY created_at, id"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, MfaVerificationRow>(&sql)
            .bind(tenant)
            .bind(user_id)
            .fetch_all(p))?,
        )
    }

    /// Adds the user's authenticator app unless they have one (`false` then); the `one_totp`
    /// unique index keeps it so under concurrent writes.
    pub async fn mfa_insert_totp(&self, row: &MfaVerificationRow) -> Result<bool, StorageError> {
        const SQL: &str = "INSERT INTO user_mfa_verifications (tenant_id, id, user_id, type, \
             secret, created_at, details) VALUES ($1, $2, $3, 'Totp', $4, $5, '{}') \
             ON CONFLICT (tenant_id, user_id) WHERE type = 'Totp' DO NOTHING";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.user_id)
            .bind(&row.secret)
            .bind(row.created_at)
            .execute(p))?;
        Ok(done == 1)
    }

    /// Adds a passkey unless its credential is registered already (to anyone: `false`).
    pub async fn mfa_insert_passkey(
        &self,
        row: &MfaVerificationRow,
        credential_id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "INSERT INTO user_mfa_verifications (tenant_id, id, user_id, type, \
             secret, created_at, details, credential_id) VALUES ($1, $2, $3, 'WebAuthn', $4, $5, \
             $6, $7) ON CONFLICT (tenant_id, credential_id) DO NOTHING";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.user_id)
            .bind(&row.secret)
            .bind(row.created_at)
            .bind(&row.details)
            .bind(credential_id)
            .execute(p))?;
        Ok(done == 1)
    }

    /// A new set of backup codes replaces the user's old one, in one statement (the set's
    /// unique index is the conflict).
    pub async fn mfa_replace_backup_codes(
        &self,
        row: &MfaVerificationRow,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO user_mfa_verifications (tenant_id, id, user_id, type, \
             secret, created_at, details) VALUES ($1, $2, $3, 'BackupCode', $4, $5, '{}') \
             ON CONFLICT (tenant_id, user_id) WHERE type = 'BackupCode' DO UPDATE SET \
             id = excluded.id, secret = excluded.secret, created_at = excluded.created_at, \
             last_used_at = NULL";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.user_id)
            .bind(&row.secret)
            .bind(row.created_at)
            .execute(p))?;
        Ok(())
    }

    /// Accepts a TOTP code of time step `step` only if it is newer than the last accepted one.
    pub async fn mfa_accept_totp_step(
        &self,
        id: &str,
        step: i64,
        now: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE user_mfa_verifications SET last_used_step = $2, \
             last_used_at = $3 WHERE id = $1 AND type = 'Totp' \
             AND (last_used_step IS NULL OR last_used_step < $2)";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id)
            .bind(step)
            .bind(now)
            .execute(p))?;
        Ok(done == 1)
    }

    /// Replaces the factor's stored secret only if it is still `old` (a used backup code, a
    /// passkey's new counter); `false` when another request changed it first.
    pub async fn mfa_swap_secret(
        &self,
        id: &str,
        old: &str,
        new: &str,
        now: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE user_mfa_verifications SET secret = $3, last_used_at = $4 \
             WHERE id = $1 AND secret = $2";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id)
            .bind(old)
            .bind(new)
            .bind(now)
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
