//! The console shell's port (`ConsoleBackend`): sign-in and first run, the organization list
//! and settings, and the application list.

use app::error::AppError;
use app::model::{
    AdminInfo, ApplicationPage, ConsoleStatus, CreatedApplication, Organization, OrganizationPage,
    OrganizationSettings,
};
use app::ports::ConsoleBackend;
use serde_json::{Map, Value};

use super::attempts;
use super::errors::to_app;
use super::service::{ConsoleService, clamp_page};
use crate::domain::applications::NewApplication;
use crate::domain::organizations::{
    NewOrganization, OrganizationBranding, OrganizationColor, OrganizationPatch,
};
use crate::domain::{admins, applications, organizations, search};
use crate::metrics::{Outcome, Surface};
use crate::storage::DEFAULT_TENANT;

/// The Settings form as a patch, keeping the branding the form does not show (icons).
fn settings_patch(
    current: &Organization,
    s: &OrganizationSettings,
) -> Result<OrganizationPatch, AppError> {
    let custom_data: Map<String, Value> = if s.custom_data.trim().is_empty() {
        Map::new()
    } else {
        match serde_json::from_str(&s.custom_data) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                return Err(AppError::field(
                    "custom_data",
                    "Custom data must be a JSON object, for example {\"plan\": \"pro\"}.",
                ));
            }
            Err(e) => {
                return Err(AppError::field(
                    "custom_data",
                    format!("Custom data is not valid JSON: {e}."),
                ));
            }
        }
    };
    let kept = |key: &str| {
        current
            .branding
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let given = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    let description = s.description.trim();
    Ok(OrganizationPatch {
        name: Some(s.name.trim().to_owned()),
        description: Some(Some(description.to_owned()).filter(|d| !d.is_empty())),
        custom_data: Some(custom_data),
        is_mfa_required: Some(s.is_mfa_required),
        branding: Some(OrganizationBranding {
            logo_url: given(&s.logo_url),
            dark_logo_url: given(&s.dark_logo_url),
            favicon: kept("favicon"),
            dark_favicon: kept("darkFavicon"),
        }),
        color: Some(OrganizationColor {
            primary_color: given(&s.primary_color),
            dark_primary_color: given(&s.dark_primary_color),
            is_dark_mode_enabled: Some(given(&s.dark_primary_color).is_some()),
        }),
        custom_css: Some(given(&s.custom_css)),
    })
}

#[async_trait::async_trait]
impl ConsoleBackend for ConsoleService {
    async fn status(&self) -> Result<ConsoleStatus, AppError> {
        let admin = self.current_admin().await?;
        let needs_setup = admin.is_none()
            && admins::needs_setup(&self.state.store)
                .await
                .map_err(to_app)?;
        Ok(ConsoleStatus {
            needs_setup,
            admin,
            issuer: self.state.issuer.to_string(),
        })
    }

    async fn create_first_admin(
        &self,
        username: String,
        password: String,
    ) -> Result<AdminInfo, AppError> {
        attempts::count(&self.state, "").await?;
        let admin = admins::create_first(&self.state.store, username.trim(), &password, self.now())
            .await
            .map_err(to_app)?;
        self.start_session(&admin).await?;
        Ok(admin)
    }

    async fn sign_in(&self, username: String, password: String) -> Result<AdminInfo, AppError> {
        let username = username.trim();
        let metrics = &self.state.metrics;
        if let Err(refused) = attempts::count(&self.state, username).await {
            if matches!(refused, AppError::TooManyAttempts(_)) {
                metrics.sign_in(Surface::Console, Outcome::Limited);
            }
            return Err(refused);
        }
        let admin = admins::authenticate(&self.state.store, username, &password, self.now())
            .await
            .map_err(to_app);
        match &admin {
            Ok(_) => metrics.sign_in(Surface::Console, Outcome::Success),
            Err(AppError::Internal) => {}
            Err(_) => metrics.sign_in(Surface::Console, Outcome::Failure),
        }
        let admin = admin?;
        self.start_session(&admin).await?;
        Ok(admin)
    }

    async fn sign_out(&self) -> Result<(), AppError> {
        self.session().await?.flush().await.map_err(|e| {
            tracing::error!(error = %e, "session flush failed");
            AppError::Internal
        })
    }

    async fn list_organizations(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<OrganizationPage, AppError> {
        self.require_admin().await?;
        let page = clamp_page(page, page_size);
        let store = &self.state.store;
        // The Management API's rule and words for search text, on the same domain call.
        let q = search::search_text(&q).map_err(to_app)?;
        let found = organizations::list(store, DEFAULT_TENANT, q, page)
            .await
            .map_err(to_app)?;
        let items = organizations::with_featured(store, DEFAULT_TENANT, found.items)
            .await
            .map_err(to_app)?;
        Ok(OrganizationPage {
            items,
            total: found.total,
            page: page.page,
            page_size: page.page_size,
        })
    }

    async fn create_organization(
        &self,
        name: String,
        description: String,
    ) -> Result<Organization, AppError> {
        let description = description.trim();
        let input = NewOrganization {
            name: name.trim().to_owned(),
            description: Some(description.to_owned()).filter(|d| !d.is_empty()),
            ..NewOrganization::default()
        };
        let now = self.now();
        self.write(organizations::create(
            &self.state.store,
            DEFAULT_TENANT,
            input,
            now,
        ))
        .await
    }

    async fn get_organization(&self, id: String) -> Result<Organization, AppError> {
        self.require_admin().await?;
        organizations::find(&self.state.store, DEFAULT_TENANT, &id)
            .await
            .map_err(to_app)?
            .ok_or_else(|| AppError::NotFound("This organization does not exist.".into()))
    }

    async fn update_organization(
        &self,
        id: String,
        settings: OrganizationSettings,
    ) -> Result<Organization, AppError> {
        // Requires the admin; the write below need not ask again.
        let current = self.get_organization(id.clone()).await?;
        let patch = settings_patch(&current, &settings)?;
        self.apply(organizations::update(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            patch,
        ))
        .await?
        .ok_or_else(|| AppError::NotFound("This organization no longer exists.".into()))
    }

    async fn delete_organization(&self, id: String) -> Result<(), AppError> {
        let deleted = self
            .write(organizations::delete(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
            ))
            .await?;
        if deleted {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "This organization no longer exists.".into(),
            ))
        }
    }

    async fn list_applications(
        &self,
        page: u32,
        page_size: u32,
    ) -> Result<ApplicationPage, AppError> {
        self.require_admin().await?;
        let page = clamp_page(page, page_size);
        let store = &self.state.store;
        let found = applications::list(store, DEFAULT_TENANT, None, &[], None, Some(page))
            .await
            .map_err(to_app)?;
        let mut items = Vec::with_capacity(found.items.len());
        for app in found.items {
            let access = applications::has_management_access(store, DEFAULT_TENANT, &app.id)
                .await
                .map_err(to_app)?;
            items.push((app, access));
        }
        Ok(ApplicationPage {
            items,
            total: found.total,
            page: page.page,
            page_size: page.page_size,
        })
    }

    async fn create_application(
        &self,
        name: String,
        description: String,
        app_type: String,
        management_api_access: bool,
    ) -> Result<CreatedApplication, AppError> {
        self.require_admin().await?;
        let description = description.trim();
        let input = NewApplication {
            name: name.trim().to_owned(),
            app_type: app_type.parse().map_err(to_app)?,
            description: Some(description.to_owned()).filter(|d| !d.is_empty()),
            is_third_party: None,
            oidc_client_metadata: None,
            custom_client_metadata: None,
            custom_data: None,
        };
        let now = self.now();
        self.apply(applications::create(
            &self.state.store,
            DEFAULT_TENANT,
            input,
            management_api_access,
            now,
        ))
        .await
    }

    async fn delete_application(&self, id: String) -> Result<(), AppError> {
        let bootstrap = self.state.settings.bootstrap.m2m_client_id.as_deref();
        let deleted = self
            .write(applications::delete(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
                bootstrap,
            ))
            .await?;
        if deleted {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "This application no longer exists.".into(),
            ))
        }
    }
}
