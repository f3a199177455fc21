//! The console's backend: implements the ports of `app::ports` (one file per port) over the
//! same domain services the Management API uses. The signed-in admin lives in the
//! tower-sessions session (`service.rs`).

mod application_secrets;
mod applications;
mod attempts;
mod backend;
mod branding;
pub mod context;
mod errors;
mod hosted;
mod hosted_invitation;
mod invitations;
mod jit;
mod members;
mod mfa;
mod resources;
pub mod server_fn_errors;
mod service;
mod sign_in_settings;
mod template;
mod user_account;
mod users;

pub use hosted::HostedService;
pub use service::{ADMIN_KEY, ConsoleService};
