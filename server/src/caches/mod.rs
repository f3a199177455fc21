//! Per-replica caches: what a replica keeps in memory instead of reading the database on a hot
//! path, and when it may serve what it kept. Replicas share nothing, so every cache is either
//! checked against a revision the database changes in the writing transaction itself, or
//! trusted for a bounded age. This is the one place that story is told; the files point here.
//!
//! # Machine-to-machine organization grants ([`ClientGrants`], `client_grants/`)
//!
//! - Holds: per app and organization, the app read into a
//!   [`Client`](crate::oidc::client::Client) and the organization permissions it holds there,
//!   for the token endpoint's organization tokens, which then read nothing from the database.
//!   Only grants that gave a token are kept.
//! - Validated by: a generation number ([`client_grants::Freshness`]); a grant read under an
//!   older generation is neither used nor kept. The generation rises
//!   - when the poller ([`client_grants::watch`], every `oidc.client_grants_poll_ms`, 50 ms by
//!     default) sees the database's grants revision rise. Triggers raise that revision in every
//!     transaction that changes an app, its memberships, its organization roles, their
//!     permissions or the permissions' names (migration 0007: at commit on PostgreSQL, in the
//!     transaction on SQLite), so writes from any replica and by hand are counted;
//!   - at once when this replica commits a write of them: the storage function that writes
//!     them marks the write [`Change::ClientGrants`](crate::storage::Change) and the count
//!     of such writes ([`crate::storage::Changes`]) rises as its transaction commits, before
//!     the caller (Management API, console, sign-in flow) answers. The count is part of the
//!     generation. A test (`storage/changes.rs`) fails when a storage function writes one of
//!     the tables the triggers watch, or deletes what cascades into them, without the mark.
//! - Longest stale: nothing on the replica that made the change (it forgets before answering);
//!   elsewhere three poll intervals ([`client_grants::Freshness::max_age`], 150 ms by default).
//!   Kept grants are used only while the last successful poll began less than that long ago:
//!   a replica that cannot read the revision reads every grant from the database until it can.
//!   A poll interval of 0 turns the cache off (nothing is ever confirmed).
//!
//! # Tenant configuration ([`ConfigCache`], `config.rs`)
//!
//! - Holds: the ID token's extended claims (`idToken.enabledExtendedClaims`), read for every ID
//!   token.
//! - Validated by: age (5 s) and this replica's count of config writes
//!   ([`Change::Config`](crate::storage::Change), raised as `Store::config_set` commits):
//!   no revision covers other replicas' writes, and a value that rarely changes is not worth
//!   one read per token.
//! - Longest stale: nothing on the replica that wrote it (the count is read before the value,
//!   so a read that began before the write is not used after it); 5 s on other replicas.
//!
//! # Members' organization lists ([`OrganizationLists`], `organization_lists.rs`)
//!
//! - Holds: a user's or an app's whole organization list (`GET /api/users/{id}/organizations`,
//!   `GET /api/applications/{id}/organizations`) as the JSON body sent, 64 MB per replica.
//! - Validated by: the member's
//!   [`OrganizationListRevision`](crate::storage::OrganizationListRevision), read (one row) on
//!   every request, before the list: the member's and the tenant's counters (migration 0005),
//!   which the storage layer raises in the transaction that adds a membership or an
//!   organization role, or edits an organization or an organization role
//!   (`storage/organization_revisions.rs`), and the member's row counts, which every removal
//!   lowers, cascades included.
//! - Longest stale: nothing for writes through any replica; the next request sees them. A
//!   change by hand is seen when it changes one of the member's row counts; an edit by hand of
//!   an organization's or a role's fields is not, until a write that raises the tenant's
//!   counter.
//!
//! # Deep member-page anchors (`storage/member_anchors.rs`, kept in `member_anchor_cache.rs`)
//!
//! They live in storage, inside [`Store`](crate::storage::Store), because they are part of how
//! the query for a page of an organization's user list runs.
//! - Holds: per organization of more than 1,000 members, the sort key at every 1,000th
//!   position of its user list, so a deep page seeks instead of stepping through `OFFSET` rows.
//! - Validated by: the organization's `users_revision`, which triggers raise with every
//!   membership added, removed or changed (migration 0008), so writes from any replica and by
//!   hand are counted. The page reads it in the statement that reads the member count and uses
//!   keys of that revision only; otherwise it runs a plain `OFFSET`.
//! - Longest stale: never; keys of another revision are not used.

pub mod client_grants;
pub mod config;
pub mod organization_lists;

pub use client_grants::ClientGrants;
pub use config::ConfigCache;
pub use organization_lists::OrganizationLists;
