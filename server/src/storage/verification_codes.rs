//! `verification_codes` and `verification_code_sends`: email codes and the sends counted per
//! recipient. Every guess is counted before it is compared (one statement), and a right one is
//! consumed by compare-and-set.

use super::db::{Store, dispatch, dispatch_exec, dispatch_tx_exec};
use super::error::StorageError;
use super::message_sends::{SendLimit, take_send};

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
    /// Stores a new code in place of the unconsumed ones for the same address and purpose and
    /// counts the send — unless `max_sends` went to the address since `window_start` (`false`
    /// then) — in one transaction that concurrent sends to the address wait for. Used and
    /// expired codes and sends older than the window are swept on the way.
    pub async fn verification_code_replace(
        &self,
        row: &VerificationCodeRow,
        window_start: i64,
        max_sends: i64,
    ) -> Result<bool, StorageError> {
        const DELETE: &str = "DELETE FROM verification_codes WHERE tenant_id = $1 AND email = $2 \
             AND type = $3 AND consumed_at IS NULL";
        const SWEEP_CODES: &str = "DELETE FROM verification_codes WHERE tenant_id = $1 \
             AND (consumed_at IS NOT NULL OR created_at < $2)";
        const INSERT: &str = "INSERT INTO verification_codes (tenant_id, id, email, type, \
             code_digest, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
        let mut tx = self.begin().await?;
        let limit = SendLimit {
            recipient: &row.email,
            window_start,
            max: max_sends,
            now: row.created_at,
        };
        if !take_send(&mut tx, &row.tenant_id, limit).await? {
            return Ok(false);
        }
        dispatch_tx_exec!(tx, c => sqlx::query(DELETE)
            .bind(&row.tenant_id)
            .bind(&row.email)
            .bind(&row.kind)
            .execute(c))?;
        dispatch_tx_exec!(tx, c => sqlx::query(SWEEP_CODES)
            .bind(&row.tenant_id)
            .bind(window_start)
            .execute(c))?;
        dispatch_tx_exec!(tx, c => sqlx::query(INSERT)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.email)
            .bind(&row.kind)
            .bind(&row.code_digest)
            .bind(row.created_at)
            .execute(c))?;
        tx.commit().await?;
        Ok(true)
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

    /// Takes one guess of the code, in one statement: `false` when it is used, too old
    /// (created before `not_before`) or out of guesses. Concurrent guesses each take their
    /// own, so no more than `max_tries` are ever compared.
    pub async fn verification_code_take_try(
        &self,
        id: &str,
        max_tries: i64,
        not_before: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE verification_codes SET try_count = try_count + 1 WHERE id = $1 \
             AND consumed_at IS NULL AND try_count < $2 AND created_at >= $3";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id)
            .bind(max_tries)
            .bind(not_before)
            .execute(p))?;
        Ok(done == 1)
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

    /// Wrong codes typed for `recipient` since `since`.
    pub async fn verification_code_failures(
        &self,
        tenant: &str,
        recipient: &str,
        since: i64,
    ) -> Result<i64, StorageError> {
        const SQL: &str = "SELECT COUNT(*) FROM verification_code_failures \
             WHERE tenant_id = $1 AND recipient = $2 AND failed_at >= $3";
        Ok(dispatch!(&self.db, p => sqlx::query_scalar::<_, i64>(SQL)
            .bind(tenant)
            .bind(recipient)
            .bind(since)
            .fetch_one(p))?)
    }

    /// Counts one wrong code for `recipient`; rows older than `sweep_before` go.
    pub async fn verification_code_failure_record(
        &self,
        tenant: &str,
        recipient: &str,
        now: i64,
        sweep_before: i64,
    ) -> Result<(), StorageError> {
        const SWEEP: &str = "DELETE FROM verification_code_failures WHERE failed_at < $1";
        const SQL: &str = "INSERT INTO verification_code_failures (tenant_id, recipient, \
             failed_at) VALUES ($1, $2, $3)";
        dispatch_exec!(&self.db, p => sqlx::query(SWEEP).bind(sweep_before).execute(p))?;
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(recipient)
            .bind(now)
            .execute(p))?;
        Ok(())
    }
}
