//! `verification_codes` and `verification_code_sends`: email codes and the sends counted per
//! recipient. A wrong guess counts in one statement; a right one is consumed by compare-and-set.

use super::db::{Store, dispatch, dispatch_exec, dispatch_tx_exec};
use super::error::StorageError;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct VerificationCodeRow {
    pub tenant_id: String,
    pub id: String,
    pub email: String,
    #[sqlx(rename = "type")]
    pub kind: String,
    pub code_digest: String,
    pub try_count: i64,
    pub consumed_at: Option<i64>,
    pub created_at: i64,
}

impl Store {
    /// How many codes went to `recipient` since `since`.
    pub async fn verification_sends_since(
        &self,
        tenant: &str,
        recipient: &str,
        since: i64,
    ) -> Result<i64, StorageError> {
        const SQL: &str = "SELECT COUNT(*) FROM verification_code_sends WHERE tenant_id = $1 \
             AND recipient = $2 AND sent_at > $3";
        Ok(dispatch!(&self.db, p => sqlx::query_scalar::<_, i64>(SQL)
            .bind(tenant)
            .bind(recipient)
            .bind(since)
            .fetch_one(p))?)
    }

    /// Stores a new code in place of the unconsumed ones for the same address and purpose, and
    /// counts the send, in one transaction; sends older than `sweep_before` are forgotten.
    pub async fn verification_code_replace(
        &self,
        row: &VerificationCodeRow,
        sweep_before: i64,
    ) -> Result<(), StorageError> {
        const DELETE: &str = "DELETE FROM verification_codes WHERE tenant_id = $1 AND email = $2 \
             AND type = $3 AND consumed_at IS NULL";
        const INSERT: &str = "INSERT INTO verification_codes (tenant_id, id, email, type, \
             code_digest, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
        const SWEEP: &str = "DELETE FROM verification_code_sends WHERE sent_at < $1";
        const SEND: &str = "INSERT INTO verification_code_sends (tenant_id, recipient, sent_at) VALUES ($1, $2, $3)";
        let mut tx = self.begin().await?;
        dispatch_tx_exec!(tx, c => sqlx::query(DELETE)
            .bind(&row.tenant_id)
            .bind(&row.email)
            .bind(&row.kind)
            .execute(c))?;
        dispatch_tx_exec!(tx, c => sqlx::query(INSERT)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.email)
            .bind(&row.kind)
            .bind(&row.code_digest)
            .bind(row.created_at)
            .execute(c))?;
        dispatch_tx_exec!(tx, c => sqlx::query(SWEEP).bind(sweep_before).execute(c))?;
        dispatch_tx_exec!(tx, c => sqlx::query(SEND)
            .bind(&row.tenant_id)
            .bind(&row.email)
            .bind(row.created_at)
            .execute(c))?;
        tx.commit().await
    }

    /// The newest unconsumed code for the address and purpose.
    pub async fn verification_code_latest(
        &self,
        tenant: &str,
        email: &str,
        kind: &str,
    ) -> Result<Option<VerificationCodeRow>, StorageError> {
        const SQL: &str = "SELECT tenant_id, id, email, type, code_digest, try_count, \
             consumed_at, created_at FROM verification_codes WHERE tenant_id = $1 AND email = $2 \
             AND type = $3 AND consumed_at IS NULL ORDER BY created_at DESC, id LIMIT 1";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, VerificationCodeRow>(SQL)
            .bind(tenant)
            .bind(email)
            .bind(kind)
            .fetch_optional(p))?,
        )
    }

    /// Counts a wrong guess.
    pub async fn verification_code_missed(&self, id: &str) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE verification_codes SET try_count = try_count + 1 WHERE id = $1";
        dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(id).execute(p))?;
        Ok(())
    }

    /// Consumes the code unless it was consumed already (`false` then).
    pub async fn verification_code_consume(
        &self,
        id: &str,
        now: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE verification_codes SET consumed_at = $2 WHERE id = $1 \
             AND consumed_at IS NULL";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(id).bind(now).execute(p))?;
        Ok(done == 1)
    }
}
