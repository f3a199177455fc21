#![recursion_limit = "256"]
// A test binary: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! HTTP integration tests: one binary, each test against a real server on a random port with a
//! fresh database, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL.

mod console_client;
mod helpers;
mod mfa_journey;
mod people;
mod security_fixtures;
mod storage_fixtures;

mod application_secrets;
mod applications;
mod authorization_request_safety;
mod client_grants;
mod concurrent_writes;
mod console;
mod console_invitations;
mod console_limits;
mod console_members;
mod console_mfa;
mod console_sign_in_settings;
mod console_template;
mod edge_forwarded_addresses;
mod edge_security_headers;
mod edge_slow_clients;
mod email_journeys;
mod end_user_registration;
mod end_user_safety;
mod end_user_sign_in;
mod invitation_page;
mod invitations;
mod jit;
mod key_rollover;
mod magic_links;
mod management_access;
mod management_auth;
mod member_pages;
mod metrics;
mod mfa_factors;
mod mfa_passkeys;
mod mfa_settings;
mod mfa_sign_in;
mod oidc_tokens;
mod one_time_tokens;
mod organization_applications;
mod organization_input;
mod organization_lists;
mod organization_members;
mod organization_roles;
mod organization_scopes;
mod organization_tokens_for_users;
mod organizations;
mod resources;
mod revocation_and_logout;
mod role_grants;
mod roles;
mod rsa_keys;
mod security_console_access;
mod security_console_writes;
mod security_cors_and_metrics;
mod security_input_limits;
mod security_token_endpoint;
mod small_defects;
mod storage_analyze;
mod storage_applications;
mod storage_organizations;
mod storage_resources_keys_sessions;
mod storage_users;
mod swagger;
mod user_account;
mod users;
mod verification_codes;
