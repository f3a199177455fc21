//! Who holds the roles of a role list page: how many users and applications, and the first
//! three of each by id ([`super::featured`]) (Logto's `usersCount`, `featuredUsers`, `applicationsCount`,
//! `featuredApplications`).

use std::collections::HashMap;

use super::db::{Store, dispatch};
use super::error::StorageError;
use super::featured::{FeaturedUserRow, first_per_key};
use super::sql::placeholders;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FeaturedRoleApplicationRow {
    /// The role it is shown beside.
    pub key_id: String,
    pub id: String,
    pub name: String,
    #[sqlx(rename = "type")]
    pub application_type: String,
}

#[derive(Debug, Default)]
pub struct RoleHolders {
    pub users_count: HashMap<String, i64>,
    pub featured_users: Vec<FeaturedUserRow>,
    pub applications_count: HashMap<String, i64>,
    pub featured_applications: Vec<FeaturedRoleApplicationRow>,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    role_id: String,
    n: i64,
}

/// Holder counts of the listed roles in `relation` (`users_roles` or `applications_roles`).
fn count_sql(relation: &str, n: usize) -> String {
    format!(
        "SELECT role_id, COUNT(*) AS n FROM {relation} \
         WHERE tenant_id = $1 AND role_id IN ({}) GROUP BY role_id",
        placeholders(2, n)
    )
}

impl Store {
    pub async fn role_holders(
        &self,
        tenant: &str,
        role_ids: &[String],
    ) -> Result<RoleHolders, StorageError> {
        if role_ids.is_empty() {
            return Ok(RoleHolders::default());
        }
        let n = role_ids.len();
        let users_count_sql = count_sql("users_roles", n);
        let applications_count_sql = count_sql("applications_roles", n);
        let users_sql = first_per_key(
            "x.id, x.avatar, x.name",
            "users_roles h JOIN users x ON x.id = h.user_id",
            "role_id",
            "user_id",
            n,
        );
        let applications_sql = first_per_key(
            "x.id, x.name, x.type",
            "applications_roles h JOIN applications x ON x.id = h.application_id",
            "role_id",
            "application_id",
            n,
        );
        let (users_count, applications_count, featured_users, featured_applications) = dispatch!(&self.db, p => async {
            let mut users_count = sqlx::query_as::<_, CountRow>(&users_count_sql).bind(tenant);
            let mut applications_count =
                sqlx::query_as::<_, CountRow>(&applications_count_sql).bind(tenant);
            let mut users = sqlx::query_as::<_, FeaturedUserRow>(&users_sql).bind(tenant);
            let mut applications =
                sqlx::query_as::<_, FeaturedRoleApplicationRow>(&applications_sql).bind(tenant);
            for id in role_ids {
                users_count = users_count.bind(id);
                applications_count = applications_count.bind(id);
                users = users.bind(id);
                applications = applications.bind(id);
            }
            tokio::try_join!(
                users_count.fetch_all(p),
                applications_count.fetch_all(p),
                users.fetch_all(p),
                applications.fetch_all(p),
            )
        })?;
        let by_role = |rows: Vec<CountRow>| rows.into_iter().map(|r| (r.role_id, r.n)).collect();
        Ok(RoleHolders {
            users_count: by_role(users_count),
            featured_users,
            applications_count: by_role(applications_count),
            featured_applications,
        })
    }
}
