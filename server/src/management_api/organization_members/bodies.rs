//! Organization members, users and machine-to-machine applications, with their roles: how
//! each body is read. The domain takes the ids (`domain/members.rs`).

use serde_json::Value;
use utoipa::ToSchema;

use crate::domain::DomainError;
use crate::domain::members::{MemberRoles, RolesForMembers};
use crate::management_api::bodies::guard::Guard;
use crate::management_api::bodies::{FromBody, IdList, id_list, id_list_bodies};

/// `POST /api/organizations/{id}/users`: users to add as members; existing members and repeated
/// ids are ignored.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/users`: the complete member list (repeated ids count once).
/// Users who leave lose their organization roles; an empty list removes every member.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUsersReplace {
    #[schema(min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/users/roles`: gives every listed role to every listed member,
/// all or nothing.
#[derive(Debug, ToSchema)]
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
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationUserRolesAssign {
    #[schema(nullable = false, min_length = 1)]
    pub organization_role_ids: Option<Vec<String>>,
    #[schema(nullable = false, min_length = 1)]
    pub organization_role_names: Option<Vec<String>>,
}

/// `POST /api/organizations/{id}/applications`: machine-to-machine applications to add as
/// members; existing members and repeated ids are ignored.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/applications`: the complete member list (repeated ids count
/// once). Applications that leave lose their organization roles; an empty list removes every
/// member.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationsReplace {
    #[schema(min_length = 1)]
    pub application_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/applications/roles`: gives every listed role to every listed
/// member, all or nothing.
#[derive(Debug, ToSchema)]
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
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationApplicationRolesAssign {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

id_list_bodies!(
    OrganizationUsersAdd(user_ids, "userIds", AtLeastOne),
    OrganizationUsersReplace(user_ids, "userIds", Required),
    OrganizationApplicationsAdd(application_ids, "applicationIds", AtLeastOne),
    OrganizationApplicationsReplace(application_ids, "applicationIds", Required),
    OrganizationApplicationRolesAssign(organization_role_ids, "organizationRoleIds", AtLeastOne),
);

/// Members under `member_key` and the roles to give each, both lists required and non-empty.
fn read_roles_for_members(body: &Value, member_key: &str) -> Result<RolesForMembers, DomainError> {
    let mut g = Guard::new(body);
    let member_ids = id_list(&mut g, member_key, IdList::AtLeastOne);
    let role_ids = id_list(&mut g, "organizationRoleIds", IdList::AtLeastOne);
    g.finish()?;
    Ok(RolesForMembers {
        member_ids: member_ids.unwrap_or_default(),
        role_ids: role_ids.unwrap_or_default(),
    })
}

impl FromBody for OrganizationUsersRolesAdd {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let read = read_roles_for_members(body, "userIds")?;
        Ok(OrganizationUsersRolesAdd {
            user_ids: read.member_ids,
            organization_role_ids: read.role_ids,
        })
    }
}

impl From<OrganizationUsersRolesAdd> for RolesForMembers {
    fn from(body: OrganizationUsersRolesAdd) -> Self {
        RolesForMembers {
            member_ids: body.user_ids,
            role_ids: body.organization_role_ids,
        }
    }
}

impl FromBody for OrganizationApplicationsRolesAdd {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let read = read_roles_for_members(body, "applicationIds")?;
        Ok(OrganizationApplicationsRolesAdd {
            application_ids: read.member_ids,
            organization_role_ids: read.role_ids,
        })
    }
}

impl From<OrganizationApplicationsRolesAdd> for RolesForMembers {
    fn from(body: OrganizationApplicationsRolesAdd) -> Self {
        RolesForMembers {
            member_ids: body.application_ids,
            role_ids: body.organization_role_ids,
        }
    }
}

impl FromBody for OrganizationUserRolesAssign {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let organization_role_ids = id_list(&mut g, "organizationRoleIds", IdList::Optional);
        let organization_role_names = id_list(&mut g, "organizationRoleNames", IdList::Optional);
        g.finish()?;
        Ok(OrganizationUserRolesAssign {
            organization_role_ids,
            organization_role_names,
        })
    }
}

impl From<OrganizationUserRolesAssign> for MemberRoles {
    fn from(body: OrganizationUserRolesAssign) -> Self {
        MemberRoles {
            ids: body.organization_role_ids.unwrap_or_default(),
            names: body.organization_role_names.unwrap_or_default(),
        }
    }
}

impl From<OrganizationApplicationRolesAssign> for MemberRoles {
    fn from(body: OrganizationApplicationRolesAssign) -> Self {
        MemberRoles {
            ids: body.organization_role_ids,
            names: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines<T: std::fmt::Debug>(result: Result<T, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bulk_role_bodies_need_both_lists() {
        assert_eq!(
            lines(OrganizationUsersRolesAdd::from_body(
                &json!({ "userIds": [] })
            )),
            [
                "Error in key path \"userIds\": (too_small) Array must contain at least 1 \
                 element(s)",
                "Error in key path \"organizationRoleIds\": (invalid_type) Required",
            ]
        );
        let input: RolesForMembers = OrganizationApplicationsRolesAdd::from_body(
            &json!({ "applicationIds": ["a"], "organizationRoleIds": ["r"] }),
        )
        .unwrap()
        .into();
        assert_eq!(
            (input.member_ids, input.role_ids),
            (vec!["a".into()], vec!["r".into()])
        );
    }

    #[test]
    fn users_name_roles_applications_list_ids() {
        let roles: MemberRoles = OrganizationUserRolesAssign::from_body(&json!({}))
            .unwrap()
            .into();
        assert!(roles.ids.is_empty() && roles.names.is_empty());
        let roles: MemberRoles =
            OrganizationUserRolesAssign::from_body(&json!({ "organizationRoleNames": ["viewer"] }))
                .unwrap()
                .into();
        assert_eq!(roles.names, ["viewer"]);
        assert!(OrganizationApplicationRolesAssign::from_body(&json!({})).is_err());
        assert!(
            OrganizationApplicationRolesAssign::from_body(&json!({ "organizationRoleIds": [] }))
                .is_err()
        );
    }
}
