//! The token endpoint's lookups for people (hot path): a user's standing in an organization,
//! the API permissions a user holds on a resource, and what the ID token and userinfo say
//! about the user's organizations. Each is one indexed query, read live.

use super::db::{Store, dispatch};
use super::error::StorageError;
use super::resources::ResourceGrant;

/// A member's standing in an organization at the moment of the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganizationStanding {
    pub is_mfa_required: bool,
    pub has_mfa: bool,
    /// Distinct organization permissions of the member's roles there, by name.
    pub scopes: Vec<String>,
}

/// One of the user's organizations with one role there (or none), for claims.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrganizationClaimRow {
    pub organization_id: String,
    pub name: String,
    pub description: Option<String>,
    pub role_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct StandingRow {
    is_mfa_required: bool,
    has_mfa: bool,
    name: Option<String>,
}

impl Store {
    /// `None` when the user is not a member (or the organization does not exist).
    pub async fn user_organization_standing(
        &self,
        tenant: &str,
        organization_id: &str,
        user_id: &str,
    ) -> Result<Option<OrganizationStanding>, StorageError> {
        const SQL: &str = "SELECT o.is_mfa_required, \
               EXISTS (SELECT 1 FROM user_mfa_verifications v \
                 WHERE v.tenant_id = $1 AND v.user_id = $3) AS has_mfa, \
               s.name \
             FROM organization_user_relations m \
             JOIN organizations o ON o.id = m.organization_id \
             LEFT JOIN organization_role_user_relations r \
               ON r.tenant_id = m.tenant_id AND r.organization_id = m.organization_id \
               AND r.user_id = m.user_id \
             LEFT JOIN organization_role_scope_relations rs \
               ON rs.organization_role_id = r.organization_role_id \
             LEFT JOIN organization_scopes s ON s.id = rs.organization_scope_id \
             WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.user_id = $3";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, StandingRow>(SQL)
            .bind(tenant)
            .bind(organization_id)
            .bind(user_id)
            .fetch_all(p))?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let (is_mfa_required, has_mfa) = (first.is_mfa_required, first.has_mfa);
        let mut scopes: Vec<String> = rows.into_iter().filter_map(|r| r.name).collect();
        scopes.sort();
        scopes.dedup();
        Ok(Some(OrganizationStanding {
            is_mfa_required,
            has_mfa,
            scopes,
        }))
    }

    /// The resource with this indicator and the user's permissions on it: from the user's
    /// global roles and, with `organization_id`, from the user's roles in that organization.
    /// Returns whether the user is a member of that organization (always `true` without one);
    /// `None` when no such resource exists.
    pub async fn user_resource_grant(
        &self,
        tenant: &str,
        user_id: &str,
        indicator: &str,
        organization_id: Option<&str>,
    ) -> Result<Option<(bool, ResourceGrant)>, StorageError> {
        const SQL: &str = "SELECT res.id, res.indicator, res.access_token_ttl, \
               ($4 IS NULL OR EXISTS (SELECT 1 FROM organization_user_relations m \
                 WHERE m.tenant_id = $1 AND m.organization_id = $4 AND m.user_id = $2)) \
                 AS is_member, \
               s.name AS scope_name \
             FROM resources res \
             LEFT JOIN scopes s ON s.resource_id = res.id AND (EXISTS ( \
               SELECT 1 FROM users_roles ur JOIN roles_scopes rs ON rs.role_id = ur.role_id \
               WHERE ur.tenant_id = $1 AND ur.user_id = $2 AND rs.scope_id = s.id) \
               OR EXISTS ( \
               SELECT 1 FROM organization_role_user_relations r \
               JOIN organization_role_resource_scope_relations rr \
                 ON rr.organization_role_id = r.organization_role_id \
               WHERE r.tenant_id = $1 AND r.organization_id = $4 AND r.user_id = $2 \
                 AND rr.scope_id = s.id)) \
             WHERE res.tenant_id = $1 AND res.indicator = $3 \
             ORDER BY s.name";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, super::resources::ResourceScopeRow>(SQL)
            .bind(tenant)
            .bind(user_id)
            .bind(indicator)
            .bind(organization_id)
            .fetch_all(p))?;
        Ok(super::resources::resource_grant(rows))
    }

    /// The user's organizations in joining order, one row per role held there (one row with
    /// no role when it holds none).
    pub async fn user_organization_claims(
        &self,
        tenant: &str,
        user_id: &str,
    ) -> Result<Vec<OrganizationClaimRow>, StorageError> {
        const SQL: &str = "SELECT m.organization_id, o.name, o.description, \
               ro.name AS role_name \
             FROM organization_user_relations m \
             JOIN organizations o ON o.id = m.organization_id \
             LEFT JOIN organization_role_user_relations r \
               ON r.tenant_id = m.tenant_id AND r.organization_id = m.organization_id \
               AND r.user_id = m.user_id \
             LEFT JOIN organization_roles ro ON ro.id = r.organization_role_id \
             WHERE m.tenant_id = $1 AND m.user_id = $2 \
             ORDER BY m.created_at, m.organization_id, ro.name";
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationClaimRow>(SQL)
            .bind(tenant)
            .bind(user_id)
            .fetch_all(p))?,
        )
    }

    /// Names of the user's global roles (the `roles` claim).
    pub async fn user_role_names(
        &self,
        tenant: &str,
        user_id: &str,
    ) -> Result<Vec<String>, StorageError> {
        const SQL: &str = "SELECT r.name FROM users_roles ur JOIN roles r ON r.id = ur.role_id \
             WHERE ur.tenant_id = $1 AND ur.user_id = $2 ORDER BY r.name";
        Ok(dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(user_id)
            .fetch_all(p))?)
    }

    /// The tenant's sign-in mode: `SignIn`, `Register` or `SignInAndRegister`.
    pub async fn sign_in_mode(&self, tenant: &str) -> Result<String, StorageError> {
        const SQL: &str = "SELECT sign_in_mode FROM sign_in_experiences WHERE tenant_id = $1";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .fetch_optional(p))?;
        Ok(found.unwrap_or_else(|| "SignInAndRegister".into()))
    }
}
