//! Management API under `/api` (Logto's paths and shapes). Every route requires a bearer token
//! for the Management API resource with scope `all` (see `auth.rs`).
//!
//! Each resource is one module holding its handlers, how its bodies are read and its routes with
//! their OpenAPI description (`routes(api)`); `routes.rs` lists them. What several resources
//! share: reading bodies (`bodies/`), relation routes (`relations.rs`), pagination, responses and
//! list filters; the router and its layers (`router.rs`, `auth.rs`, `uri_text.rs`),
//! the OpenAPI registration (`docs.rs`) and document (`swagger.rs`).

mod applications;
mod auth;
mod bodies;
mod docs;
mod id_token_config;
mod list_filters;
mod one_time_tokens;
mod organization_invitations;
mod organization_jit;
mod organization_members;
mod organization_roles;
mod organization_scopes;
mod organizations;
mod pagination;
mod private_keys;
mod relations;
mod resources;
mod responses;
mod role_grants;
mod roles;
mod router;
mod routes;
mod sign_in_exp;
mod sso_connectors;
mod swagger;
mod uri_text;
mod users;
mod verification_codes;

pub use router::router;
