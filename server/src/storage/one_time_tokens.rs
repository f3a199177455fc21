//! One-time tokens (Logto's `one_time_tokens`): kept as the SHA-256 digest of the token. A
//! stored `active` past its expiry is read as `expired`.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
use super::pagination::{Page, Paged};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OneTimeTokenRow {
    pub tenant_id: String,
    pub id: String,
    pub email: String,
    pub token_digest: String,
    /// JSON.
    pub context: String,
    pub status: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// `$2` is now.
const COLUMNS: &str = "tenant_id, id, email, token_digest, context, \
     CASE WHEN status = 'active' AND expires_at <= $2 THEN 'expired' ELSE status END AS status, \
     created_at, expires_at";

impl Store {
    /// Inserts the token (bound to `invitation_id` for an invitation's link), first marking
    /// the address's expired active tokens `expired`.
    pub async fn one_time_token_insert(
        &self,
        row: &OneTimeTokenRow,
        invitation_id: Option<&str>,
    ) -> Result<(), StorageError> {
        const EXPIRE: &str = "UPDATE one_time_tokens SET status = 'expired' WHERE tenant_id = $1 \
             AND email = $2 AND status = 'active' AND expires_at <= $3";
        const SQL: &str = "INSERT INTO one_time_tokens (tenant_id, id, email, token_digest, \
             context, status, created_at, expires_at, invitation_id) \
             VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8)";
        dispatch_exec!(&self.db, p => sqlx::query(EXPIRE)
            .bind(&row.tenant_id)
            .bind(&row.email)
            .bind(row.created_at)
            .execute(p))?;
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.email)
            .bind(&row.token_digest)
            .bind(&row.context)
            .bind(row.created_at)
            .bind(row.expires_at)
            .bind(invitation_id)
            .execute(p))?;
        Ok(())
    }

    /// Revokes the active links of an invitation (a new link replaces them; an ended
    /// invitation keeps none).
    pub async fn one_time_tokens_revoke_for_invitation(
        &self,
        tenant: &str,
        invitation_id: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE one_time_tokens SET status = 'revoked' WHERE tenant_id = $1 \
             AND invitation_id = $2 AND status = 'active'";
        dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(invitation_id).execute(p))?;
        Ok(())
    }

    pub async fn one_time_token_find(
        &self,
        tenant: &str,
        id: &str,
        now: i64,
    ) -> Result<Option<OneTimeTokenRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM one_time_tokens WHERE tenant_id = $1 AND id = $3");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OneTimeTokenRow>(&sql)
            .bind(tenant)
            .bind(now)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    pub async fn one_time_token_find_by_digest(
        &self,
        tenant: &str,
        digest: &str,
        now: i64,
    ) -> Result<Option<OneTimeTokenRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM one_time_tokens WHERE tenant_id = $1 AND token_digest = $3"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OneTimeTokenRow>(&sql)
            .bind(tenant)
            .bind(now)
            .bind(digest)
            .fetch_optional(p))?,
        )
    }

    /// Newest first, filtered by the stored email and status (as Logto); with `page`, that
    /// page and the count of the filtered rows.
    pub async fn one_time_token_list(
        &self,
        tenant: &str,
        email: Option<&str>,
        status: Option<&str>,
        now: i64,
        page: Option<Page>,
    ) -> Result<Paged<OneTimeTokenRow>, StorageError> {
        const FROM: &str = "one_time_tokens WHERE tenant_id = $1 AND ($3 IS NULL OR email = $3) \
             AND ($4 IS NULL OR status = $4)";
        let limit = if page.is_some() {
            " LIMIT $5 OFFSET $6"
        } else {
            ""
        };
        let sql = format!("SELECT {COLUMNS} FROM {FROM} ORDER BY created_at DESC, id{limit}");
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, OneTimeTokenRow>(&sql)
                .bind(tenant)
                .bind(now)
                .bind(email)
                .bind(status);
            if let Some(page) = page {
                q = q.bind(page.limit()).bind(page.offset());
            }
            q.fetch_all(p)
        })?;
        if page.is_none() {
            return Ok(Paged::all(items));
        }
        // `$2` is not used by the count: every placeholder of FROM still gets its value.
        let count_sql = format!("SELECT COUNT(*) FROM {FROM} AND $2 = $2");
        let total: i64 = dispatch!(&self.db, p => sqlx::query_scalar(&count_sql)
            .bind(tenant)
            .bind(now)
            .bind(email)
            .bind(status)
            .fetch_one(p))?;
        Ok(Paged { items, total })
    }

    /// Sets the stored status from `from` (any when `None`) to `to`: `false` when the token
    /// is gone or was not in `from` (a concurrent verify took it).
    pub async fn one_time_token_set_status(
        &self,
        tenant: &str,
        id: &str,
        from: Option<&str>,
        to: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE one_time_tokens SET status = $4 WHERE tenant_id = $1 \
             AND id = $2 AND ($3 IS NULL OR status = $3)";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(id)
            .bind(from)
            .bind(to)
            .execute(p))?;
        Ok(done > 0)
    }

    pub async fn one_time_token_delete(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM one_time_tokens WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }
}
