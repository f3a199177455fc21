use serde::{Deserialize, Serialize};

/// Logto's OrganizationScope: a permission of the organization template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrganizationScope {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}
