//! `organization_roles` and the permissions they hold (organization scopes and API scopes).

use super::changes::Change;
use super::db::{Store, dispatch, dispatch_exec, dispatch_tx, dispatch_tx_exec};
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::relations::{ORGANIZATION_ROLE_RESOURCE_SCOPES, ORGANIZATION_ROLE_SCOPES};
use super::sql::{like_pattern, placeholders, split_nullable};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrganizationRoleRow {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[sqlx(rename = "type")]
    pub role_type: String,
}

/// Fields to change; `None` keeps the stored value, `Some(None)` clears the description.
#[derive(Clone, Debug, Default)]
pub struct OrganizationRolePatch {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub role_type: Option<String>,
}

/// A permission held by a role, for the list view (`scopes` / `resourceScopes`).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RolePermissionRow {
    pub role_id: String,
    pub id: String,
    pub name: String,
    /// The API resource of an API permission; `None` for organization permissions.
    pub resource_id: Option<String>,
    pub resource_name: Option<String>,
}

/// A role as seen from a member: `{id, name}` of a role the member holds.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HeldRoleRow {
    pub holder_id: String,
    pub id: String,
    pub name: String,
}

pub(crate) const COLUMNS: &str = "tenant_id, id, name, description, type";

impl Store {
    /// Inserts the role with its initial permissions in one transaction: an unknown permission id
    /// is a `ForeignKeyViolation` and leaves nothing behind.
    pub async fn organization_role_insert(
        &self,
        row: &OrganizationRoleRow,
        scope_ids: &[String],
        resource_scope_ids: &[String],
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO organization_roles (tenant_id, id, name, description, type) \
             VALUES ($1, $2, $3, $4, $5)";
        let mut tx = self.begin().await?;
        dispatch_tx_exec!(&mut tx, c => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.role_type)
            .execute(c))?;
        let scope = [row.id.as_str()];
        super::relations::insert_in(
            &mut tx,
            &ORGANIZATION_ROLE_SCOPES,
            &row.tenant_id,
            &scope,
            scope_ids,
            0,
        )
        .await?;
        super::relations::insert_in(
            &mut tx,
            &ORGANIZATION_ROLE_RESOURCE_SCOPES,
            &row.tenant_id,
            &scope,
            resource_scope_ids,
            0,
        )
        .await?;
        tx.commit().await
    }

    /// Adds organization permissions and API permissions to a role in one transaction, under
    /// the role's lock like every other writer of its permission lists: an unknown role or
    /// permission id is a `ForeignKeyViolation` and leaves nothing behind; held ones are kept.
    pub async fn organization_role_add_permissions(
        &self,
        tenant: &str,
        id: &str,
        scope_ids: &[String],
        resource_scope_ids: &[String],
    ) -> Result<(), StorageError> {
        let scope = [id];
        let mut tx = self.begin().await?;
        super::relations::lock_owners(&mut tx, &[&scope]).await?;
        super::relations::insert_in(
            &mut tx,
            &ORGANIZATION_ROLE_SCOPES,
            tenant,
            &scope,
            scope_ids,
            0,
        )
        .await?;
        super::relations::insert_in(
            &mut tx,
            &ORGANIZATION_ROLE_RESOURCE_SCOPES,
            tenant,
            &scope,
            resource_scope_ids,
            0,
        )
        .await?;
        tx.commit().await
    }

    pub async fn organization_role_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<OrganizationRoleRow>, StorageError> {
        let sql =
            format!("SELECT {COLUMNS} FROM organization_roles WHERE tenant_id = $1 AND id = $2");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationRoleRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    /// Roles whose names are in `names` (to resolve `organizationRoleNames`).
    pub async fn organization_roles_by_names(
        &self,
        tenant: &str,
        names: &[String],
    ) -> Result<Vec<OrganizationRoleRow>, StorageError> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM organization_roles WHERE tenant_id = $1 AND name IN ({})",
            placeholders(2, names.len())
        );
        Ok(dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, OrganizationRoleRow>(&sql).bind(tenant);
            for name in names {
                q = q.bind(name);
            }
            q.fetch_all(p)
        })?)
    }

    /// Roles by name, filtered by `q` over id, name and description and optionally by type.
    pub async fn organization_role_list(
        &self,
        tenant: &str,
        q: Option<&str>,
        role_type: Option<&str>,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationRoleRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let list = ListQuery {
            columns: COLUMNS,
            from: "organization_roles WHERE tenant_id = $1 \
                AND ($2 IS NULL OR lower(id) LIKE $2 ESCAPE '\\' \
                  OR lower(name) LIKE $2 ESCAPE '\\' OR lower(description) LIKE $2 ESCAPE '\\') \
                AND ($3 IS NULL OR type = $3)",
            order_by: &format!("{}, id", super::sql::by_name(&self.db, "name")),
        };
        let args = [Some(tenant), pattern.as_deref(), role_type];
        fetch_paged(&self.db, list, &args, page).await
    }

    /// Organization and API permissions of the listed roles, each kind by name.
    pub async fn organization_role_permissions(
        &self,
        tenant: &str,
        role_ids: &[String],
    ) -> Result<Vec<RolePermissionRow>, StorageError> {
        if role_ids.is_empty() {
            return Ok(Vec::new());
        }
        let ids = placeholders(2, role_ids.len());
        let sql = format!(
            "SELECT rs.organization_role_id AS role_id, s.id, s.name, \
               NULL AS resource_id, NULL AS resource_name \
             FROM organization_role_scope_relations rs \
             JOIN organization_scopes s ON s.id = rs.organization_scope_id \
             WHERE rs.tenant_id = $1 AND rs.organization_role_id IN ({ids}) \
             UNION ALL \
             SELECT rr.organization_role_id, s.id, s.name, r.id, r.name \
             FROM organization_role_resource_scope_relations rr \
             JOIN scopes s ON s.id = rr.scope_id JOIN resources r ON r.id = s.resource_id \
             WHERE rr.tenant_id = $1 AND rr.organization_role_id IN ({ids}) \
             ORDER BY 3, 2"
        );
        let rows = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, RolePermissionRow>(&sql).bind(tenant);
            for id in role_ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?;
        Ok(rows)
    }

    pub async fn organization_role_update(
        &self,
        tenant: &str,
        id: &str,
        patch: &OrganizationRolePatch,
    ) -> Result<Option<OrganizationRoleRow>, StorageError> {
        let sql = format!(
            "UPDATE organization_roles SET name = COALESCE($3, name), \
               description = CASE WHEN $4 THEN $5 ELSE description END, \
               type = COALESCE($6, type) \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        let (set_description, description) = split_nullable(&patch.description);
        let mut tx = self.begin().await?;
        let updated = dispatch_tx!(&mut tx, c => sqlx::query_as::<_, OrganizationRoleRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(&patch.name)
            .bind(set_description)
            .bind(description)
            .bind(&patch.role_type)
            .fetch_optional(c))?;
        if updated.is_some() {
            super::organization_revisions::raise_tenant(&mut tx, tenant).await?;
        }
        tx.commit().await?;
        Ok(updated)
    }

    /// Deletes the role; its permissions, holders and JIT defaults go with it (cascade).
    pub async fn organization_role_delete(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM organization_roles WHERE tenant_id = $1 AND id = $2";
        let deleted =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p));
        let done = self.wrote(Change::ClientGrants, deleted)?;
        Ok(done > 0)
    }
}
