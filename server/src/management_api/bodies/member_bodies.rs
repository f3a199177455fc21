//! Organization members: users and machine-to-machine applications, with their roles.

use utoipa::ToSchema;

/// `POST /api/organizations/{id}/users`: users to add as members; existing members and repeated
/// ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/users`: the complete member list (repeated ids count once).
/// Users who leave lose their organization roles; an empty list removes every member.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersReplace {
    #[schema(min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/users/roles`: gives every listed role to every listed member,
/// all or nothing.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersRolesAdd {
    /// Users who are already members of the organization.
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
    /// Organization roles of type `User`.
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `POST` (adds) and `PUT` (replaces) `/api/organizations/{id}/users/{userId}/roles`: the roles
/// by id, by name, or both; the two lists are joined. Both keys may be left out or empty, and an
/// empty `PUT` removes every role of the member. An unknown name is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUserRolesAssign {
    #[schema(nullable = false, min_length = 1)]
    pub organization_role_ids: Option<Vec<String>>,
    #[schema(nullable = false, min_length = 1)]
    pub organization_role_names: Option<Vec<String>>,
}

/// `POST /api/organizations/{id}/applications`: machine-to-machine applications to add as
/// members; existing members and repeated ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/applications`: the complete member list (repeated ids count
/// once). Applications that leave lose their organization roles; an empty list removes every
/// member.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsReplace {
    #[schema(min_length = 1)]
    pub application_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/applications/roles`: gives every listed role to every listed
/// member, all or nothing.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsRolesAdd {
    /// Applications that are already members of the organization.
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
    /// Organization roles of type `MachineToMachine`.
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `POST` (adds) and `PUT` (replaces) `/api/organizations/{id}/applications/{applicationId}/roles`:
/// the roles by id, at least one (names are not accepted for applications).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationRolesAssign {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}
