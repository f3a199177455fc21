//! A new account and the organizations it joins because of its verified email's domain, in
//! one transaction (next-features §3): the user never exists without the memberships the
//! domain gives, nor the memberships without their default roles.

use super::db::{Store, dispatch_tx};
use super::error::StorageError;
use super::member_kind::MemberKind;
use super::relations::{insert_in, lock_owners};
use super::users::{self, UserRow};

impl Store {
    /// Inserts `row`; with `email_domain` (lower case), makes the user a member of every
    /// organization listing that domain for just-in-time provisioning, with that
    /// organization's default roles. Returns the organizations joined.
    pub async fn user_insert_provisioned(
        &self,
        row: &UserRow,
        email_domain: Option<&str>,
        now: i64,
    ) -> Result<Vec<String>, StorageError> {
        let mut tx = self.begin().await?;
        users::insert_in(&mut tx, row).await?;
        let tenant = row.tenant_id.as_str();
        let organizations: Vec<String> = match email_domain {
            Some(domain) => {
                const SQL: &str = "SELECT organization_id FROM organization_jit_email_domains \
                     WHERE tenant_id = $1 AND email_domain = $2 ORDER BY organization_id";
                dispatch_tx!(&mut tx, c => sqlx::query_scalar(SQL)
                    .bind(tenant)
                    .bind(domain)
                    .fetch_all(c))?
            }
            None => Vec::new(),
        };
        if !organizations.is_empty() {
            let owners: Vec<[&str; 1]> = organizations.iter().map(|o| [o.as_str()]).collect();
            let owners: Vec<&[&str]> = owners.iter().map(|o| o.as_slice()).collect();
            lock_owners(&mut tx, &owners).await?;
        }
        let user = [row.id.clone()];
        for organization in &organizations {
            const ROLES: &str = "SELECT organization_role_id FROM organization_jit_roles \
                 WHERE tenant_id = $1 AND organization_id = $2 ORDER BY organization_role_id";
            let roles: Vec<String> = dispatch_tx!(&mut tx, c => sqlx::query_scalar(ROLES)
                .bind(tenant)
                .bind(organization)
                .fetch_all(c))?;
            let kind = MemberKind::User;
            insert_in(&mut tx, kind.members(), tenant, &[organization], &user, now).await?;
            let scope = [organization.as_str(), row.id.as_str()];
            insert_in(&mut tx, kind.roles(), tenant, &scope, &roles, now).await?;
        }
        tx.commit().await?;
        Ok(organizations)
    }
}
