//! A new account and the organizations it joins because of its verified email's domain, in
//! one transaction (next-features §3): the user never exists without the memberships the
//! domain gives, nor the memberships without their default roles.

use super::db::{Store, Tx, dispatch_tx};
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
        for organization in &organizations {
            join_with_jit_roles(&mut tx, tenant, organization, &row.id, now).await?;
        }
        tx.commit().await?;
        Ok(organizations)
    }
}

/// Makes `user` a member of `organization` (kept if already one) with the organization's JIT
/// default roles, inside `tx`.
async fn join_with_jit_roles(
    tx: &mut Tx,
    tenant: &str,
    organization: &str,
    user: &str,
    now: i64,
) -> Result<(), StorageError> {
    const ROLES: &str = "SELECT organization_role_id FROM organization_jit_roles \
         WHERE tenant_id = $1 AND organization_id = $2 ORDER BY organization_role_id";
    let roles: Vec<String> = dispatch_tx!(tx, c => sqlx::query_scalar(ROLES)
        .bind(tenant)
        .bind(organization)
        .fetch_all(c))?;
    let kind = MemberKind::User;
    let member = [user.to_string()];
    insert_in(tx, kind.members(), tenant, &[organization], &member, now).await?;
    insert_in(tx, kind.roles(), tenant, &[organization, user], &roles, now).await
}

impl Store {
    /// Makes `user` a member of each existing organization of `organization_ids` with its JIT
    /// default roles, in one transaction (a magic link's `jitOrganizationIds`); unknown ids are
    /// passed over. The organizations joined.
    pub async fn user_join_organizations_jit(
        &self,
        tenant: &str,
        user: &str,
        organization_ids: &[String],
        now: i64,
    ) -> Result<Vec<String>, StorageError> {
        const EXISTS: &str = "SELECT id FROM organizations WHERE tenant_id = $1 AND id = $2";
        let mut tx = self.begin().await?;
        let mut joined = Vec::new();
        for organization in organization_ids {
            let found: Option<String> = dispatch_tx!(&mut tx, c => sqlx::query_scalar(EXISTS)
                .bind(tenant)
                .bind(organization)
                .fetch_optional(c))?;
            if found.is_some() && !joined.contains(organization) {
                joined.push(organization.clone());
            }
        }
        let owners: Vec<[&str; 1]> = joined.iter().map(|o| [o.as_str()]).collect();
        let owners: Vec<&[&str]> = owners.iter().map(|o| o.as_slice()).collect();
        lock_owners(&mut tx, &owners).await?;
        for organization in &joined {
            join_with_jit_roles(&mut tx, tenant, organization, user, now).await?;
        }
        tx.commit().await?;
        Ok(joined)
    }
}
