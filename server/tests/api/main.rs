#![recursion_limit = "256"]
// A test binary: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! HTTP integration tests: one binary, each test against a real server on a random port with a
//! fresh database, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL.

mod helpers;
mod people;

mod applications;
mod client_grants;
mod concurrent_writes;
mod console;
mod console_limits;
mod edge;
mod end_user_safety;
mod end_user_sign_in;
mod end_user_tokens;
mod jit;
mod key_rollover;
mod management_access;
mod management_auth;
mod member_pages;
mod metrics;
mod oidc_tokens;
mod organization_applications;
mod organization_lists;
mod organization_members;
mod organization_roles;
mod organization_scopes;
mod organizations;
mod resources;
mod roles;
mod rsa_keys;
mod small_defects;
mod storage;
mod swagger;
mod users;
