//! Request bodies of the Management API, for the OpenAPI document at `/api/swagger.json`.
//!
//! Handlers never deserialize into these types: they read the raw JSON with
//! `domain::guard::Guard` and the parsers in `domain`. Each type here describes exactly what
//! that parsing accepts (key names, JSON types, required keys, string lengths, nullable keys),
//! and a test compares them with the validator so the document cannot drift from the code.
//!
//! Conventions shared by every body:
//! - a key of type `Option<T>` may be left out; only keys marked `nullable` may also be `null`
//!   (no value; in a `PATCH`, clears the stored one), the other optional keys refuse `null`;
//! - unknown keys are ignored, never refused;
//! - string lengths count UTF-16 code units, as JavaScript does, and no string may contain a NUL
//!   character;
//! - an empty request body reads as `{}`.

// Nothing builds these types; only their schemas are used.
#![allow(dead_code)]

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use utoipa::ToSchema;

// ---------------------------------------------------------------------------------------------
// Enumerated strings
// ---------------------------------------------------------------------------------------------

/// Who may hold a role: users, or machine-to-machine applications.
#[derive(ToSchema)]
pub enum RoleType {
    User,
    MachineToMachine,
}

/// The kind of an application, fixed at creation.
#[derive(ToSchema)]
pub enum ApplicationType {
    Native,
    #[serde(rename = "SPA")]
    Spa,
    Traditional,
    MachineToMachine,
    Protected,
    #[serde(rename = "SAML")]
    Saml,
}

/// The protocol of an enterprise SSO connector.
#[derive(ToSchema)]
pub enum SsoProviderName {
    #[serde(rename = "OIDC")]
    Oidc,
    #[serde(rename = "SAML")]
    Saml,
}

/// The kind of an MFA factor.
#[derive(ToSchema)]
pub enum MfaVerificationType {
    Totp,
    BackupCode,
}

/// Whether the hosted pages offer sign-in, registration, or both.
#[derive(ToSchema)]
pub enum SignInMode {
    SignIn,
    Register,
    SignInAndRegister,
}

/// An extended claim ID tokens may carry.
#[derive(ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExtendedClaim {
    CustomData,
    Identities,
    SsoIdentities,
    Roles,
    Organizations,
    OrganizationData,
    OrganizationRoles,
}

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

/// `POST /api/organizations`: a new organization.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    /// Arbitrary data kept with the organization (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
    /// Whether members must have an MFA factor to get tokens for it (default `false`).
    #[schema(nullable = false)]
    pub is_mfa_required: Option<bool>,
    #[schema(nullable = false)]
    pub color: Option<OrganizationColor>,
    #[schema(nullable = false)]
    pub branding: Option<OrganizationBranding>,
    /// CSS added to the hosted pages shown for this organization.
    #[schema(nullable, max_length = 65536)]
    pub custom_css: Option<String>,
}

/// `PATCH /api/organizations/{id}`: the keys given change, the others keep their values; an
/// empty body changes nothing. Objects (`customData`, `color`, `branding`) replace the stored
/// ones as a whole.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationPatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    /// Arbitrary data kept with the organization.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
    /// Whether members must have an MFA factor to get tokens for it.
    #[schema(nullable = false)]
    pub is_mfa_required: Option<bool>,
    #[schema(nullable = false)]
    pub color: Option<OrganizationColor>,
    #[schema(nullable = false)]
    pub branding: Option<OrganizationBranding>,
    /// CSS added to the hosted pages shown for this organization; `null` removes it.
    #[schema(nullable, max_length = 65536)]
    pub custom_css: Option<String>,
}

/// An organization's colors; only these keys are kept.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationColor {
    /// `#rgb` or `#rrggbb`.
    #[schema(nullable = false, pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    pub primary_color: Option<String>,
    /// `#rgb` or `#rrggbb`, used in dark mode.
    #[schema(nullable = false, pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    pub dark_primary_color: Option<String>,
    #[schema(nullable = false)]
    pub is_dark_mode_enabled: Option<bool>,
}

/// An organization's logos and icons, each an absolute URL; only these keys are kept.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationBranding {
    #[schema(nullable = false, format = "uri")]
    pub logo_url: Option<String>,
    #[schema(nullable = false, format = "uri")]
    pub dark_logo_url: Option<String>,
    #[schema(nullable = false, format = "uri")]
    pub favicon: Option<String>,
    #[schema(nullable = false, format = "uri")]
    pub dark_favicon: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Organization members: users
// ---------------------------------------------------------------------------------------------

/// `POST /api/organizations/{id}/users`: users to add as members; existing members and repeated
/// ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/users`: the complete member list (repeated ids count once).
/// Users who leave lose their organization roles; an empty list removes every member.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersReplace {
    #[schema(min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/users/roles`: gives every listed role to every listed member,
/// all or nothing.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersRolesAdd {
    /// Users who are already members of the organization.
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
    /// Organization roles of type `User`.
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `POST` (adds) and `PUT` (replaces) `/api/organizations/{id}/users/{userId}/roles`: the roles
/// by id, by name, or both; the two lists are joined. Both keys may be left out or empty, and an
/// empty `PUT` removes every role of the member. An unknown name is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUserRolesAssign {
    #[schema(nullable = false, min_length = 1)]
    pub organization_role_ids: Option<Vec<String>>,
    #[schema(nullable = false, min_length = 1)]
    pub organization_role_names: Option<Vec<String>>,
}

// ---------------------------------------------------------------------------------------------
// Organization members: applications
// ---------------------------------------------------------------------------------------------

/// `POST /api/organizations/{id}/applications`: machine-to-machine applications to add as
/// members; existing members and repeated ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/applications`: the complete member list (repeated ids count
/// once). Applications that leave lose their organization roles; an empty list removes every
/// member.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsReplace {
    #[schema(min_length = 1)]
    pub application_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/applications/roles`: gives every listed role to every listed
/// member, all or nothing.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsRolesAdd {
    /// Applications that are already members of the organization.
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
    /// Organization roles of type `MachineToMachine`.
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `POST` (adds) and `PUT` (replaces) `/api/organizations/{id}/applications/{applicationId}/roles`:
/// the roles by id, at least one (names are not accepted for applications).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationRolesAssign {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Organization just-in-time provisioning
// ---------------------------------------------------------------------------------------------

/// `POST /api/organizations/{id}/jit/email-domains`: one email domain whose users join the
/// organization; stored lower-case, and a domain already there is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitEmailDomainAdd {
    #[schema(min_length = 1, max_length = 128, example = "example.com")]
    pub email_domain: String,
}

/// `PUT /api/organizations/{id}/jit/email-domains`: the complete list of email domains,
/// stored lower-case (domains equal but for case count once).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitEmailDomainsReplace {
    #[schema(min_length = 1, max_length = 128)]
    pub email_domains: Vec<String>,
}

/// `POST /api/organizations/{id}/jit/roles`: organization roles given to users who join
/// just in time; repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitRolesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/jit/roles`: the complete list of default roles; a repeated id
/// is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitRolesReplace {
    #[schema(min_length = 1)]
    pub organization_role_ids: BTreeSet<String>,
}

/// `POST /api/organizations/{id}/jit/sso-connectors`: enterprise SSO connectors whose users
/// join just in time; repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitSsoConnectorsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub sso_connector_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/jit/sso-connectors`: the complete list of connectors; a
/// repeated id is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitSsoConnectorsReplace {
    #[schema(min_length = 1)]
    pub sso_connector_ids: BTreeSet<String>,
}

// ---------------------------------------------------------------------------------------------
// Enterprise SSO connectors
// ---------------------------------------------------------------------------------------------

/// `POST /api/sso-connectors`: a new enterprise SSO connector.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SsoConnectorCreate {
    pub provider_name: SsoProviderName,
    /// Unique among the tenant's connectors (a taken name is refused with 422).
    #[schema(min_length = 1, max_length = 128)]
    pub connector_name: String,
    /// Provider settings (default `{}`). Values of keys naming a secret, private key or
    /// password are stored but never returned.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub config: Option<Map<String, Value>>,
    /// Email domains of the connector's users (default `[]`).
    #[schema(nullable = false, min_length = 1)]
    pub domains: Option<Vec<String>>,
    /// How the sign-in button looks (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub branding: Option<Map<String, Value>>,
    /// Logto's switch for updating profiles at each SSO sign-in; stored as given (default
    /// `false`).
    #[schema(nullable = false)]
    pub sync_profile: Option<bool>,
}

/// `PATCH /api/sso-connectors/{id}`: the keys given change, the others keep their values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SsoConnectorPatch {
    /// Unique among the tenant's connectors (a taken name is refused with 422).
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub connector_name: Option<String>,
    /// Merged key by key into the stored settings, so secrets left out are kept.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub config: Option<Map<String, Value>>,
    /// Replaces the stored email domains.
    #[schema(nullable = false, min_length = 1)]
    pub domains: Option<Vec<String>>,
    /// Replaces the stored branding as a whole.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub branding: Option<Map<String, Value>>,
    /// Logto's switch for updating profiles at each SSO sign-in; stored as given.
    #[schema(nullable = false)]
    pub sync_profile: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Organization roles
// ---------------------------------------------------------------------------------------------

/// `POST /api/organization-roles`: a new organization role with its initial permissions, all
/// or nothing (an unknown permission id is refused with 422 and no role is created).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    /// Default `User`.
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
    /// Organization permissions the role holds from the start.
    #[schema(nullable = false, min_length = 1)]
    pub organization_scope_ids: Option<Vec<String>>,
    /// API permissions (scopes of API resources) the role holds from the start.
    #[schema(nullable = false, min_length = 1)]
    pub resource_scope_ids: Option<Vec<String>>,
}

/// `PATCH /api/organization-roles/{id}`: the keys given change, the others keep their values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRolePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
}

/// `POST /api/organization-roles/{id}/scopes`: organization permissions to add to the role;
/// repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_scope_ids: Vec<String>,
}

/// `PUT /api/organization-roles/{id}/scopes`: the role's complete list of organization
/// permissions; a repeated id is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleScopesReplace {
    #[schema(min_length = 1)]
    pub organization_scope_ids: BTreeSet<String>,
}

/// `POST /api/organization-roles/{id}/resource-scopes`: API permissions to add to the role;
/// repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleResourceScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `PUT /api/organization-roles/{id}/resource-scopes`: the role's complete list of API
/// permissions; a repeated id is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleResourceScopesReplace {
    #[schema(min_length = 1)]
    pub scope_ids: BTreeSet<String>,
}

// ---------------------------------------------------------------------------------------------
// Organization scopes (permissions)
// ---------------------------------------------------------------------------------------------

/// `POST /api/organization-scopes`: a new organization permission (a taken name is refused
/// with 422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationScopeCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
}

/// `PATCH /api/organization-scopes/{id}`: the keys given change, the others keep their values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationScopePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// API resources and their permissions
// ---------------------------------------------------------------------------------------------

/// `POST /api/resources`: a new API resource (a taken indicator is refused with 422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceCreate {
    #[schema(min_length = 1, max_length = 4096)]
    pub name: String,
    /// The API identifier that clients request as `resource`, usually its URL.
    #[schema(min_length = 1, max_length = 4096, example = "https://api.example.com")]
    pub indicator: String,
    /// Lifetime of access tokens for this resource, in whole seconds (default 3600).
    #[schema(nullable = false, minimum = 1)]
    pub access_token_ttl: Option<i64>,
}

/// `PATCH /api/resources/{id}`: the keys given change, the others keep their values (the
/// indicator cannot change). The Management API resource cannot be changed (400).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourcePatch {
    #[schema(nullable = false, min_length = 1, max_length = 4096)]
    pub name: Option<String>,
    /// Lifetime of access tokens for this resource, in whole seconds.
    #[schema(nullable = false, minimum = 1)]
    pub access_token_ttl: Option<i64>,
}

/// `PATCH /api/resources/{id}/is-default`: makes the resource the default audience of user
/// access tokens, or stops it being one (at most one resource is the default).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceIsDefaultPatch {
    pub is_default: bool,
}

/// `POST /api/resources/{id}/scopes`: a new permission of the resource.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceScopeCreate {
    /// A single token such as `read:docs`, unique within the resource: a name with white space
    /// is refused with 400 `scope.name_with_space`, a taken one with 422.
    #[schema(min_length = 1, max_length = 256, pattern = r"^\S+$")]
    pub name: String,
    #[schema(nullable, max_length = 4096)]
    pub description: Option<String>,
}

/// `PATCH /api/resources/{id}/scopes/{scopeId}`: the keys given change, the others keep their
/// values.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceScopePatch {
    /// A single token such as `read:docs`, unique within the resource: a name with white space
    /// is refused with 400 `scope.name_with_space`, a taken one with 422.
    #[schema(nullable = false, min_length = 1, max_length = 256, pattern = r"^\S+$")]
    pub name: Option<String>,
    #[schema(nullable, max_length = 4096)]
    pub description: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Global roles
// ---------------------------------------------------------------------------------------------

/// `POST /api/roles`: a new role with API permissions (a taken name is refused with 422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleCreate {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(min_length = 1, max_length = 128)]
    pub description: String,
    /// Default `User`; fixed once the role exists.
    #[serde(rename = "type")]
    #[schema(nullable = false)]
    pub role_type: Option<RoleType>,
    /// API permissions the role holds from the start.
    #[schema(nullable = false, min_length = 1)]
    pub scope_ids: Option<Vec<String>>,
    /// Whether new users receive the role (default `false`).
    #[schema(nullable = false)]
    pub is_default: Option<bool>,
}

/// `PATCH /api/roles/{id}`: the keys given change, the others keep their values (the type
/// cannot change).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolePatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub description: Option<String>,
    /// Whether new users receive the role.
    #[schema(nullable = false)]
    pub is_default: Option<bool>,
}

/// `POST /api/roles/{id}/scopes`: API permissions to add to the role; repeated and existing
/// ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `POST /api/roles/{id}/users`: users to give the role (a `User` role only); repeated and
/// existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/roles/{id}/applications`: machine-to-machine applications to give the role (a
/// `MachineToMachine` role only); repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleApplicationsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

/// `POST /api/users`: a new user; every key is optional. A username, email or phone already
/// held by another user is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserCreate {
    /// A letter or `_`, then letters, digits or `_`.
    #[schema(nullable, max_length = 128, pattern = r"^[A-Za-z_][A-Za-z0-9_]*$")]
    pub username: Option<String>,
    #[schema(nullable, max_length = 128, pattern = r"^[^\s@]+@\S+\.[^\s.]+$")]
    pub primary_email: Option<String>,
    /// Digits only, without `+`.
    #[schema(nullable, max_length = 128, pattern = r"^[0-9]+$")]
    pub primary_phone: Option<String>,
    /// Display name.
    #[schema(nullable, max_length = 128)]
    pub name: Option<String>,
    /// Picture URL.
    #[schema(nullable, max_length = 2048)]
    pub avatar: Option<String>,
    /// Standard profile claims (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub profile: Option<Map<String, Value>>,
    /// Arbitrary data kept with the user (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
    /// Stored as an argon2id hash; without it the user has no password.
    #[schema(nullable = false, min_length = 1, max_length = 256, format = Password)]
    pub password: Option<String>,
}

/// `PATCH /api/users/{id}`: the keys given change, the others keep their values; `null`
/// clears a nullable key. Objects replace the stored ones as a whole. The password cannot be
/// set here (a `password` key is ignored).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserPatch {
    /// A letter or `_`, then letters, digits or `_`.
    #[schema(nullable, max_length = 128, pattern = r"^[A-Za-z_][A-Za-z0-9_]*$")]
    pub username: Option<String>,
    #[schema(nullable, max_length = 128, pattern = r"^[^\s@]+@\S+\.[^\s.]+$")]
    pub primary_email: Option<String>,
    /// Digits only, without `+`.
    #[schema(nullable, max_length = 128, pattern = r"^[0-9]+$")]
    pub primary_phone: Option<String>,
    /// Display name.
    #[schema(nullable, max_length = 128)]
    pub name: Option<String>,
    /// Picture URL.
    #[schema(nullable, max_length = 2048)]
    pub avatar: Option<String>,
    /// Standard profile claims.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub profile: Option<Map<String, Value>>,
    /// Arbitrary data kept with the user.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
}

/// `POST /api/users/{id}/mfa-verifications`: a new MFA factor. Both optional keys are checked
/// whatever the type, but only `secret` matters for `Totp` and only `codes` for `BackupCode`.
/// A user holds at most one factor of each type (422), and backup codes need another factor
/// first (422).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserMfaVerificationCreate {
    #[serde(rename = "type")]
    pub verification_type: MfaVerificationType,
    /// Base32 TOTP secret (any case); generated when left out. One that does not decode is
    /// refused with 400 `user.totp_secret_invalid`.
    #[schema(nullable = false, min_length = 16, max_length = 128)]
    pub secret: Option<String>,
    /// Backup codes to store; ten random ones are generated when left out.
    #[schema(nullable = false, min_items = 1, min_length = 1)]
    pub codes: Option<Vec<String>>,
}

// ---------------------------------------------------------------------------------------------
// Sign-in experience and configuration
// ---------------------------------------------------------------------------------------------

/// `PATCH /api/sign-in-exp`: the parts of the sign-in experience Tessera implements; an empty
/// body changes nothing.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignInExperiencePatch {
    #[schema(nullable = false)]
    pub sign_in_mode: Option<SignInMode>,
}

/// `PUT /api/configs/id-token`: which extended claims ID tokens carry (userinfo always carries
/// every claim of the granted scopes). An empty list turns them all off.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdTokenConfigReplace {
    pub enabled_extended_claims: Vec<ExtendedClaim>,
}

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

/// `POST /api/applications`: a new application. Confidential types (`Traditional`,
/// `MachineToMachine`, `Protected`) get a secret, returned only in this response.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationCreate {
    #[schema(min_length = 1, max_length = 256)]
    pub name: String,
    #[serde(rename = "type")]
    pub application_type: ApplicationType,
    #[schema(nullable, max_length = 1024)]
    pub description: Option<String>,
    /// Whether the application belongs to a third party, which must ask users for consent
    /// (default `false`; fixed once the application exists).
    #[schema(nullable = false)]
    pub is_third_party: Option<bool>,
    /// Default: both URI lists empty.
    #[schema(nullable = false)]
    pub oidc_client_metadata: Option<OidcClientMetadata>,
    /// Default `{}`.
    #[schema(nullable = false)]
    pub custom_client_metadata: Option<CustomClientMetadata>,
    /// Arbitrary data kept with the application (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
}

/// `PATCH /api/applications/{id}`: the keys given change, the others keep their values (the
/// type and the third-party flag cannot change; those keys are ignored).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationPatch {
    #[schema(nullable = false, min_length = 1, max_length = 256)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 1024)]
    pub description: Option<String>,
    /// Each list given replaces the stored one; a list left out is kept.
    #[schema(nullable = false)]
    pub oidc_client_metadata: Option<OidcClientMetadata>,
    /// Each key given replaces the stored one; keys left out are kept.
    #[schema(nullable = false)]
    pub custom_client_metadata: Option<CustomClientMetadata>,
    /// Arbitrary data kept with the application; replaces the stored object as a whole.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
}

/// An application's OpenID Connect client settings; only these keys are kept. Redirect URIs
/// are matched exactly at sign-in: absolute, without a fragment or `*`, and `http` or `https`
/// (with a host), except that native applications may also use a reverse-domain scheme such
/// as `com.example.app:/callback`.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OidcClientMetadata {
    /// Where authorization responses may be sent.
    #[schema(nullable = false, format = "uri")]
    pub redirect_uris: Option<Vec<String>>,
    /// Where users may be sent after signing out.
    #[schema(nullable = false, format = "uri")]
    pub post_logout_redirect_uris: Option<Vec<String>>,
}

/// An application's token and browser settings; only these keys are kept.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomClientMetadata {
    /// Browser origins allowed to call the token endpoints: scheme, host and optional port,
    /// nothing after (`https://app.example.com`).
    #[schema(nullable = false, format = "uri")]
    pub cors_allowed_origins: Option<Vec<String>>,
    /// ID token lifetime in seconds (default 3600).
    #[schema(nullable = false, minimum = 1, maximum = 31536000)]
    pub id_token_ttl: Option<i64>,
    /// Refresh token lifetime in seconds; takes precedence over `refreshTokenTtlInDays`.
    #[schema(nullable = false, minimum = 1, maximum = 31536000)]
    pub refresh_token_ttl: Option<i64>,
    /// Refresh token lifetime in days (default 14).
    #[schema(nullable = false, minimum = 1, maximum = 730)]
    pub refresh_token_ttl_in_days: Option<i64>,
    /// Whether a refresh token is issued without the `offline_access` scope (default `false`).
    #[schema(nullable = false)]
    pub always_issue_refresh_token: Option<bool>,
    /// Whether each refresh returns a new refresh token (default `true`).
    #[schema(nullable = false)]
    pub rotate_refresh_token: Option<bool>,
    /// Logto's token-exchange switch; stored as given.
    #[schema(nullable = false)]
    pub allow_token_exchange: Option<bool>,
}
