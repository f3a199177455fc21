//! `scopes`: permissions of API resources.

use super::db::Store;
use super::error::StorageError;
use super::paged_query::{ListQuery, fetch_paged};
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
        let list = ListQuery {
            columns: "s.tenant_id, s.id, s.resource_id, s.name, s.description, s.created_at",
            from: "organization_role_resource_scope_relations r \
                JOIN scopes s ON s.id = r.scope_id \
                WHERE r.tenant_id = $1 AND r.organization_role_id = $2",
            order_by: &format!("{}, s.id", super::sql::by_name(&self.db, "s.name")),
        };
        fetch_paged(&self.db, list, &[Some(tenant), Some(role_id)], page).await
    }
}
