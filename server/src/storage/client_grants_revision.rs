//! The revision of every machine-to-machine app's organization grants: one row that the
//! database's own triggers raise in each transaction that changes an app, its memberships, its
//! organization roles or their permissions (`migrations/*/0007_client_grants_revision.sql`).
//! Because the triggers raise it, writes from any replica, and by hand, are counted.

use super::db::{Store, dispatch};
use super::error::StorageError;

impl Store {
    /// The current revision; it only rises.
    pub async fn client_grants_revision(&self) -> Result<i64, StorageError> {
        const SQL: &str = "SELECT value FROM client_grants_revision WHERE id = 1";
        let value: i64 = dispatch!(&self.db, p => sqlx::query_scalar(SQL).fetch_one(p))?;
        Ok(value)
    }
}
