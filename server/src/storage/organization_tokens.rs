//! The token endpoint's organization lookups (hot path): membership and the permissions a
//! machine-to-machine application holds in an organization, each in one indexed query, read
//! live so that a change of membership or roles applies to the next token.

use super::{ResourceGrant, StorageError, Store, dispatch};

#[derive(sqlx::FromRow)]
struct ScopeNameRow {
    name: Option<String>,
}

impl Store {
    /// Names of the organization permissions the application holds in the organization through
    /// its roles there; `None` when the application is not a member.
    pub async fn application_organization_scopes(
        &self,
        tenant: &str,
        organization_id: &str,
        application_id: &str,
    ) -> Result<Option<Vec<String>>, StorageError> {
        const SQL: &str = "SELECT DISTINCT s.name FROM organization_application_relations m \
             LEFT JOIN organization_role_application_relations r \
               ON r.tenant_id = m.tenant_id AND r.organization_id = m.organization_id \
               AND r.application_id = m.application_id \
             LEFT JOIN organization_role_scope_relations rs \
               ON rs.organization_role_id = r.organization_role_id \
             LEFT JOIN organization_scopes s ON s.id = rs.organization_scope_id \
             WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.application_id = $3";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, ScopeNameRow>(SQL)
            .bind(tenant)
            .bind(organization_id)
            .bind(application_id)
            .fetch_all(p))?;
        if rows.is_empty() {
            return Ok(None);
        }
        let mut names: Vec<String> = rows.into_iter().filter_map(|r| r.name).collect();
        names.sort();
        Ok(Some(names))
    }

    /// The resource with this indicator and the API permissions on it that the application
    /// holds through its roles in the organization, with whether it is a member at all.
    /// `None` when no such resource exists.
    pub async fn application_organization_resource_grant(
        &self,
        tenant: &str,
        organization_id: &str,
        application_id: &str,
        indicator: &str,
    ) -> Result<Option<(bool, ResourceGrant)>, StorageError> {
        const SQL: &str = "SELECT res.id, res.indicator, res.access_token_ttl, \
               EXISTS (SELECT 1 FROM organization_application_relations m \
                 WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.application_id = $3) \
                 AS is_member, \
               s.name AS scope_name \
             FROM resources res \
             LEFT JOIN scopes s ON s.resource_id = res.id AND EXISTS ( \
               SELECT 1 FROM organization_role_application_relations r \
               JOIN organization_role_resource_scope_relations rr \
                 ON rr.organization_role_id = r.organization_role_id \
               WHERE r.tenant_id = $1 AND r.organization_id = $2 AND r.application_id = $3 \
                 AND rr.scope_id = s.id) \
             WHERE res.tenant_id = $1 AND res.indicator = $4 \
             ORDER BY s.name";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, super::resources::ResourceScopeRow>(SQL)
            .bind(tenant)
            .bind(organization_id)
            .bind(application_id)
            .bind(indicator)
            .fetch_all(p))?;
        Ok(super::resources::resource_grant(rows))
    }

    /// Whether the application is a member of the organization.
    pub async fn application_is_member(
        &self,
        tenant: &str,
        organization_id: &str,
        application_id: &str,
    ) -> Result<bool, StorageError> {
        self.relation_exists(
            &super::relations::ORGANIZATION_APPLICATIONS,
            tenant,
            &[organization_id],
            application_id,
        )
        .await
    }
}
