//! Business rules, shared by the Management API and the console. No axum, no sqlx.

pub mod admins;
pub mod applications;
pub mod error;
pub mod guard;
pub mod ids;
pub mod jit;
pub mod members;
pub mod organization_roles;
pub mod organization_scopes;
pub mod organizations;
pub mod passwords;
pub mod relations;
pub mod resources;
pub mod roles;
pub mod secrets;
pub mod sso_connectors;
pub mod users;

pub use error::DomainError;
