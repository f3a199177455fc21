//! What MFA at sign-in reads and writes besides the factors: the tenant's MFA settings
//! (`sign_in_experiences.mfa`), a user's Logto flags (`users.logto_config`), and the
//! organizations requiring MFA that a user belongs to.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;

/// The seed of a tenant without settings (Logto's default tenant).
pub const DEFAULT_MFA_SETTINGS: &str = r#"{"factors":[],"policy":"UserControlled"}"#;

/// What one write of the sign-in experience changes: each `None` keeps the stored value
/// (JSON texts, checked by the caller).
#[derive(Debug, Default)]
pub struct SignInExperienceWrite<'a> {
    pub mode: Option<&'a str>,
    pub mfa: Option<&'a str>,
    pub sign_up: Option<&'a str>,
    pub sign_in: Option<&'a str>,
    /// `Some(None)` writes Logto's legacy `null`.
    pub forgot_password_methods: Option<Option<&'a str>>,
}

impl Store {
    /// The tenant's `mfa` settings (JSON).
    pub async fn sign_in_mfa(&self, tenant: &str) -> Result<String, StorageError> {
        const SQL: &str = "SELECT mfa FROM sign_in_experiences WHERE tenant_id = $1";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .fetch_optional(p))?;
        Ok(found.unwrap_or_else(|| DEFAULT_MFA_SETTINGS.into()))
    }

    /// Writes the settings given, in one statement (nothing is half-written).
    pub async fn sign_in_experience_update(
        &self,
        tenant: &str,
        w: &SignInExperienceWrite<'_>,
    ) -> Result<(), StorageError> {
        // `$7` says whether `forgot_password_methods` is written (it may be written as NULL).
        const SQL: &str = "INSERT INTO sign_in_experiences (tenant_id, sign_in_mode, mfa) \
             VALUES ($1, COALESCE($2, 'SignInAndRegister'), COALESCE($3, $8)) \
             ON CONFLICT (tenant_id) DO UPDATE SET \
             sign_in_mode = COALESCE($2, sign_in_experiences.sign_in_mode), \
             mfa = COALESCE($3, sign_in_experiences.mfa), \
             sign_up = COALESCE($4, sign_in_experiences.sign_up), \
             sign_in = COALESCE($5, sign_in_experiences.sign_in), \
             forgot_password_methods = CASE WHEN $7 THEN $6 \
               ELSE sign_in_experiences.forgot_password_methods END";
        let (write_forgot, forgot) = match w.forgot_password_methods {
            Some(f) => (true, f),
            None => (false, None),
        };
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(w.mode)
            .bind(w.mfa)
            .bind(w.sign_up)
            .bind(w.sign_in)
            .bind(forgot)
            .bind(write_forgot)
            .bind(DEFAULT_MFA_SETTINGS)
            .execute(p))?;
        Ok(())
    }

    /// `sign_up`, `sign_in` and `forgot_password_methods` (JSON; the last may be NULL).
    pub async fn account_settings(
        &self,
        tenant: &str,
    ) -> Result<(String, String, Option<String>), StorageError> {
        const SQL: &str = "SELECT sign_up, sign_in, forgot_password_methods \
             FROM sign_in_experiences WHERE tenant_id = $1";
        let found: Option<(String, String, Option<String>)> =
            dispatch!(&self.db, p => sqlx::query_as(SQL).bind(tenant).fetch_optional(p))?;
        found.ok_or_else(|| {
            StorageError::Corrupt(format!("tenant {tenant} has no sign-in experience"))
        })
    }

    /// The user's `logto_config` (JSON), `None` for an unknown user.
    pub async fn user_logto_config(
        &self,
        tenant: &str,
        user_id: &str,
    ) -> Result<Option<String>, StorageError> {
        const SQL: &str = "SELECT logto_config FROM users WHERE tenant_id = $1 AND id = $2";
        Ok(dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(user_id)
            .fetch_optional(p))?)
    }

    /// `false` for an unknown user.
    pub async fn set_user_logto_config(
        &self,
        tenant: &str,
        user_id: &str,
        config: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE users SET logto_config = $3 WHERE tenant_id = $1 AND id = $2";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(user_id)
            .bind(config)
            .execute(p))?;
        Ok(done > 0)
    }

    /// `(id, name)` of the organizations requiring MFA that the user is a member of, oldest
    /// first.
    pub async fn user_mfa_required_organizations(
        &self,
        tenant: &str,
        user_id: &str,
    ) -> Result<Vec<(String, String)>, StorageError> {
        const SQL: &str = "SELECT o.id, o.name FROM organization_user_relations r \
             JOIN organizations o ON o.tenant_id = r.tenant_id AND o.id = r.organization_id \
             WHERE r.tenant_id = $1 AND r.user_id = $2 AND o.is_mfa_required = TRUE \
             ORDER BY o.created_at, o.id";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, (String, String)>(SQL)
            .bind(tenant)
            .bind(user_id)
            .fetch_all(p))?,
        )
    }
}
