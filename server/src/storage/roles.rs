//! `roles`: global roles holding API permissions, given to users (User type) or to
//! machine-to-machine applications (MachineToMachine type).

use super::applications::{A_COLUMNS, ApplicationRow};
use super::db::{Store, dispatch, dispatch_exec, dispatch_tx_exec};
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::scopes::ScopeRow;
use super::sql::like_pattern;
use super::users::{U_COLUMNS, UserRow};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RoleRow {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    #[sqlx(rename = "type")]
    pub role_type: String,
    pub is_default: bool,
}

const COLUMNS: &str = "tenant_id, id, name, description, type, is_default";

/// The role list's filters (`GET /api/roles?q&type&excludeUserId&excludeApplicationId`).
#[derive(Clone, Copy, Debug, Default)]
pub struct RoleFilter<'a> {
    pub q: Option<&'a str>,
    pub role_type: Option<&'a str>,
    /// Leave out the roles this user holds.
    pub exclude_user: Option<&'a str>,
    /// Leave out the roles this application holds.
    pub exclude_application: Option<&'a str>,
    /// Only the roles this user holds.
    pub held_by_user: Option<&'a str>,
    /// Only the roles this application holds.
    pub held_by_application: Option<&'a str>,
}

impl Store {
    /// Inserts the role and its permissions in one transaction.
    pub async fn role_insert(
        &self,
        row: &RoleRow,
        scope_ids: &[String],
        now: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO roles (tenant_id, id, name, description, type, is_default, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
        let mut tx = self.begin().await?;
        dispatch_tx_exec!(&mut tx, c => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.role_type)
            .bind(row.is_default)
            .bind(now)
            .execute(c))?;
        super::relations::insert_in(
            &mut tx,
            &super::relations::ROLE_SCOPES,
            &row.tenant_id,
            &[row.id.as_str()],
            scope_ids,
            now,
        )
        .await?;
        tx.commit().await
    }

    pub async fn role_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<RoleRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM roles WHERE tenant_id = $1 AND id = $2");
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, RoleRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?)
    }

    /// The roles among `ids` that exist, in no particular order.
    pub async fn roles_find_many(
        &self,
        tenant: &str,
        ids: &[String],
    ) -> Result<Vec<RoleRow>, StorageError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM roles WHERE tenant_id = $1 AND id IN ({})",
            super::sql::placeholders(2, ids.len())
        );
        Ok(dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, RoleRow>(&sql).bind(tenant);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?)
    }

    /// Roles by name, filtered by `q` over id, name and description and by type.
    pub async fn role_list(
        &self,
        tenant: &str,
        filter: &RoleFilter<'_>,
        page: Page,
    ) -> Result<Paged<RoleRow>, StorageError> {
        let pattern = filter.q.filter(|q| !q.is_empty()).map(like_pattern);
        let list = ListQuery {
            columns: COLUMNS,
            from: "roles WHERE tenant_id = $1 \
                AND ($2 IS NULL OR lower(id) LIKE $2 ESCAPE '\\' \
                  OR lower(name) LIKE $2 ESCAPE '\\' OR lower(description) LIKE $2 ESCAPE '\\') \
                AND ($3 IS NULL OR type = $3) \
                AND ($4 IS NULL OR id NOT IN (SELECT role_id FROM users_roles \
                  WHERE tenant_id = $1 AND user_id = $4)) \
                AND ($5 IS NULL OR id NOT IN (SELECT role_id FROM applications_roles \
                  WHERE tenant_id = $1 AND application_id = $5)) \
                AND ($6 IS NULL OR id IN (SELECT role_id FROM users_roles \
                  WHERE tenant_id = $1 AND user_id = $6)) \
                AND ($7 IS NULL OR id IN (SELECT role_id FROM applications_roles \
                  WHERE tenant_id = $1 AND application_id = $7))",
            order_by: &format!("{}, id", super::sql::by_name(&self.db, "name")),
        };
        let args = [
            Some(tenant),
            pattern.as_deref(),
            filter.role_type,
            filter.exclude_user,
            filter.exclude_application,
            filter.held_by_user,
            filter.held_by_application,
        ];
        fetch_paged(&self.db, list, &args, Some(page)).await
    }

    pub async fn role_update(
        &self,
        tenant: &str,
        id: &str,
        name: Option<&str>,
        description: Option<&str>,
        is_default: Option<bool>,
    ) -> Result<Option<RoleRow>, StorageError> {
        let sql = format!(
            "UPDATE roles SET name = COALESCE($3, name), description = COALESCE($4, description), \
               is_default = COALESCE($5, is_default) \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, RoleRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(name)
            .bind(description)
            .bind(is_default)
            .fetch_optional(p))?)
    }

    pub async fn role_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM roles WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }

    /// The permissions of a role, by name.
    pub async fn role_scope_list(
        &self,
        tenant: &str,
        role_id: &str,
    ) -> Result<Vec<ScopeRow>, StorageError> {
        let sql = format!(
            "SELECT s.tenant_id, s.id, s.resource_id, s.name, s.description, s.created_at \
             FROM roles_scopes r JOIN scopes s ON s.id = r.scope_id \
             WHERE r.tenant_id = $1 AND r.role_id = $2 ORDER BY {}, s.id",
            super::sql::by_name(&self.db, "s.name")
        );
        Ok(dispatch!(&self.db, p => sqlx::query_as::<_, ScopeRow>(&sql)
            .bind(tenant)
            .bind(role_id)
            .fetch_all(p))?)
    }

    /// The users holding a role, in creation order.
    pub async fn role_user_list(
        &self,
        tenant: &str,
        role_id: &str,
        page: Page,
    ) -> Result<Paged<UserRow>, StorageError> {
        let list = ListQuery {
            columns: U_COLUMNS,
            from: "users_roles r JOIN users u ON u.id = r.user_id \
                WHERE r.tenant_id = $1 AND r.role_id = $2",
            order_by: "u.created_at, u.id",
        };
        fetch_paged(&self.db, list, &[Some(tenant), Some(role_id)], Some(page)).await
    }

    /// The applications holding a role, in creation order.
    pub async fn role_application_list(
        &self,
        tenant: &str,
        role_id: &str,
        page: Page,
    ) -> Result<Paged<ApplicationRow>, StorageError> {
        let list = ListQuery {
            columns: A_COLUMNS,
            from: "applications_roles r JOIN applications a ON a.id = r.application_id \
                WHERE r.tenant_id = $1 AND r.role_id = $2",
            order_by: "a.created_at, a.id",
        };
        fetch_paged(&self.db, list, &[Some(tenant), Some(role_id)], Some(page)).await
    }
}
