//! How many database connections are open and how many of them are busy, for `/metrics`.

use super::db::{Db, Store};

/// The pool's state at one moment.
pub struct PoolUse {
    pub in_use: u32,
    pub idle: u32,
    pub max: u32,
}

impl Store {
    /// Reads counters the pool keeps; no connection is taken.
    pub fn pool_use(&self) -> PoolUse {
        let (size, idle, max) = match &self.db {
            Db::Sqlite(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
            Db::Postgres(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
        };
        let idle = u32::try_from(idle).unwrap_or(u32::MAX);
        PoolUse {
            in_use: size.saturating_sub(idle),
            idle,
            max,
        }
    }
}
