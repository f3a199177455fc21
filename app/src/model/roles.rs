use serde::{Deserialize, Serialize};

/// Logto's global Role: API permissions for users (User) or M2M applications.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Role {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(rename = "type")]
    pub role_type: String,
    pub is_default: bool,
}

/// An application shown beside a role in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FeaturedApplication {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub application_type: String,
}

/// A role of `GET /api/roles`: with how many users and applications hold it and the first
/// three of each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RoleWithHolders {
    #[serde(flatten)]
    pub role: Role,
    pub users_count: i64,
    pub featured_users: Vec<super::FeaturedUser>,
    pub applications_count: i64,
    pub featured_applications: Vec<FeaturedApplication>,
}
