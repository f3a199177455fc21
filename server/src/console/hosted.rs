//! The hosted sign-in pages' backend: implements `app::ports::HostedBackend` by reading the
//! browser's pending interaction (through its cookie) and what the pages show about it.

use app::error::AppError;
use app::model::{
    Branding, Consent, HostedView, JourneyView, MfaView, SignInView, SignUpView, TotpSetup,
};
use app::ports::HostedBackend;
use axum::http::HeaderMap;

use super::branding::branding;
use crate::domain::account_settings::{AccountSettings, Identifier};
use crate::domain::{one_time_tokens, secrets, totp};
use crate::oidc::auth_request::AuthRequest;
use crate::oidc::cookies;
use crate::oidc::journeys::Journey;
use crate::oidc::mfa::{MfaStep, Page};
use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, StorageError};

pub struct HostedService {
    state: AppState,
}

impl HostedService {
    pub fn new(state: AppState) -> Self {
        HostedService { state }
    }
}

fn internal(e: StorageError) -> AppError {
    tracing::error!(error = %e, "hosted page lookup failed");
    AppError::Internal
}

#[async_trait::async_trait]
impl HostedBackend for HostedService {
    async fn hosted_view(&self) -> Result<HostedView, AppError> {
        let headers: HeaderMap = leptos_axum::extract().await.map_err(|e| {
            tracing::error!(error = %e, "request headers unavailable");
            AppError::Internal
        })?;
        let store = &self.state.store;
        let Some(value) = cookies::read(&headers, cookies::INTERACTION) else {
            return Ok(HostedView::default());
        };
        let Some(row) = store
            .interaction_find(&secrets::digest_hex(&value), self.state.clock.now_ms())
            .await
            .map_err(internal)?
        else {
            return Ok(HostedView::default());
        };
        let request: AuthRequest = serde_json::from_str(&row.request).map_err(|e| {
            tracing::error!(error = %e, "stored interaction unreadable");
            AppError::Internal
        })?;
        let app_name = store
            .application_find_by_id(DEFAULT_TENANT, &row.client_id)
            .await
            .map_err(internal)?
            .map(|a| a.name)
            .unwrap_or_default();
        let branding = match &request.organization_id {
            Some(id) => branding(&self.state, id).await?,
            None => Branding::default(),
        };
        let consent = match &row.user_id {
            Some(user_id) => store
                .user_find_by_id(DEFAULT_TENANT, user_id)
                .await
                .map_err(internal)?
                .map(|u| Consent {
                    user: u
                        .username
                        .or(u.primary_email)
                        .unwrap_or_else(|| u.id.clone()),
                    scopes: request.scopes.clone(),
                }),
            None => None,
        };
        // The key being set up and the codes being saved go only into the binding pages (the
        // view is part of every hosted page's HTML).
        let uri: axum::http::Uri = leptos_axum::extract().await.map_err(|e| {
            tracing::error!(error = %e, "request address unavailable");
            AppError::Internal
        })?;
        let binding_page = uri.path().starts_with("/mfa-binding");
        let mfa = match MfaStep::parse(row.mfa.as_deref()) {
            Some(step) => Some(mfa_view(&self.state, step, binding_page).await?),
            None => None,
        };
        let settings = AccountSettings::load(store, DEFAULT_TENANT)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "sign-in settings unreadable");
                AppError::Internal
            })?;
        let mail = self.state.mailer.enabled();
        let form = settings.sign_up_form();
        let journey = journey_view(&row);
        Ok(HostedView {
            sign_up: SignUpView {
                username: form.username,
                email: form.email.is_some(),
                email_verify: form.email == Some(true) && mail,
                password: form.password,
            },
            sign_in: SignInView {
                password_identifiers: settings
                    .password_identifiers()
                    .into_iter()
                    .map(|i| Identifier::NAMES[i as usize].to_string())
                    .collect(),
                email_code: settings.email_code_sign_in(mail),
            },
            forgot_password: settings.email_password_reset(mail),
            journey,
            magic_link_email: magic_link_email(&self.state, &request).await,
            mfa,
            pending: true,
            app_name,
            sign_in_mode: store.sign_in_mode(DEFAULT_TENANT).await.map_err(internal)?,
            error: row.last_error,
            identifier: row.last_identifier,
            branding,
            consent,
        })
    }

    async fn invitation_view(
        &self,
        id: String,
        token: String,
        error: String,
    ) -> Result<app::model::InvitationView, AppError> {
        super::hosted_invitation::invitation_view(&self.state, &id, &token, &error).await
    }
}

/// The address a magic link is for, when its token is usable for it (an invalid link shows no
/// address: the hint is the requester's text).
async fn magic_link_email(state: &AppState, request: &AuthRequest) -> Option<String> {
    let digest = request.one_time_token_digest.as_deref()?;
    let email = request.login_hint.as_deref()?;
    let now = state.clock.now_ms();
    one_time_tokens::check_digest(&state.store, DEFAULT_TENANT, digest, email, now)
        .await
        .ok()
        .filter(|row| one_time_tokens::context_of(row).invitation_id.is_none())
        .map(|_| email.to_string())
}

/// The email journey under way, as the pages show it.
fn journey_view(row: &crate::storage::InteractionRow) -> Option<JourneyView> {
    let journey: Journey = serde_json::from_str(row.journey.as_deref()?).ok()?;
    let (kind, verified) = match &journey {
        Journey::Register { verified, .. } => ("Register", *verified),
        Journey::SignIn { .. } => ("SignIn", false),
        Journey::ForgotPassword { verified_at, .. } => ("ForgotPassword", verified_at.is_some()),
    };
    Some(JourneyView {
        kind: kind.into(),
        email: journey.email().to_string(),
        verified,
    })
}

/// What the MFA page shows of the sign-in's MFA step; the TOTP secret's QR code is drawn here.
async fn mfa_view(
    state: &AppState,
    step: MfaStep,
    binding_page: bool,
) -> Result<MfaView, AppError> {
    let page = match step.page {
        Page::Verify => "Verify",
        Page::Suggest => "Suggest",
        Page::Bind => "Bind",
        Page::BackupCodes => "BackupCodes",
    };
    let totp = match &step.totp_secret {
        Some(secret) if step.page == Page::Bind && binding_page => {
            let account = state
                .store
                .user_find_by_id(DEFAULT_TENANT, &step.user_id)
                .await
                .map_err(internal)?
                .and_then(|u| u.primary_email.or(u.username).or(u.name))
                .unwrap_or_else(|| step.user_id.clone());
            let uri = totp::otpauth_uri(secret, &state.public_host(), &account);
            Some(TotpSetup {
                secret: secret.clone(),
                qr_svg: totp::qr_svg(&uri),
                uri,
            })
        }
        _ => None,
    };
    Ok(MfaView {
        path: step.path(),
        page: page.into(),
        factors: step.factors,
        skippable: step.skippable,
        organization: step.organization,
        totp,
        passkey_options: step.passkey_options.as_ref().map(|o| o.to_string()),
        backup_codes: if step.page == Page::BackupCodes && binding_page {
            step.backup_codes.unwrap_or_default()
        } else {
            Vec::new()
        },
    })
}
