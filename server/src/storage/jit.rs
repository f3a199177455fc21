//! Just-in-time provisioning settings of organizations: email domains and default roles (the
//! SSO connector list lives with the connectors).

use super::db::{Store, dispatch, dispatch_exec};
use super::error::StorageError;
use super::organization_roles::{COLUMNS as ROLE_COLUMNS, OrganizationRoleRow};
use super::pagination::{Page, Paged};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EmailDomainRow {
    pub tenant_id: String,
    pub organization_id: String,
    pub email_domain: String,
}

impl Store {
    /// Adds one domain; an existing one is a `UniqueViolation`, an unknown organization a
    /// `ForeignKeyViolation`.
    pub async fn jit_email_domain_insert(
        &self,
        row: &EmailDomainRow,
        now: i64,
    ) -> Result<(), StorageError> {
        const SQL: &str = "INSERT INTO organization_jit_email_domains \
             (tenant_id, organization_id, email_domain, created_at) VALUES ($1, $2, $3, $4)";
        dispatch_exec!(&self.db, p => sqlx::query(SQL)
            .bind(&row.tenant_id)
            .bind(&row.organization_id)
            .bind(&row.email_domain)
            .bind(now)
            .execute(p))?;
        Ok(())
    }

    /// An organization's domains in the order they were added.
    pub async fn jit_email_domain_list(
        &self,
        tenant: &str,
        organization_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<EmailDomainRow>, StorageError> {
        const FROM: &str =
            "organization_jit_email_domains WHERE tenant_id = $1 AND organization_id = $2";
        let limit = if page.is_some() {
            " LIMIT $3 OFFSET $4"
        } else {
            ""
        };
        let list_sql = format!(
            "SELECT tenant_id, organization_id, email_domain FROM {FROM} \
             ORDER BY created_at, email_domain{limit}"
        );
        let count_sql = format!("SELECT COUNT(*) FROM {FROM}");
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, EmailDomainRow>(&list_sql)
                .bind(tenant)
                .bind(organization_id);
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
            .bind(organization_id)
            .fetch_one(p))?;
        Ok(Paged { items, total })
    }

    /// An organization's default roles for provisioned users, by name.
    pub async fn jit_role_list(
        &self,
        tenant: &str,
        organization_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationRoleRow>, StorageError> {
        const FROM: &str = "organization_roles WHERE tenant_id = $1 AND id IN ( \
             SELECT organization_role_id FROM organization_jit_roles \
             WHERE tenant_id = $1 AND organization_id = $2)";
        let limit = if page.is_some() {
            " LIMIT $3 OFFSET $4"
        } else {
            ""
        };
        let list_sql = format!(
            "SELECT {ROLE_COLUMNS} FROM {FROM} ORDER BY {}, id{limit}",
            super::sql::by_name(&self.db, "name")
        );
        let count_sql = format!("SELECT COUNT(*) FROM {FROM}");
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, OrganizationRoleRow>(&list_sql)
                .bind(tenant)
                .bind(organization_id);
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
            .bind(organization_id)
            .fetch_one(p))?;
        Ok(Paged { items, total })
    }
}
