//! The console's application detail pages (settings, organizations) over the domain's
//! application service.

use app::error::AppError;
use app::model::{Application, ApplicationSettings, OrganizationWithRoles, Paged};
use app::ports::ApplicationsPort;

use super::service::{ConsoleService, clamp_page, paged};
use crate::domain::applications::{self, ApplicationPatch};
use crate::domain::client_metadata::{CustomClientMetadata, OidcClientMetadata};
use crate::domain::members;
use crate::storage::{DEFAULT_TENANT, MemberKind};

fn gone() -> AppError {
    AppError::NotFound("This application no longer exists.".into())
}

/// The non-empty lines of a list field, trimmed.
fn lines(list: Vec<String>) -> Vec<String> {
    list.iter()
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .collect()
}

/// The settings form as a patch: the metadata keys the form shows replace the stored ones;
/// the others keep their values.
fn settings_patch(s: ApplicationSettings) -> ApplicationPatch {
    let description = s.description.trim();
    ApplicationPatch {
        name: Some(s.name.trim().to_owned()),
        description: Some(Some(description.to_owned()).filter(|d| !d.is_empty())),
        oidc_client_metadata: Some(OidcClientMetadata {
            redirect_uris: Some(lines(s.redirect_uris)),
            post_logout_redirect_uris: Some(lines(s.post_logout_redirect_uris)),
            ..OidcClientMetadata::default()
        }),
        custom_client_metadata: Some(CustomClientMetadata {
            cors_allowed_origins: Some(lines(s.cors_allowed_origins)),
            id_token_ttl: Some(s.id_token_ttl),
            refresh_token_ttl_in_days: Some(s.refresh_token_ttl_in_days),
            rotate_refresh_token: Some(s.rotate_refresh_token),
            always_issue_refresh_token: Some(s.always_issue_refresh_token),
            ..CustomClientMetadata::default()
        }),
        custom_data: None,
    }
}

#[async_trait::async_trait]
impl ApplicationsPort for ConsoleService {
    async fn get_application(&self, id: String) -> Result<Application, AppError> {
        self.read(applications::find(&self.state.store, DEFAULT_TENANT, &id))
            .await?
            .ok_or_else(gone)
    }

    async fn update_application(
        &self,
        id: String,
        settings: ApplicationSettings,
    ) -> Result<Application, AppError> {
        let patch = settings_patch(settings);
        self.write(applications::update(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            patch,
        ))
        .await?
        .ok_or_else(gone)
    }

    async fn application_organizations(
        &self,
        id: String,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrganizationWithRoles>, AppError> {
        let store = &self.state.store;
        let page = clamp_page(page, page_size);
        let kind = MemberKind::Application;
        let found = self
            .read(async {
                if applications::find(store, DEFAULT_TENANT, &id)
                    .await?
                    .is_none()
                {
                    return Ok(None);
                }
                members::organizations_of(store, kind, DEFAULT_TENANT, &id, Some(page))
                    .await
                    .map(Some)
            })
            .await?
            .ok_or_else(gone)?;
        Ok(paged(found, page))
    }
}
