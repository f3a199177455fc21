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
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub app_type: String,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub oidc_client_metadata: Value,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub custom_client_metadata: Value,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub protected_app_metadata: Option<Value>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub custom_data: Value,
    pub is_third_party: bool,
    pub created_at: i64,
}

/// The creation response: the application and its secret, shown this once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedApplication {
    #[serde(flatten)]
    pub application: Application,
    pub secret: Option<String>,
}

/// One of an application's named secrets (Logto's `ApplicationSecrets` row without its
/// value, which only its creator sees).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSecret {
    pub tenant_id: String,
    pub application_id: String,
    pub name: String,
    /// Epoch ms.
    pub created_at: i64,
    /// Epoch ms after which the secret no longer authenticates; `null`: never.
    pub expires_at: Option<i64>,
}

/// A secret just added: its value, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedApplicationSecret {
    #[serde(flatten)]
    pub secret: ApplicationSecret,
    pub value: String,
}

/// One page of the console's application list, each with its Management API access flag.
pub type ApplicationPage = super::Paged<(Application, bool)>;

/// The editable settings of an application, as the console's settings form holds them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ApplicationSettings {
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub post_logout_redirect_uris: Vec<String>,
    #[serde(default)]
    pub cors_allowed_origins: Vec<String>,
    /// Seconds.
    pub id_token_ttl: i64,
    pub refresh_token_ttl_in_days: i64,
    pub rotate_refresh_token: bool,
    pub always_issue_refresh_token: bool,
}

/// Logto's token defaults for an application whose metadata does not set them; the server
/// issues tokens with these and the settings form starts from them.
pub const DEFAULT_ID_TOKEN_TTL_SECS: i64 = 3600;
pub const DEFAULT_REFRESH_TOKEN_TTL_DAYS: i64 = 14;
pub const DEFAULT_ROTATE_REFRESH_TOKEN: bool = true;
pub const DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN: bool = false;

impl ApplicationSettings {
    /// The form's starting values: what the application holds, with Logto's defaults.
    pub fn of(app: &Application) -> Self {
        let list = |v: &Value, key: &str| -> Vec<String> {
            v.get(key)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        let custom = &app.custom_client_metadata;
        ApplicationSettings {
            name: app.name.clone(),
            description: app.description.clone().unwrap_or_default(),
            redirect_uris: list(&app.oidc_client_metadata, "redirectUris"),
            post_logout_redirect_uris: list(&app.oidc_client_metadata, "postLogoutRedirectUris"),
            cors_allowed_origins: list(custom, "corsAllowedOrigins"),
            id_token_ttl: custom
                .get("idTokenTtl")
                .and_then(Value::as_i64)
                .unwrap_or(DEFAULT_ID_TOKEN_TTL_SECS),
            refresh_token_ttl_in_days: custom
                .get("refreshTokenTtlInDays")
                .and_then(Value::as_i64)
                .unwrap_or(DEFAULT_REFRESH_TOKEN_TTL_DAYS),
            rotate_refresh_token: custom
                .get("rotateRefreshToken")
                .and_then(Value::as_bool)
                .unwrap_or(DEFAULT_ROTATE_REFRESH_TOKEN),
            always_issue_refresh_token: custom
                .get("alwaysIssueRefreshToken")
                .and_then(Value::as_bool)
                .unwrap_or(DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN),
        }
    }
}

/// Whether the type signs people in (and so has redirect URIs).
pub fn signs_people_in(app_type: &str) -> bool {
    matches!(app_type, "SPA" | "Native" | "Traditional")
}
