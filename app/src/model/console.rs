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
}
