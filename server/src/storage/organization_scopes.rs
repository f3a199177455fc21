//! `organization_scopes`: the organization template's permissions.

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
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
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .execute(p))?;
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
        const FILTER: &str = "tenant_id = $1 AND ($2 IS NULL OR lower(name) LIKE $2 ESCAPE '\\')";
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let limit = if page.is_some() {
            " LIMIT $3 OFFSET $4"
        } else {
            ""
        };
        let list_sql = format!(
            "SELECT {COLUMNS} FROM organization_scopes WHERE {FILTER} ORDER BY {}, id{limit}",
            super::sql::by_name(&self.db, "name")
        );
        let count_sql = format!("SELECT COUNT(*) FROM organization_scopes WHERE {FILTER}");
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, OrganizationScopeRow>(&list_sql).bind(tenant).bind(&pattern);
            if let Some(page) = page {
                q = q.bind(page.limit()).bind(page.offset());
            }
            q.fetch_all(p)
        })?;
        if page.is_none() {
            return Ok(Paged::all(items));
        }
        let total: i64 = dispatch!(&self.db, p => sqlx::query_scalar(&count_sql)
            .bind(tenant)
            .bind(&pattern)
            .fetch_one(p))?;
        Ok(Paged { items, total })
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
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationScopeRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(&patch.name)
            .bind(set_description)
            .bind(description)
            .fetch_optional(p))?,
        )
    }

    pub async fn organization_scope_delete(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM organization_scopes WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }

    /// The organization permissions of a role, by name.
    pub async fn organization_role_scope_list(
        &self,
        tenant: &str,
        role_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationScopeRow>, StorageError> {
        const FROM: &str = "organization_role_scope_relations r \
             JOIN organization_scopes s ON s.id = r.organization_scope_id \
             WHERE r.tenant_id = $1 AND r.organization_role_id = $2";
        let limit = if page.is_some() {
            " LIMIT $3 OFFSET $4"
        } else {
            ""
        };
        let list_sql = format!(
            "SELECT s.tenant_id, s.id, s.name, s.description FROM {FROM} ORDER BY {}, s.id{limit}",
            super::sql::by_name(&self.db, "s.name")
        );
        let count_sql = format!("SELECT COUNT(*) FROM {FROM}");
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, OrganizationScopeRow>(&list_sql)
                .bind(tenant)
                .bind(role_id);
            if let Some(page) = page {
                q = q.bind(page.limit()).bind(page.offset());
            }
            q.fetch_all(p)
        })?;
        if page.is_none() {
            return Ok(Paged::all(items));
        }
        let total: i64 = dispatch!(&self.db, p => sqlx::query_scalar(&count_sql)
            .bind(tenant)
            .bind(role_id)
            .fetch_one(p))?;
        Ok(Paged { items, total })
    }
}
