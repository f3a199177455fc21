//! Members of organizations — users and machine-to-machine applications (Logto's
//! `packages/core/src/routes/organization/{user,application}/`) — and the
//! organization roles they hold. The database enforces the type rules (User roles for users,
//! M2M roles and apps for apps) and that only members hold roles.

use std::collections::HashMap;

use app::model::{
    ApplicationWithOrganizationRoles, NamedRef, OrganizationRole, OrganizationScope,
    OrganizationWithRoles, UserWithOrganizationRoles,
};

use super::relations::{Count, check_ids, dedup};
use super::rules::Issues;
use super::users;
use super::{DomainError, applications, organization_roles, organization_scopes, organizations};
use crate::storage::relations::Relation;
use crate::storage::{HeldRoleRow, MemberKind, Page, Paged, Store};

/// Roles to give to each of several members (`POST …/users|applications/roles`).
#[derive(Debug, Default)]
pub struct RolesForMembers {
    pub member_ids: Vec<String>,
    pub role_ids: Vec<String>,
}

/// The organization roles one member is given: by id and by name, joined (Logto's bodies take
/// names for users only).
#[derive(Debug, Default)]
pub struct MemberRoles {
    pub ids: Vec<String>,
    pub names: Vec<String>,
}

/// The membership relation and the body key of its ids.
fn members_of(kind: MemberKind) -> (&'static Relation, &'static str) {
    let key = match kind {
        MemberKind::User => "userIds",
        MemberKind::Application => "applicationIds",
    };
    (kind.members(), key)
}

fn group(rows: Vec<HeldRoleRow>) -> HashMap<String, Vec<NamedRef>> {
    let mut out: HashMap<String, Vec<NamedRef>> = HashMap::new();
    for r in rows {
        out.entry(r.holder_id).or_default().push(NamedRef {
            id: r.id,
            name: r.name,
        });
    }
    out
}

/// The rules of a list of ids under the body key `key`.
fn check(key: &str, ids: &[String], count: Count) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    check_ids(&mut issues, key, ids, count);
    issues.finish()
}

/// `POST …/users|applications`: adds members, at least one (existing ones and repeats ignored).
pub async fn add(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_ids: &[String],
    now: i64,
) -> Result<(), DomainError> {
    let (rel, key) = members_of(kind);
    check(key, member_ids, Count::AtLeastOne)?;
    let ids = dedup(member_ids.to_vec());
    store
        .relation_add(rel, tenant, &[organization_id], &ids, now)
        .await?;
    Ok(())
}

/// `PUT …/users|applications`: makes the member set exactly the given ids; departing members
/// lose their roles, staying members keep them.
pub async fn replace(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_ids: &[String],
    now: i64,
) -> Result<(), DomainError> {
    let (rel, key) = members_of(kind);
    check(key, member_ids, Count::Any)?;
    let ids = dedup(member_ids.to_vec());
    store
        .relation_replace(rel, tenant, &[organization_id], &ids, now)
        .await?;
    Ok(())
}

pub async fn remove(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
) -> Result<bool, DomainError> {
    let (rel, _) = members_of(kind);
    Ok(store
        .relation_remove(rel, tenant, &[organization_id], member_id)
        .await?)
}

/// One page of an organization's users with their roles there.
pub async fn list_users(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    q: Option<&str>,
    role_id: Option<&str>,
    page: Page,
) -> Result<Paged<UserWithOrganizationRoles>, DomainError> {
    let found = store
        .organization_user_list(tenant, organization_id, q, role_id, page)
        .await?;
    let ids: Vec<String> = found.items.iter().map(|u| u.id.clone()).collect();
    let mut roles = group(
        store
            .organization_member_roles(MemberKind::User, tenant, organization_id, &ids)
            .await?,
    );
    let items = found
        .items
        .into_iter()
        .map(|row| {
            Ok(UserWithOrganizationRoles {
                organization_roles: roles.remove(&row.id).unwrap_or_default(),
                user: users::to_wire(row)?,
            })
        })
        .collect::<Result<Vec<_>, DomainError>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}

/// One page of an organization's applications with their roles there.
pub async fn list_applications(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    q: Option<&str>,
    page: Page,
) -> Result<Paged<ApplicationWithOrganizationRoles>, DomainError> {
    let found = store
        .organization_application_list(tenant, organization_id, q, page)
        .await?;
    let ids: Vec<String> = found.items.iter().map(|a| a.id.clone()).collect();
    let mut roles = group(
        store
            .organization_member_roles(MemberKind::Application, tenant, organization_id, &ids)
            .await?,
    );
    let items = found
        .items
        .into_iter()
        .map(|row| {
            Ok(ApplicationWithOrganizationRoles {
                organization_roles: roles.remove(&row.id).unwrap_or_default(),
                application: applications::to_wire(row)?,
            })
        })
        .collect::<Result<Vec<_>, DomainError>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}

/// `POST …/users|applications/roles`: every member × every role, all or nothing.
pub async fn add_roles_to_many(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    input: RolesForMembers,
    now: i64,
) -> Result<(), DomainError> {
    let (_, key) = members_of(kind);
    let mut issues = Issues::default();
    check_ids(&mut issues, key, &input.member_ids, Count::AtLeastOne);
    let roles_key = "organizationRoleIds";
    check_ids(&mut issues, roles_key, &input.role_ids, Count::AtLeastOne);
    issues.finish()?;
    let members = dedup(input.member_ids);
    let scopes: Vec<Vec<&str>> = members
        .iter()
        .map(|m| vec![organization_id, m.as_str()])
        .collect();
    store
        .relation_add_each(kind.roles(), tenant, &scopes, &dedup(input.role_ids), now)
        .await?;
    Ok(())
}

/// Routes under `…/:memberId/roles` first require membership (Logto's 422
/// `organization.require_membership`, also for an unknown organization or member).
pub async fn require_membership(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
) -> Result<(), DomainError> {
    let (rel, _) = members_of(kind);
    if store
        .relation_exists(rel, tenant, &[organization_id], member_id)
        .await?
    {
        Ok(())
    } else {
        Err(DomainError::RequireMembership)
    }
}

/// The roles one member holds in the organization.
pub async fn roles(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
    page: Option<Page>,
) -> Result<Paged<OrganizationRole>, DomainError> {
    require_membership(store, kind, tenant, organization_id, member_id).await?;
    Ok(store
        .organization_member_role_list(kind, tenant, organization_id, member_id, page)
        .await?
        .map(organization_roles::to_wire))
}

/// The role ids of `roles`: its ids and the roles named by its names (unknown names are
/// refused with the list of them). Applications must be given at least one id.
async fn role_ids_from(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    roles: MemberRoles,
) -> Result<Vec<String>, DomainError> {
    let count = match kind {
        MemberKind::User => Count::Any,
        // Logto refuses an application's empty PUT too.
        MemberKind::Application => Count::AtLeastOne,
    };
    let mut issues = Issues::default();
    check_ids(&mut issues, "organizationRoleIds", &roles.ids, count);
    check_ids(
        &mut issues,
        "organizationRoleNames",
        &roles.names,
        Count::Any,
    );
    issues.finish()?;
    let mut ids = roles.ids;
    let names = dedup(roles.names);
    if !names.is_empty() {
        let found = store.organization_roles_by_names(tenant, &names).await?;
        let missing: Vec<String> = names
            .iter()
            .filter(|n| !found.iter().any(|r| &r.name == *n))
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(DomainError::RoleNamesNotFound(missing));
        }
        ids.extend(found.into_iter().map(|r| r.id));
    }
    Ok(dedup(ids))
}

/// `POST …/:memberId/roles`: grants roles; returns the ids granted.
pub async fn add_roles(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
    roles: MemberRoles,
    now: i64,
) -> Result<Vec<String>, DomainError> {
    require_membership(store, kind, tenant, organization_id, member_id).await?;
    let ids = role_ids_from(store, kind, tenant, roles).await?;
    store
        .relation_add(
            kind.roles(),
            tenant,
            &[organization_id, member_id],
            &ids,
            now,
        )
        .await?;
    Ok(ids)
}

/// `PUT …/:memberId/roles`: the member's roles become exactly these.
pub async fn replace_roles(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
    roles: MemberRoles,
    now: i64,
) -> Result<(), DomainError> {
    require_membership(store, kind, tenant, organization_id, member_id).await?;
    let ids = role_ids_from(store, kind, tenant, roles).await?;
    store
        .relation_replace(
            kind.roles(),
            tenant,
            &[organization_id, member_id],
            &ids,
            now,
        )
        .await?;
    Ok(())
}

/// `DELETE …/:memberId/roles/:roleId`: `false` when the member did not hold the role.
pub async fn remove_role(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    organization_id: &str,
    member_id: &str,
    role_id: &str,
) -> Result<bool, DomainError> {
    require_membership(store, kind, tenant, organization_id, member_id).await?;
    Ok(store
        .relation_remove(kind.roles(), tenant, &[organization_id, member_id], role_id)
        .await?)
}

/// The distinct organization permissions a user holds in the organization.
pub async fn user_scopes(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    user_id: &str,
) -> Result<Vec<OrganizationScope>, DomainError> {
    Ok(store
        .organization_user_scopes(tenant, organization_id, user_id)
        .await?
        .into_iter()
        .map(organization_scopes::to_wire)
        .collect())
}

/// The organizations a user or application belongs to, with its roles in each.
pub async fn organizations_of(
    store: &Store,
    kind: MemberKind,
    tenant: &str,
    member_id: &str,
    page: Option<Page>,
) -> Result<Paged<OrganizationWithRoles>, DomainError> {
    let found = store
        .member_organizations(kind, tenant, member_id, page)
        .await?;
    let items = found
        .items
        .into_iter()
        .map(|m| {
            Ok(OrganizationWithRoles {
                organization: organizations::to_wire(m.organization)?,
                organization_roles: m
                    .roles
                    .into_iter()
                    .map(|r| NamedRef {
                        id: r.id,
                        name: r.name,
                    })
                    .collect(),
            })
        })
        .collect::<Result<Vec<_>, DomainError>>()?;
    Ok(Paged {
        items,
        total: found.total,
    })
}
