//! `organization_scopes`: the organization template's permissions.

use super::changes::Change;
use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::sql::{like_pattern, split_nullable};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrganizationScopeRow {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

/// Name changes; `None` keeps the stored value, `Some(None)` clears the description.
#[derive(Clone, Debug, Default)]
pub struct OrganizationScopePatch {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
}

const COLUMNS: &str = "tenant_id, id, name, description";

impl Store {
    pub async fn organization_scope_insert(
        &self,
        row: &OrganizationScopeRow,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO organization_scopes (tenant_id, id, name, description) \
             VALUES ($1, $2, $3, $4)";
        let inserted = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .execute(p));
        self.wrote(Change::ClientGrants, inserted)?;
        Ok(())
    }

    pub async fn organization_scope_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<OrganizationScopeRow>, StorageError> {
        let sql =
            format!("SELECT {COLUMNS} FROM organization_scopes WHERE tenant_id = $1 AND id = $2");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationScopeRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    /// Permissions by name, optionally filtered by `q` over the name; all of them without a page.
    pub async fn organization_scope_list(
        &self,
        tenant: &str,
        q: Option<&str>,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationScopeRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let list = ListQuery {
            columns: COLUMNS,
            from: "organization_scopes \
                WHERE tenant_id = $1 AND ($2 IS NULL OR lower(name) LIKE $2 ESCAPE '\\')",
            order_by: &format!("{}, id", super::sql::by_name(&self.db, "name")),
        };
        fetch_paged(&self.db, list, &[Some(tenant), pattern.as_deref()], page).await
    }

    /// Applies a patch in one statement; `None` when the permission does not exist.
    pub async fn organization_scope_update(
        &self,
        tenant: &str,
        id: &str,
        patch: &OrganizationScopePatch,
    ) -> Result<Option<OrganizationScopeRow>, StorageError> {
        let sql = format!(
            "UPDATE organization_scopes SET name = COALESCE($3, name), \
               description = CASE WHEN $4 THEN $5 ELSE description END \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        let (set_description, description) = split_nullable(&patch.description);
        let updated = dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationScopeRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(&patch.name)
            .bind(set_description)
            .bind(description)
            .fetch_optional(p));
        Ok(self.wrote(Change::ClientGrants, updated)?)
    }

    pub async fn organization_scope_delete(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM organization_scopes WHERE tenant_id = $1 AND id = $2";
        let deleted =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p));
        let done = self.wrote(Change::ClientGrants, deleted)?;
        Ok(done > 0)
    }

    /// The organization permissions of a role, by name.
    pub async fn organization_role_scope_list(
        &self,
        tenant: &str,
        role_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationScopeRow>, StorageError> {
        let list = ListQuery {
            columns: "s.tenant_id, s.id, s.name, s.description",
            from: "organization_role_scope_relations r \
                JOIN organization_scopes s ON s.id = r.organization_scope_id \
                WHERE r.tenant_id = $1 AND r.organization_role_id = $2",
            order_by: &format!("{}, s.id", super::sql::by_name(&self.db, "s.name")),
        };
        fetch_paged(&self.db, list, &[Some(tenant), Some(role_id)], page).await
    }
}
