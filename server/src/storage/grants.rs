//! Grants and what hangs off them: authorization codes, refresh tokens and opaque access
//! tokens. Codes and tokens are keyed by their SHA-256 digest. Deleting a grant (reuse
//! detected, logout, revocation) deletes everything it issued, by cascade.

use super::db::{Store, dispatch, dispatch_exec, dispatch_tx_exec};
use super::error::StorageError;
use super::users::{U_COLUMNS, UserRow};

/// Read through [`GRANT_COLUMNS`], whose aliases keep a grant's columns apart from those of
/// the token or user joined to it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct GrantRow {
    #[sqlx(rename = "grant_id")]
    pub id: String,
    #[sqlx(rename = "grant_tenant_id")]
    pub tenant_id: String,
    pub client_id: String,
    pub user_id: String,
    pub scopes: String,
    pub resources: String,
    pub nonce: Option<String>,
    pub auth_time: i64,
    #[sqlx(rename = "grant_created_at")]
    pub created_at: i64,
    #[sqlx(rename = "grant_expires_at")]
    pub expires_at: i64,
}

#[derive(Clone, Debug)]
pub struct CodeRow {
    pub code_digest: String,
    pub redirect_uri: String,
    pub code_challenge: Option<String>,
    pub expires_at: i64,
}

/// An authorization code with its grant.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CodeGrant {
    #[sqlx(flatten)]
    pub grant: GrantRow,
    pub redirect_uri: String,
    pub code_challenge: Option<String>,
    pub consumed_at: Option<i64>,
    pub code_expires_at: i64,
}

/// A refresh token with its grant.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RefreshGrant {
    #[sqlx(flatten)]
    pub grant: GrantRow,
    pub token_created_at: i64,
    pub token_expires_at: i64,
    pub consumed_at: Option<i64>,
}

/// A refresh token with its grant and the grant's user (the refresh hot path: one query).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RefreshGrantUser {
    #[sqlx(flatten)]
    pub token: RefreshGrant,
    #[sqlx(flatten)]
    pub user: UserRow,
}

/// An opaque access token with its grant.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AccessGrant {
    #[sqlx(flatten)]
    pub grant: GrantRow,
    pub token_scopes: String,
    pub token_expires_at: i64,
}

const GRANT_COLUMNS: &str = "g.id AS grant_id, g.tenant_id AS grant_tenant_id, g.client_id, \
     g.user_id, g.scopes, g.resources, g.nonce, g.auth_time, g.created_at AS grant_created_at, \
     g.expires_at AS grant_expires_at";

/// What a refresh-token rotation found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rotation {
    Rotated,
    /// The token had already been used: the caller revokes the grant.
    AlreadyConsumed,
}

impl Store {
    /// Stores a grant and its first authorization code together.
    pub async fn grant_insert_with_code(
        &self,
        grant: &GrantRow,
        code: &CodeRow,
    ) -> Result<(), StorageError> {
        const GRANT: &str = "INSERT INTO oidc_grants (id, tenant_id, client_id, user_id, scopes, \
             resources, nonce, auth_time, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        const CODE: &str = "INSERT INTO oidc_authorization_codes (code_digest, tenant_id, \
             grant_id, redirect_uri, code_challenge, expires_at) VALUES ($1, $2, $3, $4, $5, $6)";
        let mut tx = self.begin().await?;
        dispatch_tx_exec!(&mut tx, c => sqlx::query(GRANT)
            .bind(&grant.id)
            .bind(&grant.tenant_id)
            .bind(&grant.client_id)
            .bind(&grant.user_id)
            .bind(&grant.scopes)
            .bind(&grant.resources)
            .bind(&grant.nonce)
            .bind(grant.auth_time)
            .bind(grant.created_at)
            .bind(grant.expires_at)
            .execute(c))?;
        dispatch_tx_exec!(&mut tx, c => sqlx::query(CODE)
            .bind(&code.code_digest)
            .bind(&grant.tenant_id)
            .bind(&grant.id)
            .bind(&code.redirect_uri)
            .bind(&code.code_challenge)
            .bind(code.expires_at)
            .execute(c))?;
        tx.commit().await
    }

    pub async fn code_find(&self, code_digest: &str) -> Result<Option<CodeGrant>, StorageError> {
        let sql = format!(
            "SELECT {GRANT_COLUMNS}, c.redirect_uri, c.code_challenge, c.consumed_at, \
             c.expires_at AS code_expires_at FROM oidc_authorization_codes c \
             JOIN oidc_grants g ON g.id = c.grant_id WHERE c.code_digest = $1"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, CodeGrant>(&sql)
            .bind(code_digest)
            .fetch_optional(p))?,
        )
    }

    /// Marks the code used; `false` when another request used it first.
    pub async fn code_consume(&self, code_digest: &str, now: i64) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE oidc_authorization_codes SET consumed_at = $2 \
             WHERE code_digest = $1 AND consumed_at IS NULL";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(code_digest)
            .bind(now)
            .execute(p))?;
        Ok(done > 0)
    }

    /// Deletes the grant and, by cascade, its codes and tokens.
    pub async fn grant_delete(&self, grant_id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM oidc_grants WHERE id = $1";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(grant_id).execute(p))?;
        Ok(done > 0)
    }

    /// Deletes every grant of the user for the client (logout from that app).
    pub async fn grants_delete_for(
        &self,
        tenant: &str,
        user_id: &str,
        client_id: &str,
    ) -> Result<u64, StorageError> {
        const SQL: &str =
            "DELETE FROM oidc_grants WHERE tenant_id = $1 AND user_id = $2 AND client_id = $3";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(user_id)
            .bind(client_id)
            .execute(p))
        .map_err(Into::into)
    }

    pub async fn refresh_token_insert(
        &self,
        tenant: &str,
        grant_id: &str,
        token_digest: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO oidc_refresh_tokens (token_digest, tenant_id, grant_id, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(token_digest)
            .bind(tenant)
            .bind(grant_id)
            .bind(now)
            .bind(expires_at)
            .execute(p))?;
        Ok(())
    }

    pub async fn refresh_token_find(
        &self,
        token_digest: &str,
    ) -> Result<Option<RefreshGrant>, StorageError> {
        let sql = format!(
            "SELECT {GRANT_COLUMNS}, r.created_at AS token_created_at, \
             r.expires_at AS token_expires_at, r.consumed_at FROM oidc_refresh_tokens r \
             JOIN oidc_grants g ON g.id = r.grant_id WHERE r.token_digest = $1"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, RefreshGrant>(&sql)
            .bind(token_digest)
            .fetch_optional(p))?,
        )
    }

    /// [`Self::refresh_token_find`] with the grant's user, in one query.
    pub async fn refresh_token_find_with_user(
        &self,
        token_digest: &str,
    ) -> Result<Option<RefreshGrantUser>, StorageError> {
        let sql = format!(
            "SELECT {GRANT_COLUMNS}, r.created_at AS token_created_at, \
             r.expires_at AS token_expires_at, r.consumed_at, {U_COLUMNS} \
             FROM oidc_refresh_tokens r JOIN oidc_grants g ON g.id = r.grant_id \
             JOIN users u ON u.id = g.user_id WHERE r.token_digest = $1"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, RefreshGrantUser>(&sql)
            .bind(token_digest)
            .fetch_optional(p))?,
        )
    }

    /// Consumes `old` and stores its successor in one transaction. Whoever consumes first wins;
    /// a later presentation of `old` finds it consumed.
    pub async fn refresh_token_rotate(
        &self,
        tenant: &str,
        grant_id: &str,
        old_digest: &str,
        new_digest: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<Rotation, StorageError> {
        const CONSUME: &str = "UPDATE oidc_refresh_tokens SET consumed_at = $2 \
             WHERE token_digest = $1 AND consumed_at IS NULL";
        const INSERT: &str = "INSERT INTO oidc_refresh_tokens (token_digest, tenant_id, grant_id, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
        let mut tx = self.begin().await?;
        let consumed = dispatch_tx_exec!(&mut tx, c => sqlx::query(CONSUME)
            .bind(old_digest)
            .bind(now)
            .execute(c))?;
        if consumed == 0 {
            return Ok(Rotation::AlreadyConsumed);
        }
        dispatch_tx_exec!(&mut tx, c => sqlx::query(INSERT)
            .bind(new_digest)
            .bind(tenant)
            .bind(grant_id)
            .bind(now)
            .bind(expires_at)
            .execute(c))?;
        tx.commit().await?;
        Ok(Rotation::Rotated)
    }

    /// Deletes one refresh token (RFC 7009 revocation of that token only).
    pub async fn refresh_token_delete(&self, token_digest: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM oidc_refresh_tokens WHERE token_digest = $1";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(token_digest).execute(p))?;
        Ok(done > 0)
    }

    pub async fn access_token_insert(
        &self,
        tenant: &str,
        grant_id: &str,
        token_digest: &str,
        scopes: &str,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO oidc_access_tokens (token_digest, tenant_id, grant_id, \
             scopes, expires_at) VALUES ($1, $2, $3, $4, $5)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(token_digest)
            .bind(tenant)
            .bind(grant_id)
            .bind(scopes)
            .bind(expires_at)
            .execute(p))?;
        Ok(())
    }

    pub async fn access_token_find(
        &self,
        token_digest: &str,
    ) -> Result<Option<AccessGrant>, StorageError> {
        let sql = format!(
            "SELECT {GRANT_COLUMNS}, t.scopes AS token_scopes, t.expires_at AS token_expires_at \
             FROM oidc_access_tokens t JOIN oidc_grants g ON g.id = t.grant_id \
             WHERE t.token_digest = $1"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, AccessGrant>(&sql)
            .bind(token_digest)
            .fetch_optional(p))?,
        )
    }

    pub async fn access_token_delete(&self, token_digest: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM oidc_access_tokens WHERE token_digest = $1";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(token_digest).execute(p))?;
        Ok(done > 0)
    }
}
