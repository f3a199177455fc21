//! Who is in an organization: users and machine-to-machine apps with their roles, and the
//! just-in-time provisioning settings.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    Application, ApplicationWithOrganizationRoles, JitSettings, Paged, SsoConnector, User,
    UserWithOrganizationRoles,
};
#[cfg(feature = "ssr")]
use {
    super::refuse,
    crate::ports::{MemberKind, jit, members},
};

/// `users` or `applications`: the two kinds of members, as the pages name them.
#[cfg(feature = "ssr")]
fn kind(kind: &str) -> Result<MemberKind, AppError> {
    match MemberKind::parse(kind) {
        Some(kind) => Ok(kind),
        None => refuse(AppError::invalid("Unknown kind of member.")),
    }
}

#[server(prefix = "/console/fn", endpoint = "list_organization_users")]
pub async fn list_organization_users(
    id: String,
    q: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<UserWithOrganizationRoles>, AppError> {
    members(|p| async move { p.organization_users(id, q, page, page_size).await }).await
}

#[server(prefix = "/console/fn", endpoint = "list_organization_applications")]
pub async fn list_organization_applications(
    id: String,
    q: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<ApplicationWithOrganizationRoles>, AppError> {
    members(|p| async move { p.organization_applications(id, q, page, page_size).await }).await
}

/// Users not yet in the organization, matching `q` (first 20).
#[server(prefix = "/console/fn", endpoint = "users_outside_organization")]
pub async fn users_outside_organization(id: String, q: String) -> Result<Paged<User>, AppError> {
    members(|p| async move { p.users_outside(id, q).await }).await
}

/// Machine-to-machine apps not yet in the organization, matching `q` (first 20).
#[server(prefix = "/console/fn", endpoint = "applications_outside_organization")]
pub async fn applications_outside_organization(
    id: String,
    q: String,
) -> Result<Paged<Application>, AppError> {
    members(|p| async move { p.applications_outside(id, q).await }).await
}

/// Adds members (`member_kind` is `users` or `applications`) and gives them all `role_ids`.
#[server(prefix = "/console/fn", endpoint = "add_organization_members")]
pub async fn add_organization_members(
    id: String,
    member_kind: String,
    #[server(default)] member_ids: Vec<String>,
    #[server(default)] role_ids: Vec<String>,
) -> Result<(), AppError> {
    let kind = kind(&member_kind)?;
    if member_ids.is_empty() {
        return refuse(AppError::invalid("Pick at least one member to add."));
    }
    members(|p| async move { p.add_members(id, kind, member_ids, role_ids).await }).await
}

/// Sets a member's roles to exactly `role_ids` (none removes them all).
#[server(prefix = "/console/fn", endpoint = "set_organization_member_roles")]
pub async fn set_organization_member_roles(
    id: String,
    member_kind: String,
    member_id: String,
    #[server(default)] role_ids: Vec<String>,
) -> Result<(), AppError> {
    let kind = kind(&member_kind)?;
    members(|p| async move { p.set_member_roles(id, kind, member_id, role_ids).await }).await
}

#[server(prefix = "/console/fn", endpoint = "remove_organization_member")]
pub async fn remove_organization_member(
    id: String,
    member_kind: String,
    member_id: String,
) -> Result<(), AppError> {
    let kind = kind(&member_kind)?;
    members(|p| async move { p.remove_member(id, kind, member_id).await }).await
}

/// The organization's just-in-time provisioning settings.
#[server(prefix = "/console/fn", endpoint = "organization_jit")]
pub async fn organization_jit(id: String) -> Result<JitSettings, AppError> {
    jit(|p| async move { p.jit_settings(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "add_jit_email_domain")]
pub async fn add_jit_email_domain(id: String, domain: String) -> Result<(), AppError> {
    let domain = domain.trim().trim_start_matches('@').to_ascii_lowercase();
    if domain.is_empty() {
        return refuse(AppError::field(
            "email_domain",
            "Enter an email domain, such as example.com.",
        ));
    }
    jit(|p| async move { p.add_jit_email_domain(id, domain).await }).await
}

#[server(prefix = "/console/fn", endpoint = "remove_jit_email_domain")]
pub async fn remove_jit_email_domain(id: String, domain: String) -> Result<(), AppError> {
    jit(|p| async move { p.remove_jit_email_domain(id, domain).await }).await
}

/// Replaces the default roles (`roles`) or enterprise SSO connectors (`sso-connectors`).
#[server(prefix = "/console/fn", endpoint = "set_jit_relation")]
pub async fn set_jit_relation(
    id: String,
    relation: String,
    #[server(default)] ids: Vec<String>,
) -> Result<(), AppError> {
    match relation.as_str() {
        "roles" => jit(|p| async move { p.set_jit_roles(id, ids).await }).await,
        "sso-connectors" => jit(|p| async move { p.set_jit_sso_connectors(id, ids).await }).await,
        _ => refuse(AppError::invalid("Unknown provisioning setting.")),
    }
}

/// Every enterprise SSO connector (for the provisioning picker).
#[server(prefix = "/console/fn", endpoint = "all_sso_connectors")]
pub async fn all_sso_connectors() -> Result<Vec<SsoConnector>, AppError> {
    jit(|p| async move { p.all_sso_connectors().await }).await
}
