//! `users`: console administrators (tenant `admin`) and, later, end-users (tenant `default`).

use super::{StorageError, Store, dispatch, dispatch_exec};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub tenant_id: String,
    pub id: String,
    pub username: Option<String>,
    pub primary_email: Option<String>,
    pub name: Option<String>,
    pub password_encrypted: Option<String>,
    pub is_suspended: bool,
    pub last_sign_in_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "tenant_id, id, username, primary_email, name, password_encrypted, \
                       is_suspended, last_sign_in_at, created_at, updated_at";

impl Store {
    /// Inserts a user with an argon2id hash; `UniqueViolation` when the username is taken.
    pub async fn user_insert(&self, row: &UserRow) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO users (tenant_id, id, username, primary_email, name, \
             password_encrypted, password_encryption_method, is_suspended, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'Argon2i', $7, $8, $9)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.username)
            .bind(&row.primary_email)
            .bind(&row.name)
            .bind(&row.password_encrypted)
            .bind(row.is_suspended)
            .bind(row.created_at)
            .bind(row.updated_at)
            .execute(p))?;
        Ok(())
    }

    /// Inserts the first user of a tenant, atomically: `false` when the tenant already has one.
    pub async fn user_insert_first(&self, row: &UserRow) -> Result<bool, StorageError> {
        const SQL: &str = "INSERT INTO users (tenant_id, id, username, name, password_encrypted, \
             password_encryption_method, is_suspended, created_at, updated_at) \
             SELECT $1, $2, $3, $4, $5, 'Argon2i', $6, $7, $8 \
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE tenant_id = $1)";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.username)
            .bind(&row.name)
            .bind(&row.password_encrypted)
            .bind(row.is_suspended)
            .bind(row.created_at)
            .bind(row.updated_at)
            .execute(p))?;
        Ok(done == 1)
    }

    pub async fn user_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM users WHERE tenant_id = $1 AND id = $2");
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?)
    }

    pub async fn user_find_by_username(
        &self,
        tenant: &str,
        username: &str,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM users WHERE tenant_id = $1 AND username = $2");
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(username)
            .fetch_optional(p))?)
    }

    pub async fn user_exists_in_tenant(&self, tenant: &str) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT id FROM users WHERE tenant_id = $1 LIMIT 1";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .fetch_optional(p))?;
        Ok(found.is_some())
    }

    pub async fn user_set_password(
        &self,
        tenant: &str,
        id: &str,
        hash: &str,
        now: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE users SET password_encrypted = $3, updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant).bind(id).bind(hash).bind(now).execute(p))?;
        Ok(())
    }

    pub async fn user_touch_sign_in(
        &self,
        tenant: &str,
        id: &str,
        now: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE users SET last_sign_in_at = $3 WHERE tenant_id = $1 AND id = $2";
        dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).bind(now).execute(p))?;
        Ok(())
    }
}
