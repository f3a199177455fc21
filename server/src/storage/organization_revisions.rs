//! Revisions of a member's organization list (`GET /api/users/:id/organizations`): one indexed
//! read tells whether a list a replica built earlier is still what the database would give.
//!
//! The list shows the member's memberships, its roles in them and the fields of those
//! organizations and roles. So the revision is:
//! - the member's counter, raised in every transaction that adds a membership or a role of the
//!   member ([`super::relations::insert_in`] is the only writer of those rows);
//! - how many memberships and role rows the member has: removals, including cascades from a
//!   deleted organization or role, always lower one of them, and a removal together with an
//!   addition raises the counter;
//! - the tenant's counter, raised with every edit of an organization or an organization role.
//!
//! Every part changes in the transaction that changes the list, and the revision is read in one
//! statement (one snapshot), before the list itself: a list stored under a revision is never
//! older than that revision.

use super::db::{Store, Tx, dispatch, dispatch_tx_exec};
use super::error::StorageError;
use super::member_kind::MemberKind;

/// Equal revisions mean equal lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrganizationListRevision {
    member: i64,
    memberships: i64,
    roles: i64,
    tenant: i64,
}

/// Raises the counters of members that gained rows; ascending order, so that two transactions
/// raising the same members lock their rows in the same order and cannot deadlock.
pub(crate) async fn raise_members(
    tx: &mut Tx,
    member_table: &str,
    mut ids: Vec<&str>,
) -> Result<(), StorageError> {
    ids.sort_unstable();
    ids.dedup();
    // By primary key alone: a cached PostgreSQL plan made while the table was small could
    // otherwise walk a `(tenant_id, …)` index over every row of the tenant.
    let sql = format!(
        "UPDATE {member_table} SET organizations_revision = organizations_revision + 1 \
         WHERE id = $1"
    );
    for id in ids {
        dispatch_tx_exec!(&mut *tx, c => sqlx::query(&sql).bind(id).execute(c))?;
    }
    Ok(())
}

/// Raises the tenant's counter (an organization or an organization role was edited).
pub(crate) async fn raise_tenant(tx: &mut Tx, tenant: &str) -> Result<(), StorageError> {
    const SQL: &str =
        "UPDATE tenants SET organizations_revision = organizations_revision + 1 WHERE id = $1";
    dispatch_tx_exec!(&mut *tx, c => sqlx::query(SQL).bind(tenant).execute(c))?;
    Ok(())
}

impl Store {
    /// The revision of a member's organization list; `None` when there is no such member.
    pub async fn member_organizations_revision(
        &self,
        kind: MemberKind,
        tenant: &str,
        member_id: &str,
    ) -> Result<Option<OrganizationListRevision>, StorageError> {
        let sql = format!(
            "SELECT x.organizations_revision, \
               (SELECT COUNT(*) FROM {members} m WHERE m.tenant_id = $1 AND m.{col} = $2), \
               (SELECT COUNT(*) FROM {roles} r WHERE r.tenant_id = $1 AND r.{col} = $2), \
               t.organizations_revision \
             FROM {table} x JOIN tenants t ON t.id = x.tenant_id \
             WHERE x.tenant_id = $1 AND x.id = $2",
            members = kind.members().table,
            roles = kind.roles().table,
            col = kind.column(),
            table = kind.member_table(),
        );
        let row: Option<(i64, i64, i64, i64)> = dispatch!(&self.db, p => sqlx::query_as(&sql)
            .bind(tenant)
            .bind(member_id)
            .fetch_optional(p))?;
        Ok(row.map(
            |(member, memberships, roles, tenant)| OrganizationListRevision {
                member,
                memberships,
                roles,
                tenant,
            },
        ))
    }
}
