//! `users`: console administrators (tenant `admin`) and end-users (tenant `default`).

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::sql::{like_pattern, split_nullable};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub tenant_id: String,
    pub id: String,
    pub username: Option<String>,
    pub primary_email: Option<String>,
    pub primary_phone: Option<String>,
    pub name: Option<String>,
    pub avatar: Option<String>,
    pub profile: String,
    pub custom_data: String,
    pub identities: String,
    pub application_id: Option<String>,
    pub password_encrypted: Option<String>,
    pub is_suspended: bool,
    pub last_sign_in_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl UserRow {
    /// How pages and mail name the user: the name, else the username, else the email.
    pub fn display_name(&self) -> Option<String> {
        self.name
            .clone()
            .or_else(|| self.username.clone())
            .or_else(|| self.primary_email.clone())
    }

    /// A user with nothing but an id and timestamps; callers fill in what they have.
    pub fn new(tenant_id: &str, id: String, now: i64) -> Self {
        UserRow {
            tenant_id: tenant_id.into(),
            id,
            username: None,
            primary_email: None,
            primary_phone: None,
            name: None,
            avatar: None,
            profile: "{}".into(),
            custom_data: "{}".into(),
            identities: "{}".into(),
            application_id: None,
            password_encrypted: None,
            is_suspended: false,
            last_sign_in_at: None,
            created_at: now,
            updated_at: now,
        }
    }
}

/// Fields to change; `None` keeps the stored value, `Some(None)` clears a nullable one.
#[derive(Clone, Debug, Default)]
pub struct UserPatch {
    pub username: Option<Option<String>>,
    pub primary_email: Option<Option<String>>,
    pub primary_phone: Option<Option<String>>,
    pub name: Option<Option<String>>,
    pub avatar: Option<Option<String>>,
    pub profile: Option<String>,
    pub custom_data: Option<String>,
    pub is_suspended: Option<bool>,
}

pub(crate) const COLUMNS: &str = "tenant_id, id, username, primary_email, primary_phone, name, \
     avatar, profile, custom_data, identities, application_id, password_encrypted, is_suspended, \
     last_sign_in_at, created_at, updated_at";

/// The same columns qualified by the alias `u` (for joins).
pub(crate) const U_COLUMNS: &str = "u.tenant_id, u.id, u.username, u.primary_email, \
     u.primary_phone, u.name, u.avatar, u.profile, u.custom_data, u.identities, u.application_id, \
     u.password_encrypted, u.is_suspended, u.last_sign_in_at, u.created_at, u.updated_at";

/// `q` over a user's id, email, phone, username and name (placeholder `$n`, alias `u`).
pub(crate) fn search_filter(n: usize) -> String {
    format!(
        "(${n} IS NULL OR lower(u.id) LIKE ${n} ESCAPE '\\' \
         OR lower(u.primary_email) LIKE ${n} ESCAPE '\\' \
         OR lower(u.primary_phone) LIKE ${n} ESCAPE '\\' \
         OR lower(u.username) LIKE ${n} ESCAPE '\\' OR lower(u.name) LIKE ${n} ESCAPE '\\')"
    )
}

const INSERT: &str = "INSERT INTO users (tenant_id, id, username, primary_email, \
     primary_phone, name, avatar, profile, custom_data, identities, application_id, \
     password_encrypted, password_encryption_method, is_suspended, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
       CASE WHEN $12 IS NULL THEN NULL ELSE 'Argon2i' END, $13, $14, $15)";

/// Inserts one user inside `tx`. An email address already used in another case is a
/// `UniqueViolation` too (the column's constraint compares bytes; addresses compare without
/// case): checked under a lock on the address (PostgreSQL; SQLite's writers take turns).
pub(super) async fn insert_in(tx: &mut super::db::Tx, row: &UserRow) -> Result<(), StorageError> {
    if let Some(email) = &row.primary_email {
        let key = format!("user-email:{}:{}", row.tenant_id, email.to_lowercase());
        super::relations::lock_owners(tx, &[&[key.as_str()]]).await?;
        const TAKEN: &str = "SELECT id FROM users WHERE tenant_id = $1 \
             AND lower(primary_email) = lower($2) LIMIT 1";
        let taken: Option<String> = super::db::dispatch_tx!(tx, c => sqlx::query_scalar(TAKEN)
            .bind(&row.tenant_id)
            .bind(email)
            .fetch_optional(c))?;
        if taken.is_some() {
            return Err(StorageError::UniqueViolation);
        }
    }
    super::db::dispatch_tx_exec!(tx, c => sqlx::query(INSERT)
        .bind(&row.tenant_id)
        .bind(&row.id)
        .bind(&row.username)
        .bind(&row.primary_email)
        .bind(&row.primary_phone)
        .bind(&row.name)
        .bind(&row.avatar)
        .bind(&row.profile)
        .bind(&row.custom_data)
        .bind(&row.identities)
        .bind(&row.application_id)
        .bind(&row.password_encrypted)
        .bind(row.is_suspended)
        .bind(row.created_at)
        .bind(row.updated_at)
        .execute(c))?;
    Ok(())
}

#[derive(Clone, Copy, Debug)]
pub enum UniqueUserField {
    Username,
    PrimaryEmail,
    PrimaryPhone,
}

impl Store {
    /// Inserts a user (password as an argon2id PHC string); `UniqueViolation` when the
    /// username, email or phone is taken.
    pub async fn user_insert(&self, row: &UserRow) -> Result<(), StorageError> {
        self.users_insert_many(std::slice::from_ref(row)).await
    }

    /// Inserts many users in one transaction (imports and seeding); all or nothing.
    pub async fn users_insert_many(&self, rows: &[UserRow]) -> Result<(), StorageError> {
        let mut tx = self.begin().await?;
        for row in rows {
            insert_in(&mut tx, row).await?;
        }
        tx.commit().await
    }

    /// Users in creation order (then id), filtered by `q` and, with `exclude_organization`,
    /// leaving out that organization's members.
    pub async fn user_list(
        &self,
        tenant: &str,
        q: Option<&str>,
        exclude_organization: Option<&str>,
        page: Page,
    ) -> Result<Paged<UserRow>, StorageError> {
        let from = format!(
            "users u WHERE u.tenant_id = $1 AND {} AND ($3 IS NULL OR NOT EXISTS (\
               SELECT 1 FROM organization_user_relations m \
               WHERE m.tenant_id = $1 AND m.organization_id = $3 AND m.user_id = u.id))",
            search_filter(2)
        );
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let list = ListQuery {
            columns: U_COLUMNS,
            from: &from,
            order_by: "u.created_at, u.id",
        };
        let args = [Some(tenant), pattern.as_deref(), exclude_organization];
        fetch_paged(&self.db, list, &args, Some(page)).await
    }

    /// Applies a patch in one statement; `None` when the user does not exist.
    pub async fn user_update(
        &self,
        tenant: &str,
        id: &str,
        patch: &UserPatch,
        now: i64,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!(
            "UPDATE users SET \
               username = CASE WHEN $3 THEN $4 ELSE username END, \
               primary_email = CASE WHEN $5 THEN $6 ELSE primary_email END, \
               primary_phone = CASE WHEN $7 THEN $8 ELSE primary_phone END, \
               name = CASE WHEN $9 THEN $10 ELSE name END, \
               avatar = CASE WHEN $11 THEN $12 ELSE avatar END, \
               profile = COALESCE($13, profile), \
               custom_data = COALESCE($14, custom_data), \
               is_suspended = COALESCE($15, is_suspended), \
               updated_at = $16 \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        let (set_username, username) = split_nullable(&patch.username);
        let (set_email, email) = split_nullable(&patch.primary_email);
        let (set_phone, phone) = split_nullable(&patch.primary_phone);
        let (set_name, name) = split_nullable(&patch.name);
        let (set_avatar, avatar) = split_nullable(&patch.avatar);
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(set_username)
            .bind(username)
            .bind(set_email)
            .bind(email)
            .bind(set_phone)
            .bind(phone)
            .bind(set_name)
            .bind(name)
            .bind(set_avatar)
            .bind(avatar)
            .bind(&patch.profile)
            .bind(&patch.custom_data)
            .bind(patch.is_suspended)
            .bind(now)
            .fetch_optional(p))?)
    }

    /// Deletes the user; memberships, roles and sessions go with it (cascade).
    pub async fn user_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM users WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }

    /// The id of the user holding this value in `column` (`username`, `primary_email` or
    /// `primary_phone`), to report which unique field a new value collides with.
    pub async fn user_id_by_unique(
        &self,
        tenant: &str,
        column: UniqueUserField,
        value: &str,
    ) -> Result<Option<String>, StorageError> {
        // Email addresses are one account whatever their case (Logto's `hasUserWithEmail`).
        let condition = match column {
            UniqueUserField::Username => "username = $2",
            UniqueUserField::PrimaryEmail => "lower(primary_email) = lower($2)",
            UniqueUserField::PrimaryPhone => "primary_phone = $2",
        };
        let sql = format!("SELECT id FROM users WHERE tenant_id = $1 AND {condition} LIMIT 1");
        Ok(dispatch!(&self.db, p => sqlx::query_scalar(&sql)
            .bind(tenant)
            .bind(value)
            .fetch_optional(p))?)
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

    /// The user whose primary email is `email` (any case).
    pub async fn user_find_by_email(
        &self,
        tenant: &str,
        email: &str,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users WHERE tenant_id = $1 \
             AND lower(primary_email) = lower($2) ORDER BY created_at, id LIMIT 1"
        );
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(email)
            .fetch_optional(p))?)
    }

    /// The user signing in with `identifier`: a username (exact) or an email address (any case).
    pub async fn user_find_by_identifier(
        &self,
        tenant: &str,
        identifier: &str,
    ) -> Result<Option<UserRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users WHERE tenant_id = $1 \
             AND (username = $2 OR lower(primary_email) = lower($2)) \
             ORDER BY CASE WHEN username = $2 THEN 0 ELSE 1 END LIMIT 1"
        );
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, UserRow>(&sql)
            .bind(tenant)
            .bind(identifier)
            .fetch_optional(p))?)
    }

    pub async fn user_exists_in_tenant(&self, tenant: &str) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT id FROM users WHERE tenant_id = $1 LIMIT 1";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .fetch_optional(p))?;
        Ok(found.is_some())
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
