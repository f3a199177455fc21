//! `scopes`: permissions of API resources.

use super::db::{Store, dispatch};
use super::error::StorageError;
use super::pagination::{Page, Paged};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ScopeRow {
    pub tenant_id: String,
    pub id: String,
    pub resource_id: String,
    pub name: String,
    pub description: Option<String>,
    pub created_at: i64,
}

impl Store {
    /// The API permissions an organization role holds, by name.
    pub async fn organization_role_resource_scope_list(
        &self,
        tenant: &str,
        role_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<ScopeRow>, StorageError> {
        const FROM: &str = "organization_role_resource_scope_relations r \
             JOIN scopes s ON s.id = r.scope_id \
             WHERE r.tenant_id = $1 AND r.organization_role_id = $2";
        let limit = if page.is_some() {
            " LIMIT $3 OFFSET $4"
        } else {
            ""
        };
        let list_sql = format!(
            "SELECT s.tenant_id, s.id, s.resource_id, s.name, s.description, s.created_at \
             FROM {FROM} ORDER BY {}, s.id{limit}",
            super::sql::by_name(&self.db, "s.name")
        );
        let count_sql = format!("SELECT COUNT(*) FROM {FROM}");
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, ScopeRow>(&list_sql).bind(tenant).bind(role_id);
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
