//! Members and their organization roles written in one step, for the console: members join
//! with their roles (what Logto's console does with `POST …/users` then `POST …/users/roles`,
//! here in one transaction), and a member's roles are set to any list, none included.
//! The checks are those of `members::add`, `members::add_roles_to_many` and
//! `members::replace_roles`; the database enforces the type rules and membership.

use super::DomainError;
use super::members::require_membership;
use super::relations::{Count, check_ids, dedup};
use super::rules::Issues;
use crate::storage::{MemberKind, Store};

/// The body key of the member ids, so refusals name the same key as the Management API's.
fn ids_key(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::User => "userIds",
        MemberKind::Application => "applicationIds",
    }
}

const ROLES_KEY: &str = "organizationRoleIds";

/// Adds at least one member (existing ones and repeats ignored) and gives each of them every
/// role in `role_ids` (possibly none), all or nothing: an unknown role, or one of the wrong
/// type for the kind of member, leaves nobody added.
pub async fn add_with_roles(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_ids: &[String],
    role_ids: &[String],
    now: i64,
) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    check_ids(&mut issues, ids_key(kind), member_ids, Count::AtLeastOne);
    check_ids(&mut issues, ROLES_KEY, role_ids, Count::Any);
    issues.finish()?;
    let members = dedup(member_ids.to_vec());
    let roles = dedup(role_ids.to_vec());
    store
        .members_add_with_roles(kind, tenant, organization_id, &members, &roles, now)
        .await?;
    Ok(())
}

/// The member's roles become exactly `role_ids`; an empty list removes them all, for
/// applications too (the Management API's `PUT …/applications/:id/roles` refuses an empty
/// list, as Logto's does). Members only, as every route under `…/:memberId/roles`.
pub async fn set_roles(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
    role_ids: &[String],
    now: i64,
) -> Result<(), DomainError> {
    require_membership(store, kind, tenant, organization_id, member_id).await?;
    let mut issues = Issues::default();
    check_ids(&mut issues, ROLES_KEY, role_ids, Count::Any);
    issues.finish()?;
    store
        .relation_replace(
            kind.roles(),
            tenant,
            &[organization_id, member_id],
            &dedup(role_ids.to_vec()),
            now,
        )
        .await?;
    Ok(())
}
