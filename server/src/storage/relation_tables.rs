//! The relation tables themselves: a [`Relation`] per table, naming its columns. Their
//! operations are in `relations.rs`.

use super::changes::Change;

#[derive(Clone, Copy, Debug)]
pub struct Relation {
    pub table: &'static str,
    /// The columns fixed by the request path: the rows' owner (an organization, a role, an
    /// organization and a member).
    pub owner: &'static [&'static str],
    pub item: &'static str,
    /// Whether rows record when they were made (`created_at`), which orders their lists.
    pub stamped: bool,
    /// The organization member (users or applications table, and the relation's column naming
    /// it) whose organization list a new row changes; see [`super::organization_revisions`].
    pub member: Option<(&'static str, &'static str)>,
    /// What a per-replica cache keeps of these rows, so that writing them makes it forget
    /// ([`super::changes`]).
    pub changes: Option<Change>,
}

const fn relation(
    table: &'static str,
    owner: &'static [&'static str],
    item: &'static str,
    stamped: bool,
) -> Relation {
    Relation {
        table,
        owner,
        item,
        stamped,
        member: None,
        changes: None,
    }
}

/// A relation a machine's organization token is made of ([`Change::ClientGrants`]).
const fn of_client_grants(rel: Relation) -> Relation {
    Relation {
        changes: Some(Change::ClientGrants),
        ..rel
    }
}

/// A relation whose new rows give an organization member a membership or a role.
const fn of_member(rel: Relation, member_table: &'static str, column: &'static str) -> Relation {
    Relation {
        member: Some((member_table, column)),
        ..rel
    }
}

pub const ORGANIZATION_ROLE_SCOPES: Relation = of_client_grants(relation(
    "organization_role_scope_relations",
    &["organization_role_id"],
    "organization_scope_id",
    false,
));
pub const ORGANIZATION_ROLE_RESOURCE_SCOPES: Relation = relation(
    "organization_role_resource_scope_relations",
    &["organization_role_id"],
    "scope_id",
    false,
);
pub const ORGANIZATION_USERS: Relation = of_member(
    relation(
        "organization_user_relations",
        &["organization_id"],
        "user_id",
        true,
    ),
    "users",
    "user_id",
);
pub const ORGANIZATION_USER_ROLES: Relation = of_member(
    relation(
        "organization_role_user_relations",
        &["organization_id", "user_id"],
        "organization_role_id",
        false,
    ),
    "users",
    "user_id",
);
pub const ORGANIZATION_APPLICATIONS: Relation = of_client_grants(of_member(
    relation(
        "organization_application_relations",
        &["organization_id"],
        "application_id",
        true,
    ),
    "applications",
    "application_id",
));
pub const ORGANIZATION_APPLICATION_ROLES: Relation = of_client_grants(of_member(
    relation(
        "organization_role_application_relations",
        &["organization_id", "application_id"],
        "organization_role_id",
        false,
    ),
    "applications",
    "application_id",
));
pub const ORGANIZATION_JIT_EMAIL_DOMAINS: Relation = relation(
    "organization_jit_email_domains",
    &["organization_id"],
    "email_domain",
    true,
);
pub const ORGANIZATION_JIT_ROLES: Relation = relation(
    "organization_jit_roles",
    &["organization_id"],
    "organization_role_id",
    false,
);
pub const ORGANIZATION_JIT_SSO_CONNECTORS: Relation = relation(
    "organization_jit_sso_connectors",
    &["organization_id"],
    "sso_connector_id",
    false,
);
pub const ROLE_SCOPES: Relation = relation("roles_scopes", &["role_id"], "scope_id", false);
pub const ROLE_USERS: Relation = relation("users_roles", &["role_id"], "user_id", false);
/// [`ROLE_USERS`] seen from the user (`/api/users/:id/roles`).
pub const USER_ROLES: Relation = relation("users_roles", &["user_id"], "role_id", false);
/// [`ROLE_APPLICATIONS`] seen from the application (`/api/applications/:id/roles`).
pub const APPLICATION_ROLES: Relation =
    relation("applications_roles", &["application_id"], "role_id", false);
pub const ROLE_APPLICATIONS: Relation =
    relation("applications_roles", &["role_id"], "application_id", false);
