//! How the bodies of the role routes are read: `{ roleIds }`, possibly empty, as Logto.

use serde::Serialize;
use utoipa::ToSchema;

use crate::management_api::bodies::id_list_bodies;

/// `POST …/roles`: roles to give; repeated ids and roles already held count once.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolesAssign {
    #[schema(min_length = 1)]
    pub role_ids: Vec<String>,
}

/// `PUT …/roles`: the complete list of roles; an empty list takes them all away.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolesReplace {
    #[schema(min_length = 1)]
    pub role_ids: Vec<String>,
}

/// `PUT /api/users/{id}/roles` → the roles the user now holds.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolesSet {
    pub role_ids: Vec<String>,
}

id_list_bodies!(
    RolesAssign(role_ids, "roleIds", Required),
    RolesReplace(role_ids, "roleIds", Required),
);
