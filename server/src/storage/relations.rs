//! Relation tables (role ↔ permission, organization ↔ member, member ↔ role, …) share four
//! operations: add (existing pairs ignored), replace, remove one, and test one. A [`Relation`]
//! names the table, the columns fixed by the request path (`owner`) and the column of the items.

use std::collections::HashSet;

use super::db::{Store, Tx, TxConn, dispatch, dispatch_tx, dispatch_tx_exec};
use super::error::StorageError;
pub use super::relation_tables::{
    APPLICATION_ROLES, ORGANIZATION_APPLICATION_ROLES, ORGANIZATION_APPLICATIONS,
    ORGANIZATION_JIT_EMAIL_DOMAINS, ORGANIZATION_JIT_ROLES, ORGANIZATION_JIT_SSO_CONNECTORS,
    ORGANIZATION_ROLE_RESOURCE_SCOPES, ORGANIZATION_ROLE_SCOPES, ORGANIZATION_USER_ROLES,
    ORGANIZATION_USERS, ROLE_APPLICATIONS, ROLE_SCOPES, ROLE_USERS, Relation, USER_ROLES,
};

impl Relation {
    /// `tenant_id = $1 AND scope0 = $2 AND …`; the next free placeholder is returned too.
    fn owner_filter(&self) -> (String, usize) {
        let mut sql = String::from("tenant_id = $1");
        for (i, column) in self.owner.iter().enumerate() {
            sql.push_str(&format!(" AND {column} = ${}", i + 2));
        }
        (sql, self.owner.len() + 2)
    }

    fn insert_sql(&self) -> String {
        let mut columns = vec!["tenant_id"];
        columns.extend(self.owner.iter().copied());
        columns.push(self.item);
        if self.stamped {
            columns.push("created_at");
        }
        let values = (1..=columns.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "INSERT INTO {} ({}) VALUES ({values}) ON CONFLICT DO NOTHING",
            self.table,
            columns.join(", ")
        )
    }
}

// WARNING: this is the only writer of membership and member-role rows; a new one must raise
// the member's organization-list revision the same way, or replicas serve stale lists
// (see `organization_revisions`).
/// Inserts `owner × items` inside `tx`; pairs already present are left as they are. Members
/// that gain a row get their organization-list revision raised in the same transaction.
pub(crate) async fn insert_in(
    tx: &mut Tx,
    rel: &Relation,
    tenant: &str,
    owner: &[&str],
    items: &[String],
    now: i64,
) -> Result<(), StorageError> {
    if let Some(change) = rel.changes {
        tx.writes(change);
    }
    let sql = rel.insert_sql();
    let mut gained: Vec<&str> = Vec::new();
    for item in items {
        let inserted = dispatch_tx_exec!(tx, c => {
            let mut q = sqlx::query(&sql).bind(tenant);
            for value in owner {
                q = q.bind(*value);
            }
            q = q.bind(item);
            if rel.stamped {
                q = q.bind(now);
            }
            q.execute(c)
        })?;
        if inserted > 0
            && let Some((_, column)) = rel.member
        {
            match rel.owner.iter().position(|c| *c == column) {
                Some(i) => gained.push(owner[i]),
                None => gained.push(item),
            }
        }
    }
    if let Some((member_table, _)) = rel.member {
        super::organization_revisions::raise_members(tx, member_table, gained).await?;
    }
    Ok(())
}

/// Serializes writers of the rows under one owner (an organization, a role: the first
/// owner column) on PostgreSQL, for the rest of the transaction. Without it two replaces of the
/// same list delete and insert the same rows in different orders and deadlock, and their
/// triggers raise the same revision rows. SQLite needs nothing: its write transactions already
/// run one at a time (`BEGIN IMMEDIATE`).
pub(crate) async fn lock_owners(tx: &mut Tx, owners: &[&[&str]]) -> Result<(), StorageError> {
    let TxConn::Postgres(t) = &mut tx.conn else {
        return Ok(());
    };
    let mut owners: Vec<&str> = owners.iter().filter_map(|s| s.first().copied()).collect();
    // One order for every transaction, so two of them never wait on each other's locks.
    owners.sort_unstable();
    owners.dedup();
    for owner in owners {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(owner)
            .execute(&mut **t)
            .await?;
    }
    Ok(())
}

impl Store {
    /// Adds items under one owner in one transaction (`POST …/relation`).
    pub async fn relation_add(
        &self,
        rel: &Relation,
        tenant: &str,
        owner: &[&str],
        items: &[String],
        now: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin().await?;
        lock_owners(&mut tx, &[owner]).await?;
        insert_in(&mut tx, rel, tenant, owner, items, now).await?;
        tx.commit().await
    }

    /// Adds the same items under each of several owners, all or nothing (bulk role grants).
    pub async fn relation_add_each(
        &self,
        rel: &Relation,
        tenant: &str,
        owners: &[Vec<&str>],
        items: &[String],
        now: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin().await?;
        let all: Vec<&[&str]> = owners.iter().map(Vec::as_slice).collect();
        lock_owners(&mut tx, &all).await?;
        for owner in owners {
            insert_in(&mut tx, rel, tenant, owner, items, now).await?;
        }
        tx.commit().await
    }

    /// Makes the items under an owner exactly `items`: departing rows are deleted (with whatever
    /// cascades from them), surviving rows are kept untouched, new ones inserted; one transaction.
    pub async fn relation_replace(
        &self,
        rel: &Relation,
        tenant: &str,
        owner: &[&str],
        items: &[String],
        now: i64,
    ) -> Result<(), StorageError> {
        let (filter, next) = rel.owner_filter();
        let select = format!("SELECT {} FROM {} WHERE {filter}", rel.item, rel.table);
        let delete = format!(
            "DELETE FROM {} WHERE {filter} AND {} = ${next}",
            rel.table, rel.item
        );
        let mut tx = self.begin().await?;
        if let Some(change) = rel.changes {
            tx.writes(change);
        }
        lock_owners(&mut tx, &[owner]).await?;
        let existing: Vec<String> = dispatch_tx!(&mut tx, c => {
            let mut q = sqlx::query_scalar(&select).bind(tenant);
            for value in owner {
                q = q.bind(*value);
            }
            q.fetch_all(c)
        })?;
        let wanted: HashSet<&str> = items.iter().map(String::as_str).collect();
        for gone in existing.iter().filter(|e| !wanted.contains(e.as_str())) {
            dispatch_tx_exec!(&mut tx, c => {
                let mut q = sqlx::query(&delete).bind(tenant);
                for value in owner {
                    q = q.bind(*value);
                }
                q.bind(gone).execute(c)
            })?;
        }
        let kept: HashSet<&str> = existing.iter().map(String::as_str).collect();
        let fresh: Vec<String> = items
            .iter()
            .filter(|i| !kept.contains(i.as_str()))
            .cloned()
            .collect();
        insert_in(&mut tx, rel, tenant, owner, &fresh, now).await?;
        tx.commit().await
    }

    /// Removes one row; `false` when it was not there.
    pub async fn relation_remove(
        &self,
        rel: &Relation,
        tenant: &str,
        owner: &[&str],
        item: &str,
    ) -> Result<bool, StorageError> {
        let (filter, next) = rel.owner_filter();
        let sql = format!(
            "DELETE FROM {} WHERE {filter} AND {} = ${next}",
            rel.table, rel.item
        );
        let mut tx = self.begin().await?;
        if let Some(change) = rel.changes {
            tx.writes(change);
        }
        lock_owners(&mut tx, &[owner]).await?;
        let done = dispatch_tx_exec!(&mut tx, c => {
            let mut q = sqlx::query(&sql).bind(tenant);
            for value in owner {
                q = q.bind(*value);
            }
            q.bind(item).execute(c)
        })?;
        tx.commit().await?;
        Ok(done > 0)
    }

    /// The items under an owner (e.g. the ids of a user's global roles), unordered.
    pub async fn relation_items(
        &self,
        rel: &Relation,
        tenant: &str,
        owner: &[&str],
    ) -> Result<Vec<String>, StorageError> {
        let (filter, _) = rel.owner_filter();
        let sql = format!("SELECT {} FROM {} WHERE {filter}", rel.item, rel.table);
        Ok(dispatch!(&self.db, p => {
            let mut q = sqlx::query_scalar(&sql).bind(tenant);
            for value in owner {
                q = q.bind(*value);
            }
            q.fetch_all(p)
        })?)
    }

    /// Whether the row exists (e.g. "is this user a member of this organization").
    pub async fn relation_exists(
        &self,
        rel: &Relation,
        tenant: &str,
        owner: &[&str],
        item: &str,
    ) -> Result<bool, StorageError> {
        let (filter, next) = rel.owner_filter();
        let sql = format!(
            "SELECT 1 FROM {} WHERE {filter} AND {} = ${next}",
            rel.table, rel.item
        );
        let found: Option<i32> = dispatch!(&self.db, p => {
            let mut q = sqlx::query_scalar(&sql).bind(tenant);
            for value in owner {
                q = q.bind(*value);
            }
            q.bind(item).fetch_optional(p)
        })?;
        Ok(found.is_some())
    }
}
