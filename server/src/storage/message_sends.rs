//! Messages sent per recipient (`verification_code_sends`), for Logto's limit of 10 in 600 s
//! per address shared by every kind of mail (codes, invitations): counted and recorded in the
//! caller's transaction, which concurrent sends to the address wait for.

use super::db::{Store, Tx, dispatch_tx, dispatch_tx_exec};
use super::error::StorageError;
use super::relations::lock_owners;

/// One send to count: `max` may have gone to `recipient` (lower case) since `window_start`.
#[derive(Clone, Copy, Debug)]
pub struct SendLimit<'a> {
    pub recipient: &'a str,
    pub window_start: i64,
    pub max: i64,
    pub now: i64,
}

/// Records the send unless the recipient had `max` in the window (`false` then, nothing
/// written). Sends older than the window are swept on the way.
pub(super) async fn take_send(
    tx: &mut Tx,
    tenant: &str,
    limit: SendLimit<'_>,
) -> Result<bool, StorageError> {
    const COUNT: &str = "SELECT COUNT(*) FROM verification_code_sends WHERE tenant_id = $1 \
         AND recipient = $2 AND sent_at > $3";
    const SWEEP: &str = "DELETE FROM verification_code_sends WHERE sent_at < $1";
    const SEND: &str =
        "INSERT INTO verification_code_sends (tenant_id, recipient, sent_at) VALUES ($1, $2, $3)";
    // SQLite's write transaction already serializes; PostgreSQL waits on the address.
    let key = format!("verification:{tenant}:{}", limit.recipient);
    lock_owners(tx, &[&[key.as_str()]]).await?;
    let sent: i64 = dispatch_tx!(tx, c => sqlx::query_scalar(COUNT)
        .bind(tenant)
        .bind(limit.recipient)
        .bind(limit.window_start)
        .fetch_one(c))?;
    if sent >= limit.max {
        return Ok(false);
    }
    dispatch_tx_exec!(tx, c => sqlx::query(SWEEP).bind(limit.window_start).execute(c))?;
    dispatch_tx_exec!(tx, c => sqlx::query(SEND)
        .bind(tenant)
        .bind(limit.recipient)
        .bind(limit.now)
        .execute(c))?;
    Ok(true)
}

impl Store {
    /// [`take_send`] in a transaction of its own (a message resent).
    pub async fn message_send_take(
        &self,
        tenant: &str,
        limit: SendLimit<'_>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin().await?;
        if !take_send(&mut tx, tenant, limit).await? {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }
}
