//! End-user sign-in state: pending authorization requests (`oidc_interactions`) and browser
//! sessions (`oidc_sessions`). Both are keyed by the SHA-256 digest of their cookie value.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct InteractionRow {
    pub id_digest: String,
    pub tenant_id: String,
    pub client_id: String,
    pub request: String,
    pub user_id: Option<String>,
    pub auth_time: Option<i64>,
    pub last_error: Option<String>,
    pub last_identifier: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    /// The MFA step (JSON), once a password was checked and a factor is to be verified or bound.
    #[sqlx(default)]
    pub mfa: Option<String>,
    /// The email journey under way (JSON): a code sent and what waits on it.
    #[sqlx(default)]
    pub journey: Option<String>,
    /// Organizations joined when the sign-in completes (JSON array of ids).
    #[sqlx(default)]
    pub join_organizations: Option<String>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub id_digest: String,
    pub tenant_id: String,
    pub user_id: String,
    pub auth_time: i64,
    pub created_at: i64,
    pub expires_at: i64,
}

impl Store {
    /// Stores a new interaction; expired ones are swept in passing (indexed by expiry).
    pub async fn interaction_insert(&self, row: &InteractionRow) -> Result<(), StorageError> {
        const SWEEP: &str = "DELETE FROM oidc_interactions WHERE expires_at < $1";
        const SQL: &str = "INSERT INTO oidc_interactions (id_digest, tenant_id, client_id, \
             request, user_id, auth_time, last_error, last_identifier, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        dispatch_exec!(&self.db, p => sqlx::query(SWEEP).bind(row.created_at).execute(p))?;
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.id_digest)
            .bind(&row.tenant_id)
            .bind(&row.client_id)
            .bind(&row.request)
            .bind(&row.user_id)
            .bind(row.auth_time)
            .bind(&row.last_error)
            .bind(&row.last_identifier)
            .bind(row.created_at)
            .bind(row.expires_at)
            .execute(p))?;
        Ok(())
    }

    /// The interaction, unless it has expired.
    pub async fn interaction_find(
        &self,
        id_digest: &str,
        now: i64,
    ) -> Result<Option<InteractionRow>, StorageError> {
        const SQL: &str = "SELECT id_digest, tenant_id, client_id, request, user_id, auth_time, \
             last_error, last_identifier, created_at, expires_at, mfa, journey, join_organizations \
             FROM oidc_interactions \
             WHERE id_digest = $1 AND expires_at > $2";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, InteractionRow>(SQL)
            .bind(id_digest)
            .bind(now)
            .fetch_optional(p))?,
        )
    }

    /// Remembers what the page should show after a failed attempt.
    pub async fn interaction_set_error(
        &self,
        id_digest: &str,
        error: Option<&str>,
        identifier: Option<&str>,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE oidc_interactions SET last_error = $2, last_identifier = $3 \
             WHERE id_digest = $1";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id_digest)
            .bind(error)
            .bind(identifier)
            .execute(p))?;
        Ok(())
    }

    /// Records who signed in while consent is still to be given.
    pub async fn interaction_set_user(
        &self,
        id_digest: &str,
        user_id: &str,
        auth_time: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE oidc_interactions SET user_id = $2, auth_time = $3, \
             last_error = NULL WHERE id_digest = $1";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id_digest)
            .bind(user_id)
            .bind(auth_time)
            .execute(p))?;
        Ok(())
    }

    /// Stores the MFA step (and the page's error, cleared when `None`); `false` when the
    /// interaction is gone.
    pub async fn interaction_set_mfa(
        &self,
        id_digest: &str,
        mfa: &str,
        error: Option<&str>,
    ) -> Result<bool, StorageError> {
        const SQL: &str =
            "UPDATE oidc_interactions SET mfa = $2, last_error = $3 WHERE id_digest = $1";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id_digest)
            .bind(mfa)
            .bind(error)
            .execute(p))?;
        Ok(done > 0)
    }

    /// Sets the email journey (`None` ends it) with the page's message and typed identifier.
    pub async fn interaction_set_journey(
        &self,
        id_digest: &str,
        journey: Option<&str>,
        error: Option<&str>,
        identifier: Option<&str>,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE oidc_interactions SET journey = $2, last_error = $3, \
             last_identifier = $4 WHERE id_digest = $1";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id_digest)
            .bind(journey)
            .bind(error)
            .bind(identifier)
            .execute(p))?;
        Ok(done > 0)
    }

    /// Organizations to join when the sign-in completes (JSON array of ids).
    pub async fn interaction_set_join_organizations(
        &self,
        id_digest: &str,
        organizations: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str =
            "UPDATE oidc_interactions SET join_organizations = $2 WHERE id_digest = $1";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(id_digest)
            .bind(organizations)
            .execute(p))?;
        Ok(())
    }

    /// Ends the interaction; `false` when it was already gone (a second submit).
    pub async fn interaction_delete(&self, id_digest: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM oidc_interactions WHERE id_digest = $1";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(id_digest).execute(p))?;
        Ok(done > 0)
    }

    pub async fn session_insert(&self, row: &SessionRow) -> Result<(), StorageError> {
        const SWEEP: &str = "DELETE FROM oidc_sessions WHERE tenant_id = $1 AND user_id = $2 \
             AND expires_at < $3";
        const SQL: &str = "INSERT INTO oidc_sessions (id_digest, tenant_id, user_id, auth_time, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)";
        dispatch_exec!(&self.db, p => sqlx::query(SWEEP)
            .bind(&row.tenant_id)
            .bind(&row.user_id)
            .bind(row.created_at)
            .execute(p))?;
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.id_digest)
            .bind(&row.tenant_id)
            .bind(&row.user_id)
            .bind(row.auth_time)
            .bind(row.created_at)
            .bind(row.expires_at)
            .execute(p))?;
        Ok(())
    }

    /// The session, unless it has expired (its user still exists: deleting a user cascades).
    pub async fn session_find(
        &self,
        id_digest: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, StorageError> {
        const SQL: &str = "SELECT id_digest, tenant_id, user_id, auth_time, created_at, \
             expires_at FROM oidc_sessions WHERE id_digest = $1 AND expires_at > $2";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, SessionRow>(SQL)
            .bind(id_digest)
            .bind(now)
            .fetch_optional(p))?,
        )
    }

    pub async fn session_delete(&self, id_digest: &str) -> Result<(), StorageError> {
        const SQL: &str = "DELETE FROM oidc_sessions WHERE id_digest = $1";
        dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(id_digest).execute(p))?;
        Ok(())
    }
}
