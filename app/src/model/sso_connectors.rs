use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Providers an enterprise SSO connector can speak.
pub const SSO_PROVIDERS: [&str; 2] = ["OIDC", "SAML"];

/// An enterprise SSO connector; secret configuration values are never part of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SsoConnector {
    pub tenant_id: String,
    pub id: String,
    pub provider_name: String,
    pub connector_name: String,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub config: Value,
    pub domains: Value,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub branding: Value,
    pub sync_profile: bool,
    pub enable_token_storage: bool,
    pub created_at: i64,
}

/// An email domain whose new users join an organization just in time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct JitEmailDomain {
    pub tenant_id: String,
    pub organization_id: String,
    pub email_domain: String,
}

/// An organization's just-in-time provisioning settings as the console edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JitSettings {
    pub email_domains: Vec<String>,
    pub roles: Vec<super::OrganizationRole>,
    pub sso_connectors: Vec<SsoConnector>,
}
