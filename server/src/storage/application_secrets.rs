//! `application_secrets`: an application's named secrets, kept as digests, and the client
//! read with them for client authentication.

use std::sync::LazyLock;

use super::applications::{A_COLUMNS, ApplicationRow};
use super::changes::Change;
use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

/// A secret as the Management API lists it: never its value, which only its creator saw.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ApplicationSecretRow {
    pub tenant_id: String,
    pub application_id: String,
    pub name: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
}

/// A secret as client authentication checks it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, sqlx::FromRow)]
pub struct SecretDigest {
    /// Lowercase hex SHA-256 of the value.
    pub digest: String,
    /// Epoch ms after which the secret no longer authenticates.
    pub expires_at: Option<i64>,
}

const COLUMNS: &str = "tenant_id, application_id, name, created_at, expires_at";

/// The application with one of its secrets (one row per secret; none when it has none).
#[derive(sqlx::FromRow)]
struct ClientSecretRow {
    #[sqlx(flatten)]
    client: ApplicationRow,
    digest: Option<String>,
    expires_at: Option<i64>,
}

static CLIENT_WITH_SECRETS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {A_COLUMNS}, sec.digest, sec.expires_at FROM applications a \
         LEFT JOIN application_secrets sec \
           ON sec.tenant_id = a.tenant_id AND sec.application_id = a.id \
         WHERE a.tenant_id = $1 AND a.id = $2"
    )
});

/// Collects the secrets of rows that repeat their application once per secret.
pub(crate) fn digests(
    rows: impl IntoIterator<Item = (Option<String>, Option<i64>)>,
) -> Vec<SecretDigest> {
    let mut found: Vec<SecretDigest> = rows
        .into_iter()
        .filter_map(|(digest, expires_at)| digest.map(|digest| SecretDigest { digest, expires_at }))
        .collect();
    found.sort();
    found.dedup();
    found
}

impl Store {
    /// The application with its secrets' digests, in one indexed statement (the token
    /// endpoint's client lookup). `None` when there is no such application.
    pub async fn application_with_secrets(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<(ApplicationRow, Vec<SecretDigest>)>, StorageError> {
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, ClientSecretRow>(CLIENT_WITH_SECRETS.as_str())
            .bind(tenant)
            .bind(id)
            .fetch_all(p))?;
        let mut rows = rows.into_iter();
        let Some(first) = rows.next() else {
            return Ok(None);
        };
        let secrets = digests(
            std::iter::once((first.digest, first.expires_at))
                .chain(rows.map(|r| (r.digest, r.expires_at))),
        );
        Ok(Some((first.client, secrets)))
    }

    /// Adds a secret; a taken name is a `UniqueViolation`, an unknown application a
    /// `ForeignKeyViolation`.
    pub async fn application_secret_insert(
        &self,
        row: &ApplicationSecretRow,
        digest: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO application_secrets \
             (tenant_id, application_id, name, digest, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)";
        let inserted = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.application_id)
            .bind(&row.name)
            .bind(digest)
            .bind(row.created_at)
            .bind(row.expires_at)
            .execute(p));
        self.wrote(Change::ClientGrants, inserted)?;
        Ok(())
    }

    /// The application's secrets, oldest first.
    pub async fn application_secrets(
        &self,
        tenant: &str,
        application_id: &str,
    ) -> Result<Vec<ApplicationSecretRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM application_secrets \
             WHERE tenant_id = $1 AND application_id = $2 ORDER BY created_at, name"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, ApplicationSecretRow>(&sql)
            .bind(tenant)
            .bind(application_id)
            .fetch_all(p))?,
        )
    }

    /// Renames a secret; `None` when it does not exist, a `UniqueViolation` when the new name
    /// is taken.
    pub async fn application_secret_rename(
        &self,
        tenant: &str,
        application_id: &str,
        name: &str,
        new_name: &str,
    ) -> Result<Option<ApplicationSecretRow>, StorageError> {
        let sql = format!(
            "UPDATE application_secrets SET name = $4 \
             WHERE tenant_id = $1 AND application_id = $2 AND name = $3 RETURNING {COLUMNS}"
        );
        let renamed = dispatch!(&self.db, p => sqlx::query_as::<_, ApplicationSecretRow>(&sql)
            .bind(tenant)
            .bind(application_id)
            .bind(name)
            .bind(new_name)
            .fetch_optional(p));
        Ok(self.wrote(Change::ClientGrants, renamed)?)
    }

    /// Deletes a secret; `false` when there was none of that name.
    pub async fn application_secret_delete(
        &self,
        tenant: &str,
        application_id: &str,
        name: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM application_secrets \
             WHERE tenant_id = $1 AND application_id = $2 AND name = $3";
        let deleted = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(application_id)
            .bind(name)
            .execute(p));
        Ok(self.wrote(Change::ClientGrants, deleted)? > 0)
    }
}
