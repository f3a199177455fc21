//! `resources` (API resources addressed by their indicator).

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::scopes::ScopeRow;

#[derive(Clone, Debug)]
pub struct ResourceRow {
    pub id: String,
    pub indicator: String,
    pub access_token_ttl: i64,
}

/// Id of the seeded Management API resource (migrations/*/0001_init.sql).
pub const MANAGEMENT_API_RESOURCE_ID: &str = app::model::MANAGEMENT_API_RESOURCE_ID;
/// Id of the seeded `all` permission of the Management API resource.
pub const MANAGEMENT_API_SCOPE_ID: &str = "management-api-all";
/// Id of the seeded M2M role holding the Management API's `all` permission.
pub const MANAGEMENT_API_ROLE_ID: &str = "management-api-access";

/// A full `resources` row, as the Management API shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ResourceFullRow {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub indicator: String,
    pub is_default: bool,
    pub access_token_ttl: i64,
}

const COLUMNS: &str = "tenant_id, id, name, indicator, is_default, access_token_ttl";
const SCOPE_COLUMNS: &str = "tenant_id, id, resource_id, name, description, created_at";

/// A resource and the names of its permissions that one application holds through its roles.
#[derive(Clone, Debug)]
pub struct ResourceGrant {
    pub resource: ResourceRow,
    pub scopes: Vec<String>,
}

/// One row per permission (or a single row with none) of the token endpoint's resource
/// lookups, with whether the caller is a member of the organization in question.
#[derive(sqlx::FromRow)]
pub(crate) struct ResourceScopeRow {
    id: String,
    indicator: String,
    access_token_ttl: i64,
    is_member: bool,
    scope_name: Option<String>,
}

/// The resource and its permission names from those rows; `None` when there were none (no
/// such resource).
pub(crate) fn resource_grant(rows: Vec<ResourceScopeRow>) -> Option<(bool, ResourceGrant)> {
    let first = rows.first()?;
    let is_member = first.is_member;
    let resource = ResourceRow {
        id: first.id.clone(),
        indicator: first.indicator.clone(),
        access_token_ttl: first.access_token_ttl,
    };
    let scopes = rows.into_iter().filter_map(|r| r.scope_name).collect();
    Some((is_member, ResourceGrant { resource, scopes }))
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
        const SQL: &str = "SELECT r.id, r.indicator, r.access_token_ttl, TRUE AS is_member, \
             s.name AS scope_name \
             FROM resources r \
             LEFT JOIN scopes s ON s.resource_id = r.id AND EXISTS ( \
               SELECT 1 FROM applications_roles ar \
               JOIN roles_scopes rs ON rs.role_id = ar.role_id \
               WHERE ar.tenant_id = $1 AND ar.application_id = $2 AND rs.scope_id = s.id) \
             WHERE r.tenant_id = $1 AND r.indicator = $3 \
             ORDER BY s.name";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, ResourceScopeRow>(SQL)
            .bind(tenant)
            .bind(application_id)
            .bind(indicator)
            .fetch_all(p))?;
        Ok(resource_grant(rows).map(|(_, grant)| grant))
    }

    pub async fn resource_insert(&self, row: &ResourceFullRow) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO resources (tenant_id, id, name, indicator, is_default, \
             access_token_ttl) VALUES ($1, $2, $3, $4, $5, $6)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.indicator)
            .bind(row.is_default)
            .bind(row.access_token_ttl)
            .execute(p))?;
        Ok(())
    }

    pub async fn resource_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<ResourceFullRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM resources WHERE tenant_id = $1 AND id = $2");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, ResourceFullRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    pub async fn resource_indicator_taken(
        &self,
        tenant: &str,
        indicator: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT id FROM resources WHERE tenant_id = $1 AND indicator = $2";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(indicator)
            .fetch_optional(p))?;
        Ok(found.is_some())
    }

    /// Resources by name (then id).
    pub async fn resource_list(
        &self,
        tenant: &str,
        page: Option<Page>,
    ) -> Result<Paged<ResourceFullRow>, StorageError> {
        let list = ListQuery {
            columns: COLUMNS,
            from: "resources WHERE tenant_id = $1",
            order_by: &format!("{}, id", super::sql::by_name(&self.db, "name")),
        };
        fetch_paged(&self.db, list, &[Some(tenant)], page).await
    }

    pub async fn resource_update(
        &self,
        tenant: &str,
        id: &str,
        name: Option<&str>,
        access_token_ttl: Option<i64>,
    ) -> Result<Option<ResourceFullRow>, StorageError> {
        let sql = format!(
            "UPDATE resources SET name = COALESCE($3, name), \
               access_token_ttl = COALESCE($4, access_token_ttl) \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, ResourceFullRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(name)
            .bind(access_token_ttl)
            .fetch_optional(p))?,
        )
    }

    /// Makes the resource the tenant's default (taking the flag from any other in the same
    /// statement, so there is never more than one) or clears its flag. `None`: no such resource.
    pub async fn resource_set_default(
        &self,
        tenant: &str,
        id: &str,
        is_default: bool,
    ) -> Result<Option<ResourceFullRow>, StorageError> {
        let sql = if is_default {
            format!(
                "UPDATE resources SET is_default = (id = $2) \
                 WHERE tenant_id = $1 AND (id = $2 OR is_default) RETURNING {COLUMNS}"
            )
        } else {
            format!(
                "UPDATE resources SET is_default = FALSE \
                 WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
            )
        };
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, ResourceFullRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_all(p))?;
        Ok(rows.into_iter().find(|r| r.id == id))
    }

    /// Deletes the resource; its permissions and every grant of them go with it.
    pub async fn resource_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM resources WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }

    pub async fn scope_insert(&self, row: &ScopeRow) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO scopes (tenant_id, id, resource_id, name, description, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.resource_id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(row.created_at)
            .execute(p))?;
        Ok(())
    }

    /// Permissions of one resource (or of the listed resources) by name, filtered by `q` over
    /// name and description.
    pub async fn scope_list(
        &self,
        tenant: &str,
        resource_id: &str,
        q: Option<&str>,
        page: Option<Page>,
    ) -> Result<Paged<ScopeRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(super::sql::like_pattern);
        let list = ListQuery {
            columns: SCOPE_COLUMNS,
            from: "scopes WHERE tenant_id = $1 AND resource_id = $2 AND ($3 IS NULL \
                OR lower(name) LIKE $3 ESCAPE '\\' OR lower(description) LIKE $3 ESCAPE '\\')",
            order_by: &format!("{}, id", super::sql::by_name(&self.db, "name")),
        };
        let args = [Some(tenant), Some(resource_id), pattern.as_deref()];
        fetch_paged(&self.db, list, &args, page).await
    }

    /// Whether another permission of the resource has this name.
    pub async fn scope_name_taken(
        &self,
        tenant: &str,
        resource_id: &str,
        name: &str,
        except_id: Option<&str>,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT id FROM scopes WHERE tenant_id = $1 AND resource_id = $2 \
             AND name = $3 AND ($4 IS NULL OR id <> $4)";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(resource_id)
            .bind(name)
            .bind(except_id)
            .fetch_optional(p))?;
        Ok(found.is_some())
    }

    pub async fn scope_update(
        &self,
        tenant: &str,
        resource_id: &str,
        id: &str,
        name: Option<&str>,
        description: Option<Option<&str>>,
    ) -> Result<Option<ScopeRow>, StorageError> {
        let sql = format!(
            "UPDATE scopes SET name = COALESCE($4, name), \
               description = CASE WHEN $5 THEN $6 ELSE description END \
             WHERE tenant_id = $1 AND resource_id = $2 AND id = $3 RETURNING {SCOPE_COLUMNS}"
        );
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, ScopeRow>(&sql)
            .bind(tenant)
            .bind(resource_id)
            .bind(id)
            .bind(name)
            .bind(description.is_some())
            .bind(description.flatten())
            .fetch_optional(p))?)
    }

    pub async fn scope_delete(
        &self,
        tenant: &str,
        resource_id: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str =
            "DELETE FROM scopes WHERE tenant_id = $1 AND resource_id = $2 AND id = $3";
        let done = dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(tenant)
            .bind(resource_id)
            .bind(id)
            .execute(p))?;
        Ok(done > 0)
    }

    /// The permissions of the listed resources, in one query (by name).
    pub async fn scopes_of_resources(
        &self,
        tenant: &str,
        resource_ids: &[String],
    ) -> Result<Vec<ScopeRow>, StorageError> {
        if resource_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {SCOPE_COLUMNS} FROM scopes WHERE tenant_id = $1 AND resource_id IN ({}) \
             ORDER BY {}, id",
            super::sql::placeholders(2, resource_ids.len()),
            super::sql::by_name(&self.db, "name")
        );
        Ok(dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, ScopeRow>(&sql).bind(tenant);
            for id in resource_ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?)
    }
}
