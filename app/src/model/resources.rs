use serde::{Deserialize, Serialize};

/// Id of the built-in Management API resource (seeded by the server's first migration).
pub const MANAGEMENT_API_RESOURCE_ID: &str = "management-api";

/// Logto's Scope: a permission of an API resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Scope {
    pub tenant_id: String,
    pub id: String,
    pub resource_id: String,
    pub name: String,
    pub description: Option<String>,
    pub created_at: i64,
}

/// Logto's Resource: an API addressed by its indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub indicator: String,
    pub is_default: bool,
    pub access_token_ttl: i64,
}

/// A resource with its permissions (`includeScopes`, and the creation response).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResourceWithScopes {
    #[serde(flatten)]
    pub resource: Resource,
    pub scopes: Vec<Scope>,
}
