//! Who is in an organization: users and machine-to-machine apps with their roles, and the
//! just-in-time provisioning settings.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    Application, ApplicationWithOrganizationRoles, JitSettings, Paged, SsoConnector, User,
    UserWithOrganizationRoles,
};
#[cfg(feature = "ssr")]
use {super::*, serde_json::json};

/// `users` or `applications`: the two kinds of members, as the API names them.
#[cfg(feature = "ssr")]
fn kind(kind: &str) -> Result<(&'static str, &'static str), AppError> {
    match kind {
        "users" => Ok(("users", "userIds")),
        "applications" => Ok(("applications", "applicationIds")),
        _ => refuse(AppError::invalid("Unknown kind of member.")),
    }
}

#[server(prefix = "/console/fn", endpoint = "list_organization_users")]
pub async fn list_organization_users(
    id: String,
    q: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<UserWithOrganizationRoles>, AppError> {
    let url = path(&["organizations", &id, "users"]);
    call_page(&url, &[("q", q.trim())], page, page_size).await
}

#[server(prefix = "/console/fn", endpoint = "list_organization_applications")]
pub async fn list_organization_applications(
    id: String,
    q: String,
    page: u32,
    page_size: u32,
) -> Result<Paged<ApplicationWithOrganizationRoles>, AppError> {
    let url = path(&["organizations", &id, "applications"]);
    call_page(&url, &[("q", q.trim())], page, page_size).await
}

/// Users not yet in the organization, matching `q` (first 20).
#[server(prefix = "/console/fn", endpoint = "users_outside_organization")]
pub async fn users_outside_organization(id: String, q: String) -> Result<Paged<User>, AppError> {
    let query = [("q", q.trim()), ("excludeOrganizationId", id.as_str())];
    call_page("/users", &query, 1, 20).await
}

/// Machine-to-machine apps not yet in the organization, matching `q` (first 20).
#[server(prefix = "/console/fn", endpoint = "applications_outside_organization")]
pub async fn applications_outside_organization(
    id: String,
    q: String,
) -> Result<Paged<Application>, AppError> {
    let query = [
        ("q", q.trim()),
        ("types", "MachineToMachine"),
        ("excludeOrganizationId", id.as_str()),
    ];
    call_page("/applications", &query, 1, 20).await
}

/// Adds members (`member_kind` is `users` or `applications`) and gives them all `role_ids`.
#[server(prefix = "/console/fn", endpoint = "add_organization_members")]
pub async fn add_organization_members(
    id: String,
    member_kind: String,
    #[server(default)] member_ids: Vec<String>,
    #[server(default)] role_ids: Vec<String>,
) -> Result<(), AppError> {
    let (kind, ids_key) = kind(&member_kind)?;
    if member_ids.is_empty() {
        return refuse(AppError::invalid("Pick at least one member to add."));
    }
    let members = path(&["organizations", &id, kind]);
    done(
        "POST",
        members.clone(),
        Some(json!({ ids_key: member_ids })),
    )
    .await?;
    if !role_ids.is_empty() {
        let body = json!({ ids_key: member_ids, "organizationRoleIds": role_ids });
        done("POST", format!("{members}/roles"), Some(body)).await?;
    }
    Ok(())
}

/// Sets a member's roles to exactly `role_ids` (`current` are the ones it holds now).
#[server(prefix = "/console/fn", endpoint = "set_organization_member_roles")]
pub async fn set_organization_member_roles(
    id: String,
    member_kind: String,
    member_id: String,
    #[server(default)] current: Vec<String>,
    #[server(default)] role_ids: Vec<String>,
) -> Result<(), AppError> {
    let (kind, _) = kind(&member_kind)?;
    let roles = path(&["organizations", &id, kind, &member_id, "roles"]);
    if role_ids.is_empty() {
        // The application route refuses an empty replacement (as Logto's): remove one by one.
        for role in current {
            let url = format!("{roles}/{}", crate::components::browser::encode(&role));
            match done("DELETE", url, None).await {
                Ok(()) | Err(AppError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        return Ok(());
    }
    done(
        "PUT",
        roles,
        Some(json!({ "organizationRoleIds": role_ids })),
    )
    .await
}

#[server(prefix = "/console/fn", endpoint = "remove_organization_member")]
pub async fn remove_organization_member(
    id: String,
    member_kind: String,
    member_id: String,
) -> Result<(), AppError> {
    let (kind, _) = kind(&member_kind)?;
    done(
        "DELETE",
        path(&["organizations", &id, kind, &member_id]),
        None,
    )
    .await
}

/// The organization's just-in-time provisioning settings.
#[server(prefix = "/console/fn", endpoint = "organization_jit")]
pub async fn organization_jit(id: String) -> Result<JitSettings, AppError> {
    let domains: Vec<crate::model::JitEmailDomain> = call(
        "GET",
        path(&["organizations", &id, "jit", "email-domains"]),
        None,
    )
    .await?;
    Ok(JitSettings {
        email_domains: domains.into_iter().map(|d| d.email_domain).collect(),
        roles: call("GET", path(&["organizations", &id, "jit", "roles"]), None).await?,
        sso_connectors: call(
            "GET",
            path(&["organizations", &id, "jit", "sso-connectors"]),
            None,
        )
        .await?,
    })
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
    let url = path(&["organizations", &id, "jit", "email-domains"]);
    match done("POST", url, Some(json!({ "emailDomain": domain }))).await {
        Err(e) if e.for_field("name").is_some() => Err(AppError::field(
            "email_domain",
            "This domain is already in the list.",
        )),
        Err(AppError::Invalid { message, .. }) => Err(AppError::field("email_domain", message)),
        other => other,
    }
}

#[server(prefix = "/console/fn", endpoint = "remove_jit_email_domain")]
pub async fn remove_jit_email_domain(id: String, domain: String) -> Result<(), AppError> {
    let url = path(&["organizations", &id, "jit", "email-domains", &domain]);
    done("DELETE", url, None).await
}

/// Replaces the default roles (`roles`) or enterprise SSO connectors (`sso-connectors`).
#[server(prefix = "/console/fn", endpoint = "set_jit_relation")]
pub async fn set_jit_relation(
    id: String,
    relation: String,
    #[server(default)] ids: Vec<String>,
) -> Result<(), AppError> {
    let (relation, key) = match relation.as_str() {
        "roles" => ("roles", "organizationRoleIds"),
        "sso-connectors" => ("sso-connectors", "ssoConnectorIds"),
        _ => return refuse(AppError::invalid("Unknown provisioning setting.")),
    };
    let url = path(&["organizations", &id, "jit", relation]);
    done("PUT", url, Some(json!({ key: ids }))).await
}

/// Every enterprise SSO connector (for the provisioning picker).
#[server(prefix = "/console/fn", endpoint = "all_sso_connectors")]
pub async fn all_sso_connectors() -> Result<Vec<SsoConnector>, AppError> {
    call("GET", "/sso-connectors".into(), None).await
}
