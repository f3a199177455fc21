//! The console's just-in-time provisioning section over the domain services behind
//! `/api/organizations/{id}/jit/…` and `/api/sso-connectors`, so the console keeps the
//! Management API's rules and errors.

use app::error::AppError;
use app::model::{JitSettings, SsoConnector};
use app::ports::JitPort;

use super::service::ConsoleService;
use crate::domain::jit::{self, JitList, NewJitEmailDomain};
use crate::domain::sso_connectors;
use crate::storage::DEFAULT_TENANT;

fn organization_gone() -> AppError {
    AppError::NotFound("This organization no longer exists.".into())
}

/// The form has one field: every refusal of the domain is shown on it, a domain already in
/// the list (the unique violation, `name` in the console's words) in words of its own.
fn on_domain_field(err: AppError) -> AppError {
    if err.for_field("name").is_some() {
        return AppError::field("email_domain", "This domain is already in the list.");
    }
    match err {
        AppError::Invalid { message, .. } => AppError::field("email_domain", message),
        other => other,
    }
}

impl ConsoleService {
    async fn replace_jit_list(
        &self,
        organization_id: String,
        list: JitList,
        ids: Vec<String>,
    ) -> Result<(), AppError> {
        let now = self.now();
        let store = &self.state.store;
        let replaced = self
            .write(jit::replace(
                store,
                DEFAULT_TENANT,
                &organization_id,
                list,
                ids,
                now,
            ))
            .await?;
        if replaced {
            Ok(())
        } else {
            Err(organization_gone())
        }
    }
}

#[async_trait::async_trait]
impl JitPort for ConsoleService {
    async fn jit_settings(&self, organization_id: String) -> Result<JitSettings, AppError> {
        let store = &self.state.store;
        let id = organization_id.as_str();
        let (domains, roles, sso_connectors) = self
            .read(async {
                let domains = jit::email_domains(store, DEFAULT_TENANT, id, None).await?;
                let roles = jit::roles(store, DEFAULT_TENANT, id, None).await?;
                let connectors = jit::sso_connectors(store, DEFAULT_TENANT, id).await?;
                Ok((domains, roles, connectors))
            })
            .await?;
        Ok(JitSettings {
            email_domains: domains.items.into_iter().map(|d| d.email_domain).collect(),
            roles: roles.ok_or_else(organization_gone)?.items,
            sso_connectors: sso_connectors.ok_or_else(organization_gone)?,
        })
    }

    async fn add_jit_email_domain(
        &self,
        organization_id: String,
        domain: String,
    ) -> Result<(), AppError> {
        let now = self.now();
        let input = NewJitEmailDomain {
            email_domain: domain,
        };
        self.write(jit::add_email_domain(
            &self.state.store,
            DEFAULT_TENANT,
            &organization_id,
            input,
            now,
        ))
        .await
        .map(|_| ())
        .map_err(on_domain_field)
    }

    async fn remove_jit_email_domain(
        &self,
        organization_id: String,
        domain: String,
    ) -> Result<(), AppError> {
        let removed = self
            .write(jit::remove_email_domain(
                &self.state.store,
                DEFAULT_TENANT,
                &organization_id,
                &domain,
            ))
            .await?;
        if removed {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "This domain is no longer in the list.".into(),
            ))
        }
    }

    async fn set_jit_roles(
        &self,
        organization_id: String,
        role_ids: Vec<String>,
    ) -> Result<(), AppError> {
        self.replace_jit_list(organization_id, JitList::Roles, role_ids)
            .await
    }

    async fn set_jit_sso_connectors(
        &self,
        organization_id: String,
        connector_ids: Vec<String>,
    ) -> Result<(), AppError> {
        self.replace_jit_list(organization_id, JitList::SsoConnectors, connector_ids)
            .await
    }

    async fn all_sso_connectors(&self) -> Result<Vec<SsoConnector>, AppError> {
        let found = self
            .read(sso_connectors::list(
                &self.state.store,
                DEFAULT_TENANT,
                None,
            ))
            .await?;
        Ok(found.items)
    }
}
