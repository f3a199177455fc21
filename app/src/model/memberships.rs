use serde::{Deserialize, Serialize};

use super::{Application, NamedRef, Organization};

/// An organization a user or application belongs to, with its roles there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrganizationWithRoles {
    #[serde(flatten)]
    pub organization: Organization,
    pub organization_roles: Vec<NamedRef>,
}

/// A machine-to-machine application in an organization, with its roles there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationWithOrganizationRoles {
    #[serde(flatten)]
    pub application: Application,
    pub organization_roles: Vec<NamedRef>,
}
