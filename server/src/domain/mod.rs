//! Business rules, shared by the Management API and the console. No axum, no sqlx.

pub mod account_settings;
pub mod admins;
pub mod application_commands;
pub mod application_secrets;
pub mod applications;
pub mod backup_codes;
pub mod client_metadata;
pub mod end_users;
pub mod error;
pub mod ids;
pub mod invitation_acceptance;
pub mod invitation_mail;
pub mod invitations;
pub mod issue;
pub mod jit;
pub mod json_merge;
pub mod logto_config;
pub mod member_roles;
pub mod members;
pub mod mfa;
pub mod mfa_gate;
pub mod mfa_settings;
pub mod mfa_sign_in;
pub mod one_time_tokens;
pub mod organization_roles;
pub mod organization_scopes;
pub mod organizations;
pub mod passkeys;
pub mod passwords;
pub mod relations;
pub mod resources;
pub mod role_grants;
pub mod roles;
pub mod rules;
pub mod search;
pub mod secrets;
pub mod sign_up;
pub mod sso_connectors;
pub mod totp;
pub mod user_account;
pub mod users;
pub mod verification_codes;

pub use error::DomainError;

/// A JSON column read back from storage; text that does not parse is a corrupt row.
pub(crate) fn json_column(
    column: &str,
    text: &str,
) -> Result<serde_json::Value, crate::storage::StorageError> {
    serde_json::from_str(text)
        .map_err(|e| crate::storage::StorageError::Corrupt(format!("{column}: {e}")))
}
