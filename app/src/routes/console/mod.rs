//! Console pages under `/console`.

mod application_detail;
mod application_secrets;
mod application_settings;
mod applications;
mod auth;
mod layout;
mod mfa_settings;
mod not_found;
mod organization_branding;
mod organization_detail;
mod organization_invitations;
mod organization_jit;
mod organization_members;
mod organizations;
mod resources;
mod sign_in_settings;
mod template;
mod user_account;
mod user_mfa;
mod user_roles;
mod users;

pub use application_detail::ApplicationDetailPage;
pub use applications::ApplicationsPage;
pub use auth::{SetupPage, SignInPage};
pub use layout::ConsoleLayout;
pub use mfa_settings::MfaSettingsPage;
pub use not_found::NotFound;
pub use organization_detail::OrganizationDetailPage;
pub use organizations::OrganizationsPage;
pub use resources::{ResourceDetailPage, ResourcesPage};
pub use sign_in_settings::SignInSettingsPage;
pub use template::{OrganizationRoleDetailPage, OrganizationTemplatePage};
pub use users::{UserDetailPage, UsersPage};
