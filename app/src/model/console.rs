use serde::{Deserialize, Serialize};

/// The signed-in console administrator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminInfo {
    pub id: String,
    pub username: String,
}

/// What the console shell needs to know on every page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsoleStatus {
    pub needs_setup: bool,
    pub admin: Option<AdminInfo>,
    /// The OpenID issuer apps are configured with (`{public_url}/oidc`).
    #[serde(default)]
    pub issuer: String,
}

/// One page of any console list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}
