//! The console's Sign-up and sign-in page over the same settings and checks as
//! `PATCH /api/sign-in-exp` (`domain/account_settings.rs`): the form's choices become Logto's
//! `signUp`, `signIn` and `forgotPasswordMethods`, and the refusals are said on the fields.

use app::error::AppError;
use app::model::SignInSettingsForm;
use app::ports::SignInSettingsPort;

use super::service::ConsoleService;
use crate::domain::DomainError;
use crate::domain::account_settings::{
    self, AccountSettings, ForgotPasswordMethod, Identifier, SecondaryIdentifier, SignIn,
    SignInMethod, SignUp, SignUpIdentifier,
};
use crate::storage::{DEFAULT_TENANT, SignInExperienceWrite};

fn form_of(
    mode: String,
    s: &AccountSettings,
    mail: &str,
    mail_enabled: bool,
) -> SignInSettingsForm {
    let up = &s.sign_up;
    let secondary_email = up.secondary_identifiers.iter().any(|x| {
        matches!(
            x.identifier,
            SignUpIdentifier::Email | SignUpIdentifier::EmailOrPhone
        )
    });
    let sign_up_identifier = if up.identifiers.contains(&Identifier::Email) {
        "email"
    } else if up.identifiers.contains(&Identifier::Username) && secondary_email {
        "username_email"
    } else if up.identifiers.contains(&Identifier::Username) {
        "username"
    } else {
        "none"
    };
    let method = |i: Identifier| s.sign_in.methods.iter().find(|m| m.identifier == i);
    SignInSettingsForm {
        sign_in_mode: mode,
        sign_up_identifier: sign_up_identifier.into(),
        sign_up_password: up.password,
        username_password: method(Identifier::Username).is_some_and(|m| m.password),
        email_password: method(Identifier::Email).is_some_and(|m| m.password),
        email_code: method(Identifier::Email).is_some_and(|m| m.verification_code),
        // The stored choice; Logto's legacy `null` offers it when mail can be sent.
        forgot_password_email: match &s.forgot_password_methods {
            None => mail_enabled,
            Some(m) => m.contains(&ForgotPasswordMethod::EmailVerificationCode),
        },
        mail: mail.into(),
        mail_enabled,
    }
}

/// The form's choices in Logto's shapes.
fn settings_of(form: &SignInSettingsForm) -> Result<AccountSettings, AppError> {
    let (identifiers, secondary) = match form.sign_up_identifier.as_str() {
        "username" => (vec![Identifier::Username], vec![]),
        "email" => (vec![Identifier::Email], vec![]),
        "username_email" => (
            vec![Identifier::Username],
            vec![SecondaryIdentifier {
                identifier: SignUpIdentifier::Email,
                verify: Some(true),
            }],
        ),
        "none" => (vec![], vec![]),
        _ => {
            return Err(AppError::field(
                "sign_up_identifier",
                "Choose what new accounts give.",
            ));
        }
    };
    let verify = identifiers.contains(&Identifier::Email) || !secondary.is_empty();
    let mut methods = Vec::new();
    if form.username_password {
        methods.push(SignInMethod {
            identifier: Identifier::Username,
            password: true,
            verification_code: false,
            is_password_primary: true,
        });
    }
    if form.email_password || form.email_code {
        methods.push(SignInMethod {
            identifier: Identifier::Email,
            password: form.email_password,
            verification_code: form.email_code,
            is_password_primary: form.email_password,
        });
    }
    if methods.is_empty() {
        return Err(AppError::field(
            "sign_in_methods",
            "Choose at least one way to sign in.",
        ));
    }
    Ok(AccountSettings {
        sign_up: SignUp {
            identifiers,
            password: form.sign_up_password,
            verify,
            secondary_identifiers: secondary,
        },
        sign_in: SignIn { methods },
        forgot_password_methods: Some(if form.forgot_password_email {
            vec![ForgotPasswordMethod::EmailVerificationCode]
        } else {
            vec![]
        }),
    })
}

/// A refusal of the checks on the field it is about, in the page's words.
fn on_field(e: DomainError) -> AppError {
    let DomainError::Refused { code, .. } = &e else {
        return super::errors::to_app(e);
    };
    let (field, message) = match *code {
        "sign_in_experiences.enabled_connector_not_found" => (
            "sign_up_identifier",
            "Mail is turned off on this server (TESSERA__EMAIL__TRANSPORT=disabled): email addresses cannot be proved, and codes cannot be sent.",
        ),
        "sign_in_experiences.code_sign_in_must_be_enabled" => (
            "sign_in_methods",
            "Without a password at sign-up, people sign in with an emailed code: turn it on.",
        ),
        "sign_in_experiences.forgot_password_method_requires_connector" => (
            "forgot_password_email",
            "Mail is turned off on this server: reset codes cannot be sent.",
        ),
        _ => return super::errors::to_app(e),
    };
    AppError::field(field, message)
}

#[async_trait::async_trait]
impl SignInSettingsPort for ConsoleService {
    async fn sign_in_settings(&self) -> Result<SignInSettingsForm, AppError> {
        let store = self.state.store.clone();
        let (mode, settings) = self
            .read(async move {
                let mode = store.sign_in_mode(DEFAULT_TENANT).await?;
                Ok((mode, AccountSettings::load(&store, DEFAULT_TENANT).await?))
            })
            .await?;
        let mailer = &self.state.mailer;
        Ok(form_of(
            mode,
            &settings,
            mailer.description(),
            mailer.enabled(),
        ))
    }

    async fn save_sign_in_settings(
        &self,
        form: SignInSettingsForm,
    ) -> Result<SignInSettingsForm, AppError> {
        self.require_admin().await?;
        let mode = match form.sign_in_mode.as_str() {
            m @ ("SignInAndRegister" | "SignIn" | "Register") => m.to_string(),
            _ => {
                return Err(AppError::field(
                    "sign_in_mode",
                    "Choose who may use the pages.",
                ));
            }
        };
        let settings = settings_of(&form)?;
        let mail = self.state.mailer.enabled();
        account_settings::check_sign_up(&settings.sign_up, mail).map_err(on_field)?;
        account_settings::check_sign_in(&settings.sign_in, &settings.sign_up, mail)
            .map_err(on_field)?;
        if let Some(m) = &settings.forgot_password_methods {
            account_settings::check_forgot_password(m, mail).map_err(on_field)?;
        }
        let (up, inn, forgot) = (
            json(&settings.sign_up)?,
            json(&settings.sign_in)?,
            json(&settings.forgot_password_methods)?,
        );
        let store = self.state.store.clone();
        let write = SignInExperienceWrite {
            mode: Some(&mode),
            sign_up: Some(&up),
            sign_in: Some(&inn),
            forgot_password_methods: Some(Some(&forgot)),
            ..Default::default()
        };
        let (mode, saved) = self
            .apply(async {
                store
                    .sign_in_experience_update(DEFAULT_TENANT, &write)
                    .await?;
                let mode = store.sign_in_mode(DEFAULT_TENANT).await?;
                Ok((mode, AccountSettings::load(&store, DEFAULT_TENANT).await?))
            })
            .await?;
        let mailer = &self.state.mailer;
        Ok(form_of(
            mode,
            &saved,
            mailer.description(),
            mailer.enabled(),
        ))
    }
}

/// A setting as the JSON text stored.
fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "settings not serializable");
        AppError::Internal
    })
}
