//! Console pages under `/console`.

mod applications;
mod auth;
mod layout;
mod not_found;
mod organization_detail;
mod organizations;

pub use applications::ApplicationsPage;
pub use auth::{SetupPage, SignInPage};
pub use layout::ConsoleLayout;
pub use not_found::NotFound;
pub use organization_detail::OrganizationDetailPage;
pub use organizations::OrganizationsPage;
