//! The connection to either database: [`Db`] (the pool), [`Tx`] (a transaction), the
//! `dispatch!` macros that run one query expression on whichever backend is open, and [`Store`]
//! (connecting, migrating, starting transactions). Every other storage file builds on these.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::changes::{Change, Changes, Pending};
use super::error::StorageError;
use super::member_anchor_cache::MemberAnchors;
use crate::clock::Clock;

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A transaction on either backend; multi-row changes run inside one. It carries what its
/// writes changed for the per-replica caches ([`Tx::writes`]), counted when it commits.
pub struct Tx {
    /// Only storage code runs statements in it, so every commit goes through [`Tx::commit`].
    pub(super) conn: TxConn,
    pending: Pending,
    changes: Arc<Changes>,
}

/// The connection of a [`Tx`], on whichever backend is open.
pub enum TxConn {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs the same query expression against whichever pool backs the store.
macro_rules! dispatch {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::storage::db::Db::Sqlite($p) => $body.await,
            $crate::storage::db::Db::Postgres($p) => $body.await,
        }
    };
}
pub(crate) use dispatch;

/// [`dispatch!`] for statements run with `execute`: yields the number of affected rows.
macro_rules! dispatch_exec {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::storage::db::Db::Sqlite($p) => $body.await.map(|r| r.rows_affected()),
            $crate::storage::db::Db::Postgres($p) => $body.await.map(|r| r.rows_affected()),
        }
    };
}
pub(crate) use dispatch_exec;

/// [`dispatch_exec!`] inside a transaction.
macro_rules! dispatch_tx_exec {
    ($tx:expr, $c:ident => $body:expr) => {
        match &mut ($tx).conn {
            $crate::storage::db::TxConn::Sqlite(t) => {
                let $c = &mut **t;
                $body.await.map(|r| r.rows_affected())
            }
            $crate::storage::db::TxConn::Postgres(t) => {
                let $c = &mut **t;
                $body.await.map(|r| r.rows_affected())
            }
        }
    };
}
pub(crate) use dispatch_tx_exec;

/// [`dispatch!`] inside a transaction: the body gets the connection as `$c`.
macro_rules! dispatch_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match &mut ($tx).conn {
            $crate::storage::db::TxConn::Sqlite(t) => {
                let $c = &mut **t;
                $body.await
            }
            $crate::storage::db::TxConn::Postgres(t) => {
                let $c = &mut **t;
                $body.await
            }
        }
    };
}
pub(crate) use dispatch_tx;

/// A migration's `(version, description)`.
pub type MigrationId = (i64, String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Store {
    pub(super) db: Db,
    /// Kept per replica: where deep member pages start.
    pub(super) anchors: Arc<MemberAnchors>,
    /// What the per-replica caches here measure their age by.
    pub(super) clock: Clock,
    /// What this replica's committed writes changed, for the caches that must forget.
    pub(super) changes: Arc<Changes>,
}

static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Store {
    /// The same store reading time from `clock`.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Connects to `sqlite://…` or `postgres://…`; a SQLite file and its folder are created.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StorageError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                // The check before each use stays (one round trip, ≈ 10 % of token throughput
                // measured with wrk): a connection broken by a restart or failover is replaced
                // instead of failing a request.
                .connect_with(options)
                .await?;
            Ok(Store {
                db: Db::Postgres(pool),
                anchors: Default::default(),
                clock: Clock::system(),
                changes: Default::default(),
            })
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            if let Some(parent) = options.get_filename().parent()
                && !parent.as_os_str().is_empty()
            {
                std::fs::create_dir_all(parent).map_err(|e| StorageError::Config(e.to_string()))?;
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                // A connection to a local file does not go stale; the default check before each
                // use is a round trip to the connection's worker thread on every query.
                .test_before_acquire(false)
                .connect_with(options)
                .await?;
            Ok(Store {
                db: Db::Sqlite(pool),
                anchors: Default::default(),
                clock: Clock::system(),
                changes: Default::default(),
            })
        } else {
            Err(StorageError::Config(
                "DATABASE_URL must start with sqlite: or postgres://".into(),
            ))
        }
    }

    /// Applies the embedded migrations of this backend.
    pub async fn migrate(&self) -> Result<(), StorageError> {
        match &self.db {
            Db::Sqlite(p) => SQLITE_MIGRATOR.run(p).await?,
            Db::Postgres(p) => POSTGRES_MIGRATOR.run(p).await?,
        }
        Ok(())
    }

    /// Refreshes the planner's statistics (and PostgreSQL's visibility map) after bulk changes
    /// such as imports; day to day, autovacuum and SQLite's `PRAGMA optimize` do this.
    pub async fn analyze(&self) -> Result<(), StorageError> {
        match &self.db {
            Db::Sqlite(p) => {
                // Row counts (sqlite_stat1) only. With value samples (sqlite_stat4) SQLite
                // re-plans a statement on every execution whose bound value is compared with
                // an indexed column, as most of ours are: parsing and planning each time cost
                // more than any plan they could improve. Dropping the table changes the schema,
                // so every pooled connection reloads the statistics; the last statement reloads
                // them on this one (and leaves an empty sqlite_stat4 behind).
                sqlx::raw_sql("ANALYZE; DROP TABLE IF EXISTS sqlite_stat4; ANALYZE sqlite_schema;")
                    .execute(p)
                    .await?;
            }
            Db::Postgres(p) => {
                sqlx::raw_sql("VACUUM ANALYZE").execute(p).await?;
            }
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Starts a write transaction. On SQLite it takes the write lock up front (`BEGIN
    /// IMMEDIATE`): a deferred transaction that reads and then writes cannot wait for another
    /// writer that committed in between (its snapshot is stale), so SQLite fails it at once
    /// with "database is locked" whatever the busy timeout; taking the lock first makes it
    /// wait its turn instead. Every caller writes, so nothing is serialized that would not be.
    pub async fn begin(&self) -> Result<Tx, StorageError> {
        let conn = match &self.db {
            Db::Sqlite(p) => TxConn::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(p) => TxConn::Postgres(p.begin().await?),
        };
        Ok(Tx {
            conn,
            pending: Pending::default(),
            changes: self.changes.clone(),
        })
    }

    /// The counts of this replica's committed writes, per kind of cached data.
    pub fn changes(&self) -> Arc<Changes> {
        self.changes.clone()
    }

    /// How many writes of this kind this replica has committed.
    pub fn change_count(&self, change: Change) -> u64 {
        self.changes.count(change)
    }

    /// Counts a write of cached data that ran outside a transaction (it committed on its own)
    /// and passes its result on. Failed writes count too: a statement can commit and still
    /// fail to answer (a connection lost after the commit), and counting one too many costs the
    /// caches only a read.
    pub(super) fn wrote<T>(&self, change: Change, result: T) -> T {
        self.changes.raise(change);
        result
    }

    pub async fn close(&self) {
        match &self.db {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }

    /// `(version, description)` of both migration directories, for the drift test.
    pub fn migration_versions() -> (Vec<MigrationId>, Vec<MigrationId>) {
        let list = |m: &sqlx::migrate::Migrator| {
            m.iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        (list(&SQLITE_MIGRATOR), list(&POSTGRES_MIGRATOR))
    }
}

impl Tx {
    /// Notes that this transaction writes cached data; counted if and when it commits.
    pub(crate) fn writes(&mut self, change: Change) {
        self.pending.add(change);
    }

    /// Commits, then counts what the transaction wrote. A failed commit counts too: it may
    /// have committed before the failure reached us, and counting one too many costs the caches
    /// only a read.
    pub async fn commit(self) -> Result<(), StorageError> {
        let committed = match self.conn {
            TxConn::Sqlite(t) => t.commit().await,
            TxConn::Postgres(t) => t.commit().await,
        };
        self.pending.raise_in(&self.changes);
        Ok(committed?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_directories_hold_the_same_versions() {
        let (sqlite, postgres) = Store::migration_versions();
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, postgres);
    }
}
