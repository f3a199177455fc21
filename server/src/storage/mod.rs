//! Persistence: one code path for SQLite and PostgreSQL. SQL strings are shared (`$n`
//! placeholders, portable types); [`Db`] dispatches each statement to the native pool.
//! This is the only module that imports sqlx.
//!
//! This file only declares the storage files and re-exports their public items. What they
//! share lives in files of its own (`db.rs`: the pool and transactions; `sql.rs`: SQL helpers;
//! `paged_query.rs`: a page of a list with its count; `error.rs`, `pagination.rs`, `tenants.rs`),
//! so no storage file depends on this one.

mod application_secrets;
mod applications;
mod changes;
mod client_grants_revision;
mod configs;
mod db;
mod error;
mod featured;
mod grants;
mod interactions;
mod invitations;
mod jit;
mod json_columns;
mod keys;
mod management_api_seed;
mod member_anchor_cache;
mod member_anchors;
mod member_joins;
mod member_kind;
mod memberships;
mod message_sends;
mod mfa;
mod mfa_failures;
mod one_time_tokens;
mod organization_revisions;
mod organization_roles;
mod organization_scopes;
mod organization_tokens;
mod organizations;
mod paged_query;
mod pagination;
mod pool_use;
mod provisioning;
mod relation_tables;
pub mod relations;
mod resources;
mod role_holders;
mod roles;
mod scopes;
mod sessions;
mod sign_in_mfa;
mod sql;
mod sso_connectors;
mod tenants;
mod user_account;
mod user_tokens;
mod users;
mod verification_codes;

pub use application_secrets::{ApplicationSecretRow, SecretDigest};
pub use applications::{ApplicationRow, DEFAULT_SECRET_NAME, NewApplication};
pub use changes::{Change, Changes};
pub use db::{Backend, Db, MigrationId, Store, Tx};
pub use error::StorageError;
pub use featured::FeaturedUserRow;
pub use grants::{
    AccessGrant, CodeGrant, CodeRow, GrantRow, RefreshGrant, RefreshGrantUser, Rotation,
};
pub use interactions::{InteractionRow, SessionRow};
pub use invitations::{InvitationFilter, InvitationRoleRow, InvitationRow};
pub use jit::EmailDomainRow;
pub use keys::SigningKeyRow;
pub use management_api_seed::Restored;
pub use member_kind::MemberKind;
pub use memberships::MemberOrganization;
pub use message_sends::SendLimit;
pub use mfa::MfaVerificationRow;
pub use one_time_tokens::OneTimeTokenRow;
pub use organization_revisions::OrganizationListRevision;
pub use organization_roles::{
    HeldRoleRow, OrganizationRolePatch, OrganizationRoleRow, RolePermissionRow,
};
pub use organization_scopes::{OrganizationScopePatch, OrganizationScopeRow};
pub use organizations::{OrganizationPatchRow, OrganizationRow};
pub use pagination::{Page, Paged};
pub use pool_use::PoolUse;
pub use resources::{
    MANAGEMENT_API_RESOURCE_ID, MANAGEMENT_API_ROLE_ID, MANAGEMENT_API_SCOPE_ID, ResourceFullRow,
    ResourceGrant, ResourceRow,
};
pub use role_holders::{FeaturedRoleApplicationRow, RoleHolders};
pub use roles::{RoleFilter, RoleRow};
pub use scopes::ScopeRow;
pub use sessions::SessionStore;
pub use sign_in_mfa::{DEFAULT_MFA_SETTINGS, SignInExperienceWrite};
pub use sso_connectors::{SsoConnectorPatch, SsoConnectorRow};
pub use tenants::{ADMIN_TENANT, DEFAULT_TENANT};
pub use user_account::UserJson;
pub use user_tokens::{OrganizationClaimRow, OrganizationStanding};
pub use users::{UniqueUserField, UserPatch, UserRow};
pub use verification_codes::VerificationCodeRow;
