//! Members of organizations (users and machine-to-machine applications) and the organization
//! roles they hold there. Lists are ordered by when the member joined, then by id; the member
//! listing reads one page through the `(organization, created_at, member)` index.

use std::collections::HashMap;

use super::applications::{A_COLUMNS, ApplicationRow};
use super::db::{Store, dispatch};
use super::error::StorageError;
use super::member_kind::MemberKind;
use super::organization_roles::{HeldRoleRow, OrganizationRoleRow};
use super::organization_scopes::OrganizationScopeRow;
use super::organizations::OrganizationRow;
use super::paged_query::{ListQuery, fetch_paged};
use super::pagination::{Page, Paged};
use super::sql::{fetch_decoded, like_pattern, placeholders};
use super::users::{U_COLUMNS, UserRow, search_filter};

/// An organization and the roles one member holds in it.
#[derive(Clone, Debug)]
pub struct MemberOrganization {
    pub organization: OrganizationRow,
    pub roles: Vec<HeldRoleRow>,
}

impl Store {
    /// One page of an organization's users, filtered by `q` and by a held role.
    pub async fn organization_user_list(
        &self,
        tenant: &str,
        organization_id: &str,
        q: Option<&str>,
        role_id: Option<&str>,
        page: Page,
    ) -> Result<Paged<UserRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        // Filters are written only when used, and the page query is not kept as a prepared
        // statement: PostgreSQL plans cached statements generically after a few runs, without
        // the organization's size, and then joins or filters the whole membership table.
        let mut next = 3;
        let mut filter = String::new();
        let mut from = "organization_user_relations m";
        if pattern.is_some() {
            from = "organization_user_relations m JOIN users u ON u.id = m.user_id";
            filter.push_str(&format!(" AND {}", search_filter(next)));
            next += 1;
        }
        if role_id.is_some() {
            filter.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM organization_role_user_relations r \
                   WHERE r.tenant_id = $1 AND r.organization_id = $2 AND r.user_id = m.user_id \
                   AND r.organization_role_id = ${next})"
            ));
            next += 1;
        }
        // Unfiltered, the total is the count a trigger keeps on the organization, read with
        // the revision that tells whether this replica's page anchors still apply.
        let mut anchor = None;
        let counted = if filter.is_empty() {
            const SQL: &str = "SELECT users_count, users_revision FROM organizations \
                 WHERE tenant_id = $1 AND id = $2";
            let row: Option<(i64, i64)> = dispatch!(&self.db, p => sqlx::query_as(SQL)
                .bind(tenant)
                .bind(organization_id)
                .fetch_optional(p))?;
            let (count, revision) = row.unwrap_or_default();
            anchor = self
                .member_page_anchor(tenant, organization_id, (count, revision), page.offset())
                .await?;
            if anchor.is_some() {
                filter.push_str(&format!(
                    " AND (m.created_at, m.user_id) >= (${next}, ${})",
                    next + 1
                ));
                next += 2;
            }
            Some(count)
        } else {
            None
        };
        let where_ = format!("m.tenant_id = $1 AND m.organization_id = $2{filter}");
        // Without a search the page never touches `users` beyond the 20 rows shown.
        let list_sql = format!(
            "SELECT {U_COLUMNS} FROM users u JOIN ( \
               SELECT m.user_id, m.created_at FROM {from} WHERE {where_} \
               ORDER BY m.created_at, m.user_id LIMIT ${next} OFFSET ${}) p \
               ON p.user_id = u.id \
             ORDER BY p.created_at, p.user_id",
            next + 1
        );
        let offset = anchor.as_ref().map_or(page.offset(), |(_, rest)| *rest);
        let items = dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, UserRow>(&list_sql)
                .bind(tenant)
                .bind(organization_id);
            if let Some(pattern) = &pattern {
                q = q.bind(pattern);
            }
            if let Some(role_id) = role_id {
                q = q.bind(role_id);
            }
            if let Some(((created_at, user_id), _)) = &anchor {
                q = q.bind(created_at).bind(user_id);
            }
            // Planned with the actual values each time (see `unprepared` above).
            q.bind(page.limit())
                .bind(offset)
                .persistent(false)
                .fetch_all(p)
        })?;
        let total: i64 = match counted {
            Some(count) => count,
            None => {
                let count_sql = format!("SELECT COUNT(*) FROM {from} WHERE {where_}");
                dispatch!(&self.db, p => {
                    let mut q = sqlx::query_scalar(&count_sql).bind(tenant).bind(organization_id);
                    if let Some(pattern) = &pattern {
                        q = q.bind(pattern);
                    }
                    if let Some(role_id) = role_id {
                        q = q.bind(role_id);
                    }
                    q.fetch_one(p)
                })?
            }
        };
        Ok(Paged { items, total })
    }

    /// One page of an organization's applications, filtered by `q` over id, name, description.
    pub async fn organization_application_list(
        &self,
        tenant: &str,
        organization_id: &str,
        q: Option<&str>,
        page: Page,
    ) -> Result<Paged<ApplicationRow>, StorageError> {
        let pattern = q.filter(|q| !q.is_empty()).map(like_pattern);
        let list = ListQuery {
            columns: A_COLUMNS,
            from: "organization_application_relations m \
                JOIN applications a ON a.id = m.application_id \
                WHERE m.tenant_id = $1 AND m.organization_id = $2 AND ($3 IS NULL \
                  OR lower(a.id) LIKE $3 ESCAPE '\\' OR lower(a.name) LIKE $3 ESCAPE '\\' \
                  OR lower(a.description) LIKE $3 ESCAPE '\\')",
            order_by: "m.created_at, m.application_id",
        };
        let args = [Some(tenant), Some(organization_id), pattern.as_deref()];
        fetch_paged(&self.db, list, &args, Some(page)).await
    }

    /// `{id, name}` of the roles each listed member holds in the organization, by role name.
    pub async fn organization_member_roles(
        &self,
        kind: MemberKind,
        tenant: &str,
        organization_id: &str,
        member_ids: &[String],
    ) -> Result<Vec<HeldRoleRow>, StorageError> {
        if member_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT r.{col} AS holder_id, o.id, o.name FROM {roles} r \
             JOIN organization_roles o ON o.id = r.organization_role_id \
             WHERE r.tenant_id = $1 AND r.organization_id = $2 AND r.{col} IN ({ids}) \
             ORDER BY {name}, o.id",
            col = kind.column(),
            roles = kind.roles().table,
            ids = placeholders(3, member_ids.len()),
            name = super::sql::by_name(&self.db, "o.name"),
        );
        Ok(dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, HeldRoleRow>(&sql).bind(tenant).bind(organization_id);
            for id in member_ids {
                q = q.bind(id);
            }
            // Planned with the actual values: a generic plan may scan the organization's roles.
            q.persistent(false).fetch_all(p)
        })?)
    }

    /// The roles one member holds in the organization (full rows), by name.
    pub async fn organization_member_role_list(
        &self,
        kind: MemberKind,
        tenant: &str,
        organization_id: &str,
        member_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<OrganizationRoleRow>, StorageError> {
        let from = format!(
            "{roles} r JOIN organization_roles o ON o.id = r.organization_role_id \
             WHERE r.tenant_id = $1 AND r.organization_id = $2 AND r.{col} = $3",
            roles = kind.roles().table,
            col = kind.column(),
        );
        let list = ListQuery {
            columns: "o.tenant_id, o.id, o.name, o.description, o.type",
            from: &from,
            order_by: &format!("{}, o.id", super::sql::by_name(&self.db, "o.name")),
        };
        let args = [Some(tenant), Some(organization_id), Some(member_id)];
        fetch_paged(&self.db, list, &args, page).await
    }

    /// The distinct organization permissions a user holds in an organization through its roles.
    pub async fn organization_user_scopes(
        &self,
        tenant: &str,
        organization_id: &str,
        user_id: &str,
    ) -> Result<Vec<OrganizationScopeRow>, StorageError> {
        let sql = format!(
            "SELECT s.tenant_id, s.id, s.name, s.description FROM organization_scopes s \
             WHERE s.id IN (SELECT rs.organization_scope_id \
               FROM organization_role_user_relations r \
               JOIN organization_role_scope_relations rs \
                 ON rs.organization_role_id = r.organization_role_id \
               WHERE r.tenant_id = $1 AND r.organization_id = $2 AND r.user_id = $3) \
             ORDER BY {}",
            super::sql::by_name(&self.db, "s.name")
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, OrganizationScopeRow>(&sql)
            .bind(tenant)
            .bind(organization_id)
            .bind(user_id)
            .fetch_all(p))?,
        )
    }

    /// The organizations a member belongs to (in joining order) with its roles in each.
    pub async fn member_organizations(
        &self,
        kind: MemberKind,
        tenant: &str,
        member_id: &str,
        page: Option<Page>,
    ) -> Result<Paged<MemberOrganization>, StorageError> {
        let from = format!(
            "{members} m JOIN organizations o ON o.id = m.organization_id \
             WHERE m.tenant_id = $1 AND m.{col} = $2",
            members = kind.members().table,
            col = kind.column(),
        );
        let limit = if page.is_some() {
            " LIMIT $3 OFFSET $4"
        } else {
            ""
        };
        let list_sql = format!(
            "SELECT o.tenant_id, o.id, o.name, o.description, o.custom_data, o.is_mfa_required, \
               o.color, o.branding, o.custom_css, o.created_at \
             FROM {from} ORDER BY m.created_at, o.id{limit}"
        );
        let count_sql = format!("SELECT COUNT(*) FROM {from}");
        let roles_sql = format!(
            "SELECT r.organization_id AS holder_id, o.id, o.name FROM {roles} r \
             JOIN organization_roles o ON o.id = r.organization_role_id \
             WHERE r.tenant_id = $1 AND r.{col} = $2 ORDER BY {name}, o.id",
            roles = kind.roles().table,
            col = kind.column(),
            name = super::sql::by_name(&self.db, "o.name"),
        );
        // The two lists are read side by side (two connections): on SQLite each runs on its own
        // worker thread, so the slower one sets the time.
        let (organizations, roles): (Vec<OrganizationRow>, Vec<HeldRoleRow>) = dispatch!(&self.db, p => async {
            let mut list = sqlx::query(&list_sql).bind(tenant).bind(member_id);
            if let Some(page) = page {
                list = list.bind(page.limit()).bind(page.offset());
            }
            let roles = sqlx::query(&roles_sql).bind(tenant).bind(member_id);
            tokio::try_join!(fetch_decoded(list, p), fetch_decoded(roles, p))
        })?;
        let total: i64 = match page {
            None => i64::try_from(organizations.len()).unwrap_or(i64::MAX),
            Some(_) => dispatch!(&self.db, p => sqlx::query_scalar(&count_sql)
                .bind(tenant)
                .bind(member_id)
                .fetch_one(p))?,
        };
        let mut by_organization: HashMap<String, Vec<HeldRoleRow>> = HashMap::new();
        for role in roles {
            by_organization
                .entry(role.holder_id.clone())
                .or_default()
                .push(role);
        }
        let items = organizations
            .into_iter()
            .map(|organization| MemberOrganization {
                roles: by_organization.remove(&organization.id).unwrap_or_default(),
                organization,
            })
            .collect();
        Ok(Paged { items, total })
    }
}
