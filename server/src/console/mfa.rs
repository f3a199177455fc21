//! The console's MFA tasks over the same domain services as `/api/sign-in-exp` and
//! `/api/users/:id/mfa-verifications`.

use app::error::AppError;
use app::model::{MfaSettingsForm, UserFactor};
use app::ports::MfaPort;

use super::service::ConsoleService;
use crate::domain::mfa_settings::{
    self, MfaFactor, MfaPolicy, MfaSettings, OrganizationRequiredMfaPolicy,
};
use crate::domain::passkeys::PasskeyDetails;
use crate::domain::{DomainError, backup_codes, users};
use crate::storage::DEFAULT_TENANT;

fn form_of(s: &MfaSettings) -> MfaSettingsForm {
    MfaSettingsForm {
        factors: s.factors.iter().map(|f| f.as_str().to_string()).collect(),
        policy: s.policy.as_str().to_string(),
        organization_mandatory: s.org_required_prompts(),
    }
}

fn settings_of(form: &MfaSettingsForm) -> Result<MfaSettings, AppError> {
    let mut factors = Vec::new();
    for name in &form.factors {
        match MfaFactor::parse(name) {
            Some(f) => factors.push(f),
            None => {
                return Err(AppError::field(
                    "factors",
                    format!("Unknown factor {name}."),
                ));
            }
        }
    }
    let policy = MfaPolicy::parse(&form.policy)
        .ok_or_else(|| AppError::field("policy", "Choose when users are asked."))?;
    Ok(MfaSettings {
        factors,
        policy,
        organization_required_mfa_policy: Some(if form.organization_mandatory {
            OrganizationRequiredMfaPolicy::Mandatory
        } else {
            OrganizationRequiredMfaPolicy::NoPrompt
        }),
    })
}

/// The settings' refusals in the form's words.
fn refusal(e: DomainError) -> DomainError {
    match e {
        DomainError::Refused { code, status, .. }
            if code == "sign_in_experiences.backup_code_cannot_be_enabled_alone" =>
        {
            DomainError::refused(
                status,
                code,
                "Backup codes need another factor: enable an authenticator app or passkeys too.",
            )
        }
        other => other,
    }
}

#[async_trait::async_trait]
impl MfaPort for ConsoleService {
    async fn mfa_settings(&self) -> Result<MfaSettingsForm, AppError> {
        let s = self
            .read(mfa_settings::load(&self.state.store, DEFAULT_TENANT))
            .await?;
        Ok(form_of(&s))
    }

    async fn save_mfa_settings(&self, form: MfaSettingsForm) -> Result<MfaSettingsForm, AppError> {
        self.require_admin().await?;
        let settings = settings_of(&form)?;
        let store = self.state.store.clone();
        let passkeys = self.state.passkeys.is_some();
        let saved = self
            .apply(async move {
                settings.check_here(passkeys).map_err(refusal)?;
                let json = serde_json::to_string(&settings)
                    .map_err(|e| DomainError::Internal(e.to_string()))?;
                store
                    .sign_in_experience_update(
                        DEFAULT_TENANT,
                        &crate::storage::SignInExperienceWrite {
                            mfa: Some(&json),
                            ..Default::default()
                        },
                    )
                    .await?;
                mfa_settings::load(&store, DEFAULT_TENANT).await
            })
            .await?;
        Ok(form_of(&saved))
    }

    async fn user_factors(&self, user_id: String) -> Result<Vec<UserFactor>, AppError> {
        let store = self.state.store.clone();
        let rows = self
            .read(async move {
                if users::find(&store, DEFAULT_TENANT, &user_id)
                    .await?
                    .is_none()
                {
                    return Ok(None);
                }
                Ok(Some(store.mfa_list(DEFAULT_TENANT, &user_id).await?))
            })
            .await?
            .ok_or_else(|| AppError::NotFound("This user no longer exists.".into()))?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let detail = match r.kind.as_str() {
                    "BackupCode" => {
                        let left = backup_codes::remaining(&r.secret);
                        format!("{left} of {} codes left", backup_codes::COUNT)
                    }
                    "WebAuthn" => {
                        let d = PasskeyDetails::parse(&r.details);
                        d.name.unwrap_or(d.agent)
                    }
                    _ => String::new(),
                };
                UserFactor {
                    id: r.id,
                    kind: r.kind,
                    created_at: r.created_at,
                    last_used_at: r.last_used_at,
                    detail,
                }
            })
            .collect())
    }

    async fn remove_user_factor(&self, user_id: String, factor_id: String) -> Result<(), AppError> {
        let store = self.state.store.clone();
        let removed = self
            .write(async move {
                Ok(store
                    .mfa_delete(DEFAULT_TENANT, &user_id, &factor_id)
                    .await?)
            })
            .await?;
        if removed {
            Ok(())
        } else {
            Err(AppError::NotFound(
                "This factor was already removed.".into(),
            ))
        }
    }
}
