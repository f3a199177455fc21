//! The console's organization members pages over the domain services behind
//! `/api/organizations/{id}/users|applications`, `/api/users` and `/api/applications`, so the
//! console keeps the Management API's rules and errors. Adding members with roles and setting a
//! member's roles are one transaction each (`domain::member_roles`).

use app::error::AppError;
use app::model::{
    Application, ApplicationWithOrganizationRoles, Paged, User, UserWithOrganizationRoles,
};
use app::ports::{MemberKind, MembersPort};

use super::service::{ConsoleService, clamp_page, paged};
use crate::domain::{applications, member_roles, members, search, users};
use crate::storage::{self, DEFAULT_TENANT, Page};

/// The Add dialog shows the first matches only.
const OUTSIDE_PAGE: Page = Page {
    page: 1,
    page_size: 20,
};

/// The only kind of application that can be a member (Logto's organization applications).
const MACHINE_TO_MACHINE: &str = "MachineToMachine";

fn storage_kind(kind: MemberKind) -> storage::MemberKind {
    match kind {
        MemberKind::User => storage::MemberKind::User,
        MemberKind::Application => storage::MemberKind::Application,
    }
}

/// The organization whose outsiders are listed; an empty id filters nothing, as an empty
/// `excludeOrganizationId` does.
fn excluded(organization_id: &str) -> Option<&str> {
    Some(organization_id).filter(|id| !id.is_empty())
}

#[async_trait::async_trait]
impl MembersPort for ConsoleService {
    async fn organization_users(
        &self,
        organization_id: String,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<UserWithOrganizationRoles>, AppError> {
        let page = clamp_page(page, page_size);
        let found = self
            .read(async {
                let q = search::search_text(&q)?;
                let store = &self.state.store;
                members::list_users(store, DEFAULT_TENANT, &organization_id, q, None, page).await
            })
            .await?;
        Ok(paged(found, page))
    }

    async fn organization_applications(
        &self,
        organization_id: String,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<ApplicationWithOrganizationRoles>, AppError> {
        let page = clamp_page(page, page_size);
        let found = self
            .read(async {
                let q = search::search_text(&q)?;
                let store = &self.state.store;
                members::list_applications(store, DEFAULT_TENANT, &organization_id, q, page).await
            })
            .await?;
        Ok(paged(found, page))
    }

    async fn users_outside(
        &self,
        organization_id: String,
        q: String,
    ) -> Result<Paged<User>, AppError> {
        let found = self
            .read(async {
                let q = search::search_text(&q)?;
                let exclude = excluded(&organization_id);
                users::list(&self.state.store, DEFAULT_TENANT, q, exclude, OUTSIDE_PAGE).await
            })
            .await?;
        Ok(paged(found, OUTSIDE_PAGE))
    }

    async fn applications_outside(
        &self,
        organization_id: String,
        q: String,
    ) -> Result<Paged<Application>, AppError> {
        let found = self
            .read(async {
                let q = search::search_text(&q)?;
                applications::list(
                    &self.state.store,
                    DEFAULT_TENANT,
                    q,
                    &[MACHINE_TO_MACHINE.to_owned()],
                    excluded(&organization_id),
                    Some(OUTSIDE_PAGE),
                )
                .await
            })
            .await?;
        Ok(paged(found, OUTSIDE_PAGE))
    }

    async fn add_members(
        &self,
        organization_id: String,
        kind: MemberKind,
        member_ids: Vec<String>,
        role_ids: Vec<String>,
    ) -> Result<(), AppError> {
        let now = self.now();
        self.write(member_roles::add_with_roles(
            &self.state.store,
            storage_kind(kind),
            DEFAULT_TENANT,
            &organization_id,
            &member_ids,
            &role_ids,
            now,
        ))
        .await
    }

    async fn set_member_roles(
        &self,
        organization_id: String,
        kind: MemberKind,
        member_id: String,
        role_ids: Vec<String>,
    ) -> Result<(), AppError> {
        let now = self.now();
        self.write(member_roles::set_roles(
            &self.state.store,
            storage_kind(kind),
            DEFAULT_TENANT,
            &organization_id,
            &member_id,
            &role_ids,
            now,
        ))
        .await
    }

    async fn remove_member(
        &self,
        organization_id: String,
        kind: MemberKind,
        member_id: String,
    ) -> Result<(), AppError> {
        let removed = self
            .write(members::remove(
                &self.state.store,
                storage_kind(kind),
                DEFAULT_TENANT,
                &organization_id,
                &member_id,
            ))
            .await?;
        if removed {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "This member is no longer in the organization.".into(),
            ))
        }
    }
}
