//! Management API under `/api` (Logto's paths and shapes). Every route requires a bearer token
//! for the Management API resource with scope `all` (see `auth.rs`).

mod applications;
mod auth;
mod bodies;
mod docs;
mod id_token_config;
mod jit;
mod keys;
mod list_filters;
mod mfa;
mod organization_members;
mod organization_roles;
mod organization_scopes;
mod organizations;
mod pagination;
mod relations;
mod resources;
mod responses;
mod roles;
mod router;
mod routes;
mod sign_in_exp;
mod sso_connectors;
mod swagger;
mod uri_text;
mod users;
mod writes;

pub use router::router;
