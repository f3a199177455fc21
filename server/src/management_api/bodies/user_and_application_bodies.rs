//! Users, applications, the sign-in experience and configuration.

use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::shared::{ApplicationType, MfaVerificationType};

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
