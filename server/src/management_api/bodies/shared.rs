//! Enumerations several request bodies share (role, application and connector types, MFA
//! factors, sign-in modes, extended claims).

use utoipa::ToSchema;

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
