//! Enumerations several request bodies share (application types, MFA factors).

use utoipa::ToSchema;

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

/// The kind of an MFA factor.
#[derive(ToSchema)]
pub enum MfaVerificationType {
    Totp,
    BackupCode,
}
