//! Wire types shared by the Management API and the console (serde only, wasm-safe).

mod applications;
mod console;
mod organization_scopes;
mod organizations;

pub use applications::{APPLICATION_TYPES, Application, ApplicationPage, CreatedApplication};
pub use console::{AdminInfo, ConsoleStatus};
pub use organization_scopes::OrganizationScope;
pub use organizations::{
    FeaturedUser, Organization, OrganizationPage, OrganizationSettings, OrganizationWithFeatured,
};
