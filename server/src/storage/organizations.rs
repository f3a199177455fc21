//! `organizations` and the member counts shown beside them.

use std::collections::HashMap;

use super::changes::Change;
use super::db::{Store, dispatch, dispatch_exec, dispatch_tx};
use super::error::StorageError;
use super::featured::FeaturedUserRow;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::sql::{like_pattern, split_nullable};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrganizationRow {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub custom_data: String,
    pub is_mfa_required: bool,
    pub color: String,
    pub branding: String,
    pub custom_css: Option<String>,
    pub created_at: i64,
}

/// Fields to change; `None` keeps the stored value. Nullable columns carry `Some(None)` to clear.
#[derive(Clone, Debug, Default)]
pub struct OrganizationPatchRow {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub custom_data: Option<String>,
    pub is_mfa_required: Option<bool>,
    pub color: Option<String>,
    pub branding: Option<String>,
    pub custom_css: Option<Option<String>>,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    organization_id: String,
    n: i64,
}

const COLUMNS: &str = "tenant_id, id, name, description, custom_data, is_mfa_required, color, \
                       branding, custom_css, created_at";

impl Store {
    pub async fn organization_insert(&self, row: &OrganizationRow) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO organizations (tenant_id, id, name, description, custom_data, \
             is_mfa_required, color, branding, custom_css, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.custom_data)
            .bind(row.is_mfa_required)
            .bind(&row.color)
            .bind(&row.branding)
            .bind(&row.custom_css)
            .bind(row.created_at)
            .execute(p))?;
        Ok(())
    }

    pub async fn organization_find_by_id(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<OrganizationRow>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM organizations WHERE tenant_id = $1 AND id = $2");
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationRow>(&sql)
            .bind(tenant)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    /// Organizations in creation order (then id), optionally filtered by `q` over id and name.
    pub async fn organization_list(
        &self,
        tenant: &str,
        q: Option<&str>,
        page: Page,
    ) -> Result<Paged<OrganizationRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let list = ListQuery {
            columns: COLUMNS,
            from: "organizations WHERE tenant_id = $1 AND ($2 IS NULL \
                OR lower(id) LIKE $2 ESCAPE '\\' OR lower(name) LIKE $2 ESCAPE '\\')",
            order_by: "created_at, id",
        };
        let args = [Some(tenant), pattern.as_deref()];
        fetch_paged(&self.db, list, &args, Some(page)).await
    }

    /// Applies a patch; `None` when the organization does not exist.
    pub async fn organization_update(
        &self,
        tenant: &str,
        id: &str,
        patch: &OrganizationPatchRow,
    ) -> Result<Option<OrganizationRow>, StorageError> {
        let sql = format!(
            "UPDATE organizations SET \
               name = COALESCE($3, name), \
               description = CASE WHEN $4 THEN $5 ELSE description END, \
               custom_data = COALESCE($6, custom_data), \
               is_mfa_required = COALESCE($7, is_mfa_required), \
               color = COALESCE($8, color), \
               branding = COALESCE($9, branding), \
               custom_css = CASE WHEN $10 THEN $11 ELSE custom_css END \
             WHERE tenant_id = $1 AND id = $2 RETURNING {COLUMNS}"
        );
        let (set_description, description) = split_nullable(&patch.description);
        let (set_css, css) = split_nullable(&patch.custom_css);
        let mut tx = self.begin().await?;
        let updated = dispatch_tx!(&mut tx, c => sqlx::query_as::<_, OrganizationRow>(&sql)
            .bind(tenant)
            .bind(id)
            .bind(&patch.name)
            .bind(set_description)
            .bind(description)
            .bind(&patch.custom_data)
            .bind(patch.is_mfa_required)
            .bind(&patch.color)
            .bind(&patch.branding)
            .bind(set_css)
            .bind(css)
            .fetch_optional(c))?;
        if updated.is_some() {
            super::organization_revisions::raise_tenant(&mut tx, tenant).await?;
        }
        tx.commit().await?;
        Ok(updated)
    }

    /// Deletes the organization; relation rows go with it (ON DELETE CASCADE).
    pub async fn organization_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM organizations WHERE tenant_id = $1 AND id = $2";
        let deleted =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p));
        let done = self.wrote(Change::ClientGrants, deleted)?;
        Ok(done > 0)
    }

    /// Member counts and up to three members (by id) of each listed organization.
    pub async fn organization_featured(
        &self,
        tenant: &str,
        ids: &[String],
    ) -> Result<(HashMap<String, i64>, Vec<FeaturedUserRow>), StorageError> {
        if ids.is_empty() {
            return Ok((HashMap::new(), Vec::new()));
        }
        let placeholders = super::sql::placeholders(2, ids.len());
        // Member counts are kept on the organization by triggers (migration 0003).
        let count_sql = format!(
            "SELECT id AS organization_id, users_count AS n FROM organizations \
             WHERE tenant_id = $1 AND id IN ({placeholders}) AND users_count > 0"
        );
        let featured_sql = super::featured::first_per_key(
            "u.id, u.avatar, u.name",
            "organization_user_relations h JOIN users u ON u.id = h.user_id",
            "organization_id",
            "user_id",
            ids.len(),
        );
        let counts = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, CountRow>(&count_sql).bind(tenant);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?;
        let featured = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, FeaturedUserRow>(&featured_sql).bind(tenant);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?;
        Ok((
            counts
                .into_iter()
                .map(|c| (c.organization_id, c.n))
                .collect(),
            featured,
        ))
    }
}
