//! The Management API's built-in rows: its resource, its `all` permission, and the M2M role
//! holding that permission. Migration 0001 seeds them; start-up puts back whatever is missing,
//! so a database edited by hand (or by an older release that let them be removed) cannot lock
//! every automation credential out for good.

use super::db::{Store, dispatch, dispatch_tx_exec};
use super::error::StorageError;
use super::resources::{
    MANAGEMENT_API_RESOURCE_ID, MANAGEMENT_API_ROLE_ID, MANAGEMENT_API_SCOPE_ID,
};
use super::tenants::DEFAULT_TENANT;

/// What start-up found missing and restored.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub resource: bool,
    pub scope: bool,
    pub role: bool,
    pub role_scope: bool,
}

impl Restored {
    pub fn any(&self) -> bool {
        self.resource || self.scope || self.role || self.role_scope
    }
}

impl Store {
    /// Restores the built-in Management API rows that are missing and points the resource at
    /// `indicator`, in one transaction. Rows that exist are left as they are.
    pub async fn ensure_management_api(&self, indicator: &str) -> Result<Restored, StorageError> {
        const RESOURCE: &str = "INSERT INTO resources (tenant_id, id, name, indicator, \
             is_default, access_token_ttl) VALUES ($1, $2, 'Logto Management API', $3, $4, 3600) \
             ON CONFLICT DO NOTHING";
        const INDICATOR: &str =
            "UPDATE resources SET indicator = $3 WHERE tenant_id = $1 AND id = $2";
        const SCOPE: &str = "INSERT INTO scopes (tenant_id, id, resource_id, name, description, \
             created_at) VALUES ($1, $2, $3, 'all', \
             'Default scope for Management API, allows all permissions.', 0) \
             ON CONFLICT DO NOTHING";
        // Under its own name, or, when another role has taken that name meanwhile, under a
        // name that says which role it is (a rename through the API is always possible).
        const ROLE: &str = "INSERT INTO roles (tenant_id, id, name, description, type, \
             is_default, created_at) SELECT $1, $2, name, \
             'This default role grants access to the Logto management API.', \
             'MachineToMachine', $3, 0 \
             FROM (SELECT 'Logto Management API access' AS name, 0 AS rank \
                   UNION ALL SELECT 'Logto Management API access (built-in)', 1) AS names \
             WHERE NOT EXISTS (SELECT 1 FROM roles WHERE tenant_id = $1 AND id = $2) \
               AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.tenant_id = $1 \
                               AND r.name = names.name) \
             ORDER BY rank LIMIT 1";
        // Only when both ends exist (the role is left out only when both of its names are taken).
        const ROLE_SCOPE: &str = "INSERT INTO roles_scopes (tenant_id, role_id, scope_id) \
             SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM roles WHERE tenant_id = $1 AND id = $2) \
             AND EXISTS (SELECT 1 FROM scopes WHERE tenant_id = $1 AND id = $3) \
             ON CONFLICT DO NOTHING";
        let tenant = DEFAULT_TENANT;
        let mut tx = self.begin().await?;
        let resource = dispatch_tx_exec!(&mut tx, c => sqlx::query(RESOURCE)
            .bind(tenant).bind(MANAGEMENT_API_RESOURCE_ID).bind(indicator).bind(false)
            .execute(c))?;
        dispatch_tx_exec!(&mut tx, c => sqlx::query(INDICATOR)
            .bind(tenant).bind(MANAGEMENT_API_RESOURCE_ID).bind(indicator)
            .execute(c))?;
        let scope = dispatch_tx_exec!(&mut tx, c => sqlx::query(SCOPE)
            .bind(tenant).bind(MANAGEMENT_API_SCOPE_ID).bind(MANAGEMENT_API_RESOURCE_ID)
            .execute(c))?;
        let role = dispatch_tx_exec!(&mut tx, c => sqlx::query(ROLE)
            .bind(tenant).bind(MANAGEMENT_API_ROLE_ID).bind(false)
            .execute(c))?;
        let role_scope = dispatch_tx_exec!(&mut tx, c => sqlx::query(ROLE_SCOPE)
            .bind(tenant).bind(MANAGEMENT_API_ROLE_ID).bind(MANAGEMENT_API_SCOPE_ID)
            .execute(c))?;
        tx.commit().await?;
        Ok(Restored {
            resource: resource > 0,
            scope: scope > 0,
            role: role > 0,
            role_scope: role_scope > 0,
        })
    }

    /// Those of `scope_ids` that are permissions of the Management API resource.
    pub async fn management_api_scopes_among(
        &self,
        tenant: &str,
        scope_ids: &[String],
    ) -> Result<Vec<String>, StorageError> {
        if scope_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id FROM scopes WHERE tenant_id = $1 AND resource_id = $2 AND id IN ({})",
            super::sql::placeholders(3, scope_ids.len())
        );
        let rows: Vec<(String,)> = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, (String,)>(&sql)
                .bind(tenant)
                .bind(MANAGEMENT_API_RESOURCE_ID);
            for id in scope_ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }
}
