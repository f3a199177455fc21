//! Single-purpose writes of one user's account: the password, the suspension (which ends the
//! user's sessions and grants with it), and read-modify-write edits of a JSON column.

use super::db::{Store, dispatch, dispatch_tx, dispatch_tx_exec};
use super::error::StorageError;
use super::json_columns::JsonColumn;
use super::users::{COLUMNS, UserRow};

/// A user's JSON column an admin can merge keys into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserJson {
    Profile,
    CustomData,
}

impl UserJson {
    fn column(self) -> &'static str {
        match self {
            UserJson::Profile => "profile",
            UserJson::CustomData => "custom_data",
        }
    }
}

impl Store {
    /// Stores a new password hash; the user, or `None` when it does not exist.
    pub async fn user_set_password(
        &self,
        tenant: &str,
        id: &str,
        hash: &str,
        now: i64,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!(
            "UPDATE users SET password_encrypted = $3, updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(hash)
            .bind(now)
            .fetch_optional(p))?)
    }

    /// Sets the suspension; suspending deletes the user's sessions, grants (their codes and
    /// tokens go by cascade) and sign-ins waiting for consent in the same transaction, so no
    /// refresh token outlives it.
    pub async fn user_set_suspended(
        &self,
        tenant: &str,
        id: &str,
        suspended: bool,
        now: i64,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!(
            "UPDATE users SET is_suspended = $3, updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        const SESSIONS: &str = "DELETE FROM oidc_sessions WHERE tenant_id = $1 AND user_id = $2";
        const GRANTS: &str = "DELETE FROM oidc_grants WHERE tenant_id = $1 AND user_id = $2";
        // Sign-ins waiting for consent, so none of them turns into a new session.
        const PENDING: &str = "DELETE FROM oidc_interactions WHERE tenant_id = $1 AND user_id = $2";
        let mut tx = self.begin().await?;
        let row = dispatch_tx!(&mut tx, c => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(suspended)
            .bind(now)
            .fetch_optional(c))?;
        if row.is_some() && suspended {
            for sql in [SESSIONS, GRANTS, PENDING] {
                dispatch_tx_exec!(&mut tx, c => sqlx::query(sql)
                    .bind(tenant)
                    .bind(id)
                    .execute(c))?;
            }
        }
        tx.commit().await?;
        Ok(row)
    }

    /// A password reset by its owner: the new hash, and every session, grant (so refresh
    /// tokens) and sign-in waiting for consent of the user ended in the same transaction — a
    /// reset after a stolen password leaves the thief nothing. `false` for an unknown user.
    pub async fn user_reset_password(
        &self,
        tenant: &str,
        id: &str,
        hash: &str,
        now: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE users SET password_encrypted = $3, \
             password_encryption_method = 'Argon2i', updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2";
        const ENDED: [&str; 3] = [
            "DELETE FROM oidc_sessions WHERE tenant_id = $1 AND user_id = $2",
            "DELETE FROM oidc_grants WHERE tenant_id = $1 AND user_id = $2",
            "DELETE FROM oidc_interactions WHERE tenant_id = $1 AND user_id = $2",
        ];
        let mut tx = self.begin().await?;
        let done = dispatch_tx_exec!(&mut tx, c => sqlx::query(SQL)
            .bind(tenant)
            .bind(id)
            .bind(hash)
            .bind(now)
            .execute(c))?;
        if done > 0 {
            for sql in ENDED {
                dispatch_tx_exec!(&mut tx, c => sqlx::query(sql)
                    .bind(tenant)
                    .bind(id)
                    .execute(c))?;
            }
        }
        tx.commit().await?;
        Ok(done > 0)
    }

    /// Rewrites a JSON column with `edit(stored text)` in one transaction, the row locked
    /// meanwhile, so two merges never lose each other's keys. The new text, or `None` when the
    /// user does not exist; an edit that fails writes nothing.
    pub async fn user_edit_json<E: From<StorageError>>(
        &self,
        tenant: &str,
        id: &str,
        column: UserJson,
        now: i64,
        edit: impl FnOnce(&str) -> Result<String, E>,
    ) -> Result<Option<String>, E> {
        let target = JsonColumn {
            table: "users",
            column: column.column(),
            tenant,
            id,
            updated_at: Some(now),
            change: None,
        };
        self.edit_json_column(target, edit).await
    }
}
