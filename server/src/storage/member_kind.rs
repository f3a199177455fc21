//! Which kind of organization member a query is about (users or machine-to-machine
//! applications), and the relation tables and columns that hold each kind.

use super::relation_tables::{
    ORGANIZATION_APPLICATION_ROLES, ORGANIZATION_APPLICATIONS, ORGANIZATION_USER_ROLES,
    ORGANIZATION_USERS, Relation,
};

/// Which kind of member a query is about; the names of its relation tables and columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemberKind {
    User,
    Application,
}

impl MemberKind {
    /// The membership relation (organization → member).
    pub fn members(self) -> &'static Relation {
        match self {
            MemberKind::User => &ORGANIZATION_USERS,
            MemberKind::Application => &ORGANIZATION_APPLICATIONS,
        }
    }

    /// The member-role relation ((organization, member) → role).
    pub fn roles(self) -> &'static Relation {
        match self {
            MemberKind::User => &ORGANIZATION_USER_ROLES,
            MemberKind::Application => &ORGANIZATION_APPLICATION_ROLES,
        }
    }

    /// The member's column in both relations.
    pub(super) fn column(self) -> &'static str {
        self.members().item
    }

    /// The table of the members themselves.
    pub(super) fn member_table(self) -> &'static str {
        match self {
            MemberKind::User => "users",
            MemberKind::Application => "applications",
        }
    }
}
