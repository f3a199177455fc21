//! Just-in-time provisioning settings of organizations: email domains and default roles (the
//! SSO connector list lives with the connectors).

use super::db::{Store, dispatch_exec};
use super::error::StorageError;
use super::organization_roles::{COLUMNS as ROLE_COLUMNS, OrganizationRoleRow};
use super::paged_query::{ListQuery, fetch_paged};
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
        let list = ListQuery {
            columns: "tenant_id, organization_id, email_domain",
            from: "organization_jit_email_domains WHERE tenant_id = $1 AND organization_id = $2",
            order_by: "created_at, email_domain",
        };
        let args = [Some(tenant), Some(organization_id)];
        fetch_paged(&self.db, list, &args, page).await
    }

    /// An organization's default roles for provisioned users, by name.
    pub async fn jit_role_list(
        &self,
        tenant: &str,
        organization_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationRoleRow>, StorageError> {
        let list = ListQuery {
            columns: ROLE_COLUMNS,
            from: "organization_roles WHERE tenant_id = $1 AND id IN ( \
                SELECT organization_role_id FROM organization_jit_roles \
                WHERE tenant_id = $1 AND organization_id = $2)",
            order_by: &format!("{}, id", super::sql::by_name(&self.db, "name")),
        };
        let args = [Some(tenant), Some(organization_id)];
        fetch_paged(&self.db, list, &args, page).await
    }
}
