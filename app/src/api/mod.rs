//! Server functions, each under `/console/fn/<endpoint>` (never `/api`, which is the Management
//! API's). Bodies check what the form can check and hand over to a port the server implements
//! (`crate::ports`) with typed values, so the console and API clients share every domain rule.
//! List arguments carry `#[server(default)]`: a form-encoded body leaves an empty list out
//! altogether.

pub mod application_secrets;
pub mod applications;
pub mod hosted;
pub mod invitations;
pub mod mfa;
pub mod organization_members;
pub mod organization_template;
pub mod organizations;
pub mod resources;
pub mod session;
pub mod sign_in_settings;
pub mod user_account;
pub mod users;

/// Refuses input before calling anything, answering with the error's status (a server
/// function's own `Err` would otherwise go out as 500).
#[cfg(feature = "ssr")]
pub(crate) fn refuse<T>(error: crate::error::AppError) -> Result<T, crate::error::AppError> {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) =
            leptos::server_fn::http_export::StatusCode::from_u16(error.status_code())
    {
        res.set_status(status);
    }
    Err(error)
}
