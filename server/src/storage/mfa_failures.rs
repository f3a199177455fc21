//! `user_mfa_failures`: failed MFA codes per user, in a window of time, and the lockout they
//! lead to. Shared by every replica (a user's attempts may land on any of them).

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

impl Store {
    /// When the user's MFA is locked until (epoch ms), if it is locked at `now`.
    pub async fn mfa_locked_until(
        &self,
        tenant: &str,
        user_id: &str,
        now: i64,
    ) -> Result<Option<i64>, StorageError> {
        const SQL: &str = "SELECT locked_until FROM user_mfa_failures WHERE tenant_id = $1 \
             AND user_id = $2 AND locked_until > $3";
        let found: Option<Option<i64>> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(user_id)
            .bind(now)
            .fetch_optional(p))?;
        Ok(found.flatten())
    }

    /// Counts one failure in one statement: a window older than `window_ms` (or a lockout
    /// that has ended) starts again at one; reaching `max` locks until `now + lockout_ms`.
    /// Returns the lockout's end when this failure caused or met one.
    pub async fn mfa_count_failure(
        &self,
        tenant: &str,
        user_id: &str,
        now: i64,
        limits: (i64, i64, i64),
    ) -> Result<Option<i64>, StorageError> {
        let (max, window_ms, lockout_ms) = limits;
        const SQL: &str = "INSERT INTO user_mfa_failures (tenant_id, user_id, window_started_at, \
             failures, locked_until) VALUES ($1, $2, CAST($3 AS BIGINT), 1, CASE WHEN 1 >= CAST($4 AS BIGINT) THEN CAST($3 AS BIGINT) + CAST($6 AS BIGINT) END) \
             ON CONFLICT (tenant_id, user_id) DO UPDATE SET \
             window_started_at = CASE WHEN user_mfa_failures.window_started_at <= CAST($3 AS BIGINT) - CAST($5 AS BIGINT) \
               OR user_mfa_failures.locked_until <= CAST($3 AS BIGINT) THEN CAST($3 AS BIGINT) \
               ELSE user_mfa_failures.window_started_at END, \
             failures = CASE WHEN user_mfa_failures.window_started_at <= CAST($3 AS BIGINT) - CAST($5 AS BIGINT) \
               OR user_mfa_failures.locked_until <= CAST($3 AS BIGINT) THEN 1 \
               ELSE user_mfa_failures.failures + 1 END, \
             locked_until = CASE \
               WHEN user_mfa_failures.locked_until > CAST($3 AS BIGINT) THEN user_mfa_failures.locked_until \
               WHEN user_mfa_failures.window_started_at > CAST($3 AS BIGINT) - CAST($5 AS BIGINT) \
                 AND (user_mfa_failures.locked_until IS NULL \
                   OR user_mfa_failures.locked_until > CAST($3 AS BIGINT)) \
                 AND user_mfa_failures.failures + 1 >= CAST($4 AS BIGINT) THEN CAST($3 AS BIGINT) + CAST($6 AS BIGINT) \
               ELSE NULL END";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(user_id)
            .bind(now)
            .bind(max)
            .bind(window_ms)
            .bind(lockout_ms)
            .execute(p))?;
        self.mfa_locked_until(tenant, user_id, now).await
    }
}
