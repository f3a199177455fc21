//! The console's secret rotation and custom data for one application, over the domain services
//! the Management API's `/api/applications/:id/secrets` and `…/custom-data` call.

use app::error::AppError;
use app::model::{Application, ApplicationSecret, CreatedApplicationSecret};
use app::ports::ApplicationSecretsPort;

use super::service::ConsoleService;
use super::user_account::json_object;
use crate::domain::application_secrets::{self, NewSecret, SecretChange};
use crate::domain::applications::{self, ApplicationPatch};
use crate::storage::DEFAULT_TENANT;

const DAY_MS: i64 = 86_400_000;

fn gone() -> AppError {
    AppError::NotFound("This application no longer exists.".into())
}

#[async_trait::async_trait]
impl ApplicationSecretsPort for ConsoleService {
    async fn list_secrets(&self, id: String) -> Result<Vec<(ApplicationSecret, bool)>, AppError> {
        let now = self.now();
        let found = self
            .read(application_secrets::list(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
            ))
            .await?
            .ok_or_else(gone)?;
        Ok(found
            .into_iter()
            .map(|s| {
                let expired = s.expires_at.is_some_and(|at| at <= now);
                (s, expired)
            })
            .collect())
    }

    async fn add_secret(
        &self,
        id: String,
        name: String,
        expires_in_days: Option<u32>,
    ) -> Result<CreatedApplicationSecret, AppError> {
        let now = self.now();
        let input = NewSecret {
            name,
            expires_at: expires_in_days.map(|days| now + i64::from(days) * DAY_MS),
        };
        let bootstrap = self.state.settings.bootstrap.m2m_client_id.as_deref();
        self.write(application_secrets::create(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            input,
            bootstrap,
            now,
        ))
        .await?
        .ok_or_else(gone)
    }

    async fn delete_secret(&self, id: String, name: String) -> Result<(), AppError> {
        let bootstrap = self.state.settings.bootstrap.m2m_client_id.as_deref();
        let change = self
            .write(application_secrets::delete(
                &self.state.store,
                DEFAULT_TENANT,
                &id,
                &name,
                bootstrap,
            ))
            .await?;
        match change {
            SecretChange::Done(()) => Ok(()),
            SecretChange::NoSecret => {
                Err(AppError::NotFound("This secret no longer exists.".into()))
            }
            SecretChange::NoApplication => Err(gone()),
        }
    }

    async fn replace_custom_data(&self, id: String, json: String) -> Result<Application, AppError> {
        let patch = ApplicationPatch {
            custom_data: Some(json_object(&json)?),
            ..ApplicationPatch::default()
        };
        self.write(applications::update(
            &self.state.store,
            DEFAULT_TENANT,
            &id,
            patch,
        ))
        .await?
        .ok_or_else(gone)
    }
}
