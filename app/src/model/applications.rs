use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Application types Logto knows; `type` must be one of them.
pub const APPLICATION_TYPES: [&str; 6] = [
    "Native",
    "SPA",
    "Traditional",
    "MachineToMachine",
    "Protected",
    "SAML",
];

/// Logto's Application object (the secret is never part of it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub app_type: String,
    pub oidc_client_metadata: Value,
    pub custom_client_metadata: Value,
    pub protected_app_metadata: Option<Value>,
    pub custom_data: Value,
    pub is_third_party: bool,
    pub created_at: i64,
}

/// The creation response: the application and its secret, shown this once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatedApplication {
    #[serde(flatten)]
    pub application: Application,
    pub secret: Option<String>,
}

/// One page of the console's application list, with Management API access flags.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationPage {
    pub items: Vec<(Application, bool)>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}
