//! Read-modify-write of one JSON text column of one row (a user's profile or custom data, an
//! application's custom data): the row is locked meanwhile, so two merges never lose each
//! other's keys, and an edit that fails writes nothing.

use super::changes::Change;
use super::db::{Backend, Store, dispatch_tx, dispatch_tx_exec};
use super::error::StorageError;

/// Which column of which row, and what else the write sets.
pub(super) struct JsonColumn<'a> {
    pub table: &'static str,
    pub column: &'static str,
    pub tenant: &'a str,
    pub id: &'a str,
    /// `updated_at` to set with it, for tables that keep one.
    pub updated_at: Option<i64>,
    /// What the write changes for this replica's caches.
    pub change: Option<Change>,
}

impl Store {
    /// Rewrites the column with `edit(stored text)`; the new text, or `None` when the row does
    /// not exist.
    pub(super) async fn edit_json_column<E: From<StorageError>>(
        &self,
        target: JsonColumn<'_>,
        edit: impl FnOnce(&str) -> Result<String, E>,
    ) -> Result<Option<String>, E> {
        let JsonColumn {
            table,
            column,
            tenant,
            id,
            updated_at,
            change,
        } = target;
        // SQLite's write transaction (`BEGIN IMMEDIATE`) already excludes other writers.
        let lock = match self.backend() {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        };
        let read = format!("SELECT {column} FROM {table} WHERE tenant_id = $1 AND id = $2{lock}");
        let touch = if updated_at.is_some() {
            ", updated_at = $4"
        } else {
            ""
        };
        let write =
            format!("UPDATE {table} SET {column} = $3{touch} WHERE tenant_id = $1 AND id = $2");
        let mut tx = self.begin().await?;
        if let Some(change) = change {
            tx.writes(change);
        }
        let stored: Option<String> = dispatch_tx!(&mut tx, c => sqlx::query_scalar(&read)
            .bind(tenant)
            .bind(id)
            .fetch_optional(c))
        .map_err(StorageError::from)?;
        let Some(stored) = stored else {
            return Ok(None);
        };
        let edited = edit(&stored)?;
        dispatch_tx_exec!(&mut tx, c => {
            let query = sqlx::query(&write).bind(tenant).bind(id).bind(&edited);
            // `$4` is in the statement only with a time to set.
            match updated_at {
                Some(at) => query.bind(at),
                None => query,
            }
            .execute(c)
        })
        .map_err(StorageError::from)?;
        tx.commit().await?;
        Ok(Some(edited))
    }
}
