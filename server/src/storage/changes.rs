//! What this replica's committed writes changed, counted per kind of data a per-replica cache
//! keeps. The storage function that writes such data says so ([`Change`]); the count rises
//! once its transaction has committed, so a cache that compares counts forgets before the
//! writer's caller answers — whichever caller that is (Management API, console, sign-in). What
//! each cache does with its count, and how other replicas learn of a change: [`crate::caches`].

use std::sync::atomic::{AtomicU64, Ordering};

/// Data a per-replica cache keeps, as written by storage functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// An app, its secrets, its organization memberships and roles, organization roles'
    /// permissions, or the permissions themselves: what a machine's organization token is made
    /// of (the tables the grants-revision triggers of migrations 0007 and 0011 watch, and what
    /// cascades into them).
    ClientGrants,
    /// A row of `logto_configs` (the tenant's configuration, e.g. the ID token's claims).
    Config,
}

/// Per-[`Change`] counters of committed writes; shared by every clone of a [`super::Store`].
#[derive(Debug, Default)]
pub struct Changes {
    client_grants: AtomicU64,
    config: AtomicU64,
}

impl Changes {
    /// How many writes of this kind this replica has committed.
    pub fn count(&self, change: Change) -> u64 {
        self.counter(change).load(Ordering::SeqCst)
    }

    /// Called only after the write committed: a reader that sees the new count and then reads
    /// the database sees the write.
    pub(super) fn raise(&self, change: Change) {
        self.counter(change).fetch_add(1, Ordering::SeqCst);
    }

    /// A commit, for the caches' own tests.
    #[cfg(test)]
    pub(crate) fn raise_for_test(&self, change: Change) {
        self.raise(change);
    }

    fn counter(&self, change: Change) -> &AtomicU64 {
        match change {
            Change::ClientGrants => &self.client_grants,
            Change::Config => &self.config,
        }
    }
}

/// The kinds a transaction has written so far, raised together when it commits.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Pending {
    client_grants: bool,
    config: bool,
}

impl Pending {
    pub(super) fn add(&mut self, change: Change) {
        match change {
            Change::ClientGrants => self.client_grants = true,
            Change::Config => self.config = true,
        }
    }

    pub(super) fn raise_in(self, changes: &Changes) {
        if self.client_grants {
            changes.raise(Change::ClientGrants);
        }
        if self.config {
            changes.raise(Change::Config);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Tables the grants-revision triggers watch (migration 0007 and later ones), and the
    /// tables whose deleted rows cascade into them.
    fn client_grants_tables(root: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut watched = BTreeSet::new();
        for entry in std::fs::read_dir(root.join("migrations/sqlite")).unwrap() {
            let sql = read(&entry.unwrap().path());
            // A trigger's header line names its table; its body raises the revision.
            for trigger in sql.split("CREATE TRIGGER ").skip(1) {
                let header = trigger.lines().next().unwrap_or_default();
                if trigger.contains("UPDATE client_grants_revision")
                    && let Some((_, table)) = header.split_once(" ON ")
                {
                    watched.insert(table.trim().to_string());
                }
            }
        }
        let mut parents = BTreeSet::new();
        for entry in std::fs::read_dir(root.join("migrations/sqlite")).unwrap() {
            let sql = read(&entry.unwrap().path());
            for table in &watched {
                let Some(start) = sql.find(&format!("CREATE TABLE {table} (")) else {
                    continue;
                };
                let body = &sql[start..start + sql[start..].find("\n)").unwrap()];
                // One clause per column or constraint; a composite key's spans lines.
                for clause in body
                    .split(",\n")
                    .filter(|c| c.contains("ON DELETE CASCADE"))
                {
                    let after = clause.split("REFERENCES ").nth(1).unwrap();
                    let parent = after.split_whitespace().next().unwrap();
                    if parent != "tenants" {
                        parents.insert(parent.to_string());
                    }
                }
            }
        }
        assert!(
            watched.len() >= 5 && !parents.is_empty(),
            "{watched:?} {parents:?}"
        );
        (watched, parents)
    }

    /// Every storage function whose SQL writes what a machine's organization token is made of
    /// says so, or this replica would keep serving the old grant until its next poll. Generic
    /// relation writes say it through their [`Relation`](super::super::relations::Relation).
    #[test]
    fn every_writer_of_client_grants_says_so() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let (watched, parents) = client_grants_tables(&root);
        let mut writes: Vec<String> = Vec::new();
        for table in &watched {
            for end in [" ", "("] {
                writes.push(format!("into {table}{end}"));
            }
            writes.push(format!("update {table} "));
            writes.push(format!("delete from {table} "));
        }
        for table in &parents {
            writes.push(format!("delete from {table} "));
        }
        let mut silent = Vec::new();
        let storage = root.join("server/src/storage");
        for entry in std::fs::read_dir(&storage).unwrap() {
            let path = entry.unwrap().path();
            let source = read(&path);
            // SQL compared in one spelling: lower case, one space between words, string
            // continuations (`\` at a line's end) joined.
            let writing = |text: &str| {
                let text = text.replace("\\\n", " ").to_lowercase();
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                writes.iter().any(|w| text.contains(w.as_str()))
            };
            // SQL kept in a constant outside the functions counts where the constant is used.
            let constants: Vec<&str> = source
                .split('\n')
                .enumerate()
                .filter_map(|(i, line)| {
                    let rest = ["const ", "pub(crate) const ", "pub const "]
                        .iter()
                        .find_map(|p| line.strip_prefix(p))?;
                    let name = rest.split(':').next()?;
                    let text: String = source
                        .split('\n')
                        .skip(i)
                        .take_while(|l| !l.ends_with(';'))
                        .collect();
                    writing(&text).then_some(name)
                })
                .collect();
            for function in source.split("fn ").skip(1) {
                let name = function.split('(').next().unwrap_or_default();
                let uses_constant = constants.iter().any(|c| function.contains(c));
                if (writing(function) || uses_constant)
                    && !function.contains("Change::ClientGrants")
                {
                    silent.push(format!("{}: {name}", path.display()));
                }
            }
        }
        assert!(
            silent.is_empty(),
            "writes without Change::ClientGrants: {silent:#?}"
        );

        // Every relation over a watched table (its first string is its table) says so.
        let relations = read(&storage.join("relation_tables.rs"));
        for definition in relations.split("pub const ").skip(1) {
            let Some(table) = definition.split('"').nth(1) else {
                continue;
            };
            assert!(
                !watched.contains(table) || definition.contains("of_client_grants("),
                "the relation over {table} does not say Change::ClientGrants"
            );
        }
    }

    #[test]
    fn a_commit_raises_each_pending_kind_once() {
        let changes = Changes::default();
        let mut pending = Pending::default();
        pending.add(Change::ClientGrants);
        pending.add(Change::ClientGrants);
        pending.raise_in(&changes);
        assert_eq!(changes.count(Change::ClientGrants), 1);
        assert_eq!(changes.count(Change::Config), 0);
    }
}
