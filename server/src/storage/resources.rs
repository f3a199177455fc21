//! `resources` (API resources addressed by their indicator).

use super::{StorageError, Store, dispatch, dispatch_exec};

#[derive(Clone, Debug)]
pub struct ResourceRow {
    pub id: String,
    pub indicator: String,
    pub access_token_ttl: i64,
}

/// Id of the seeded Management API resource (migrations/*/0001_init.sql).
pub const MANAGEMENT_API_RESOURCE_ID: &str = "management-api";
/// Id of the seeded M2M role holding the Management API's `all` permission.
pub const MANAGEMENT_API_ROLE_ID: &str = "management-api-access";

/// A resource and the names of its permissions that one application holds through its roles.
#[derive(Clone, Debug)]
pub struct ResourceGrant {
    pub resource: ResourceRow,
    pub scopes: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct ResourceGrantRow {
    id: String,
    indicator: String,
    access_token_ttl: i64,
    scope_name: Option<String>,
}

impl Store {
    /// The resource with this indicator and the application's permissions on it, in one query
    /// (the client_credentials hot path); `None` when no such resource exists.
    pub async fn resource_grant_for_application(
        &self,
        tenant: &str,
        application_id: &str,
        indicator: &str,
    ) -> Result<Option<ResourceGrant>, StorageError> {
        const SQL: &str = "SELECT r.id, r.indicator, r.access_token_ttl, s.name AS scope_name \
             FROM resources r \
             LEFT JOIN scopes s ON s.resource_id = r.id AND EXISTS ( \
               SELECT 1 FROM applications_roles ar \
               JOIN roles_scopes rs ON rs.role_id = ar.role_id \
               WHERE ar.tenant_id = $1 AND ar.application_id = $2 AND rs.scope_id = s.id) \
             WHERE r.tenant_id = $1 AND r.indicator = $3 \
             ORDER BY s.name";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, ResourceGrantRow>(SQL)
            .bind(tenant)
            .bind(application_id)
            .bind(indicator)
            .fetch_all(p))?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let resource = ResourceRow {
            id: first.id.clone(),
            indicator: first.indicator.clone(),
            access_token_ttl: first.access_token_ttl,
        };
        let scopes = rows.into_iter().filter_map(|r| r.scope_name).collect();
        Ok(Some(ResourceGrant { resource, scopes }))
    }

    /// Points the seeded Management API resource at the configured indicator.
    pub async fn resource_set_management_indicator(
        &self,
        indicator: &str,
    ) -> Result<(), StorageError> {
        const SQL: &str = "UPDATE resources SET indicator = $2 WHERE tenant_id = $1 AND id = $3";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(super::DEFAULT_TENANT)
            .bind(indicator)
            .bind(MANAGEMENT_API_RESOURCE_ID)
            .execute(p))?;
        Ok(())
    }
}
