//! Who is in an organization: users and machine-to-machine apps with their organization roles.

use crate::error::AppError;
use crate::model::{
    Application, ApplicationWithOrganizationRoles, Paged, User, UserWithOrganizationRoles,
};

/// The two kinds of members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberKind {
    User,
    Application,
}

impl MemberKind {
    /// `users` or `applications`, as the console's forms name them.
    pub fn parse(kind: &str) -> Option<Self> {
        match kind {
            "users" => Some(MemberKind::User),
            "applications" => Some(MemberKind::Application),
            _ => None,
        }
    }
}

#[async_trait::async_trait]
pub trait MembersPort: Send + Sync {
    /// Users in the organization matching `q`, with their roles there.
    async fn organization_users(
        &self,
        organization_id: String,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<UserWithOrganizationRoles>, AppError>;
    /// Machine-to-machine apps in the organization matching `q`, with their roles there.
    async fn organization_applications(
        &self,
        organization_id: String,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<ApplicationWithOrganizationRoles>, AppError>;
    /// Users not in the organization matching `q` (the first 20), for the Add dialog.
    async fn users_outside(
        &self,
        organization_id: String,
        q: String,
    ) -> Result<Paged<User>, AppError>;
    /// Machine-to-machine apps not in the organization matching `q` (the first 20).
    async fn applications_outside(
        &self,
        organization_id: String,
        q: String,
    ) -> Result<Paged<Application>, AppError>;
    /// Adds the members and gives each of them every role, all or nothing.
    async fn add_members(
        &self,
        organization_id: String,
        kind: MemberKind,
        member_ids: Vec<String>,
        role_ids: Vec<String>,
    ) -> Result<(), AppError>;
    /// Sets the member's roles to exactly `role_ids` (none removes them all).
    async fn set_member_roles(
        &self,
        organization_id: String,
        kind: MemberKind,
        member_id: String,
        role_ids: Vec<String>,
    ) -> Result<(), AppError>;
    async fn remove_member(
        &self,
        organization_id: String,
        kind: MemberKind,
        member_id: String,
    ) -> Result<(), AppError>;
}
