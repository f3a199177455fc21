//! What the console needs from the server, as traits the server implements over its domain
//! services (one per resource, in this folder). Keeps this crate free of persistence code
//! (ports and adapters): a server function calls a port with typed values and gets typed values
//! or an [`AppError`] back, never a request path or JSON.

mod application_secrets;
mod applications;
mod invitations;
mod jit;
mod members;
mod mfa;
mod resources;
mod sign_in_settings;
mod template;
mod user_account;
mod users;

pub use application_secrets::ApplicationSecretsPort;
pub use applications::ApplicationsPort;
pub use invitations::InvitationsPort;
pub use jit::JitPort;
pub use members::{MemberKind, MembersPort};
pub use mfa::MfaPort;
pub use resources::ResourcesPort;
pub use sign_in_settings::SignInSettingsPort;
pub use template::TemplatePort;
pub use user_account::UserAccountPort;
pub use users::UsersPort;

use std::future::Future;
use std::sync::Arc;

use crate::error::AppError;
use crate::model::{
    AdminInfo, ApplicationPage, ConsoleStatus, CreatedApplication, HostedView, InvitationView,
    Organization, OrganizationPage, OrganizationSettings,
};

#[async_trait::async_trait]
pub trait ConsoleBackend: Send + Sync {
    async fn status(&self) -> Result<ConsoleStatus, AppError>;
    async fn create_first_admin(
        &self,
        username: String,
        password: String,
    ) -> Result<AdminInfo, AppError>;
    async fn sign_in(&self, username: String, password: String) -> Result<AdminInfo, AppError>;
    async fn sign_out(&self) -> Result<(), AppError>;

    async fn list_organizations(
        &self,
        q: String,
        page: u32,
        page_size: u32,
    ) -> Result<OrganizationPage, AppError>;
    async fn create_organization(
        &self,
        name: String,
        description: String,
    ) -> Result<Organization, AppError>;
    async fn get_organization(&self, id: String) -> Result<Organization, AppError>;
    async fn update_organization(
        &self,
        id: String,
        settings: OrganizationSettings,
    ) -> Result<Organization, AppError>;
    async fn delete_organization(&self, id: String) -> Result<(), AppError>;

    async fn list_applications(
        &self,
        page: u32,
        page_size: u32,
    ) -> Result<ApplicationPage, AppError>;
    /// `app_type`: one of `APPLICATION_TYPES`; Management API access is for M2M apps only.
    async fn create_application(
        &self,
        name: String,
        description: String,
        app_type: String,
        management_api_access: bool,
    ) -> Result<CreatedApplication, AppError>;
    async fn delete_application(&self, id: String) -> Result<(), AppError>;
}

/// What the hosted sign-in pages need: the browser's pending sign-in, found by its cookie.
#[async_trait::async_trait]
pub trait HostedBackend: Send + Sync {
    async fn hosted_view(&self) -> Result<HostedView, AppError>;
    /// The invitation `id` as its link (`token`) opens it; `error` is the code of the last
    /// refused attempt.
    async fn invitation_view(
        &self,
        id: String,
        token: String,
        error: String,
    ) -> Result<InvitationView, AppError>;
}

/// The hosted invitation page's view.
pub async fn invitation_view(
    id: String,
    token: String,
    error: String,
) -> Result<InvitationView, AppError> {
    match leptos::prelude::use_context::<Arc<dyn HostedBackend>>() {
        Some(backend) => backend.invitation_view(id, token, error).await,
        None => Err(AppError::Internal),
    }
}

/// The hosted pages' view of this request's pending sign-in.
pub async fn hosted_view() -> Result<HostedView, AppError> {
    match leptos::prelude::use_context::<Arc<dyn HostedBackend>>() {
        Some(backend) => backend.hosted_view().await,
        None => Err(AppError::Internal),
    }
}

/// Runs `f` with the backend the server provided for this request; an error also sets the
/// response status (400, 401, 404, 409 or 500) so the failure is visible on the wire.
pub async fn run<T, F, Fut>(f: F) -> Result<T, AppError>
where
    F: FnOnce(Arc<dyn ConsoleBackend>) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    with::<dyn ConsoleBackend, _, _, _>(f).await
}

/// [`run`] for any port: `with::<dyn MembersPort, _, _, _>(|p| async move { … })`.
pub async fn with<P, T, F, Fut>(f: F) -> Result<T, AppError>
where
    P: ?Sized + Send + Sync + 'static,
    F: FnOnce(Arc<P>) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let backend = leptos::prelude::use_context::<Arc<P>>();
    let result = match backend {
        Some(backend) => f(backend).await,
        None => Err(AppError::Internal),
    };
    if let Err(e) = &result
        && let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = leptos::server_fn::http_export::StatusCode::from_u16(e.status_code())
    {
        res.set_status(status);
    }
    result
}

/// One runner per port, so a server function reads `members(|p| async move { … })`.
macro_rules! port_runners {
    ($($name:ident => $port:ident),* $(,)?) => {$(
        #[doc = concat!("[`with`] the [`", stringify!($port), "`].")]
        pub async fn $name<T, F, Fut>(f: F) -> Result<T, AppError>
        where
            F: FnOnce(Arc<dyn $port>) -> Fut,
            Fut: Future<Output = Result<T, AppError>>,
        {
            with::<dyn $port, T, F, Fut>(f).await
        }
    )*};
}

port_runners! {
    applications => ApplicationsPort,
    application_secrets => ApplicationSecretsPort,
    invitations => InvitationsPort,
    jit => JitPort,
    members => MembersPort,
    mfa => MfaPort,
    resources => ResourcesPort,
    sign_in_settings => SignInSettingsPort,
    template => TemplatePort,
    users => UsersPort,
    user_account => UserAccountPort,
}
