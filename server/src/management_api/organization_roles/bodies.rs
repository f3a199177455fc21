//! How the bodies of `/api/organization-roles` and its permission lists are read.

use app::model::ORGANIZATION_ROLE_TYPES;
use serde_json::Value;
use utoipa::ToSchema;

use crate::domain::DomainError;
use crate::domain::organization_roles::{self, NewOrganizationRole, OrganizationRolePatch};
use crate::domain::roles::RoleType;
use crate::management_api::bodies::guard::Guard;
use crate::management_api::bodies::{FromBody, IdList, id_list, id_list_bodies};

impl FromBody for NewOrganizationRole {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let fields = role_fields(&mut g, true);
        let organization_scope_ids = id_list(&mut g, "organizationScopeIds", IdList::Optional);
        let resource_scope_ids = id_list(&mut g, "resourceScopeIds", IdList::Optional);
        g.finish()?;
        Ok(NewOrganizationRole {
            name: fields.name.unwrap_or_default(),
            description: fields.description.flatten(),
            role_type: fields.role_type,
            organization_scope_ids,
            resource_scope_ids,
        })
    }
}

impl FromBody for OrganizationRolePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let fields = role_fields(&mut g, false);
        g.finish()?;
        Ok(fields)
    }
}

/// The keys both role bodies share; a new role must have a name, a patch may leave it out.
fn role_fields(g: &mut Guard<'_>, require_name: bool) -> OrganizationRolePatch {
    OrganizationRolePatch {
        name: g.string("name", require_name, 1, organization_roles::NAME_MAX),
        description: g
            .nullable_string("description", organization_roles::DESCRIPTION_MAX)
            .into_patch(),
        role_type: g
            .optional_enum("type", &ORGANIZATION_ROLE_TYPES)
            .as_deref()
            .and_then(RoleType::parse),
    }
}

/// `POST /api/organization-roles/{id}/scopes`: organization permissions to add to the role;
/// repeated and existing ids are ignored.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_scope_ids: Vec<String>,
}

/// `PUT /api/organization-roles/{id}/scopes`: the role's complete list of organization
/// permissions; a repeated id is refused with 422.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleScopesReplace {
    #[schema(value_type = BTreeSet<String>, min_length = 1)]
    pub organization_scope_ids: Vec<String>,
}

/// `POST /api/organization-roles/{id}/resource-scopes`: API permissions to add to the role;
/// repeated and existing ids are ignored.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleResourceScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `PUT /api/organization-roles/{id}/resource-scopes`: the role's complete list of API
/// permissions; a repeated id is refused with 422.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRoleResourceScopesReplace {
    #[schema(value_type = BTreeSet<String>, min_length = 1)]
    pub scope_ids: Vec<String>,
}

id_list_bodies!(
    OrganizationRoleScopesAdd(organization_scope_ids, "organizationScopeIds", AtLeastOne),
    OrganizationRoleScopesReplace(organization_scope_ids, "organizationScopeIds", Required),
    OrganizationRoleResourceScopesAdd(scope_ids, "scopeIds", AtLeastOne),
    OrganizationRoleResourceScopesReplace(scope_ids, "scopeIds", Required),
);

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::management_api::bodies::IdListBody;

    fn lines<T: std::fmt::Debug>(result: Result<T, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_new_role_reads_its_type_and_permissions() {
        let role = NewOrganizationRole::from_body(&json!({
            "name": "admin", "type": "MachineToMachine", "organizationScopeIds": ["a"]
        }))
        .unwrap();
        assert_eq!(role.role_type, Some(RoleType::MachineToMachine));
        assert_eq!(role.organization_scope_ids, Some(vec!["a".to_string()]));
        assert_eq!(role.resource_scope_ids, None);
        assert_eq!(
            lines(NewOrganizationRole::from_body(&json!({
                "name": "admin", "type": "Robot", "resourceScopeIds": [""]
            }))),
            [
                "Error in key path \"type\": (invalid_enum_value) Invalid enum value. Expected \
                 'User' | 'MachineToMachine', received 'Robot'",
                "Error in key path \"resourceScopeIds.0\": (too_small) String must contain at \
                 least 1 character(s)",
            ]
        );
    }

    #[test]
    fn relation_bodies_read_their_key() {
        let add = OrganizationRoleScopesAdd::from_body(&json!({ "organizationScopeIds": ["a"] }));
        assert_eq!(add.unwrap().into_ids(), ["a"]);
        assert!(
            OrganizationRoleScopesAdd::from_body(&json!({ "organizationScopeIds": [] })).is_err()
        );
        let replace = OrganizationRoleResourceScopesReplace::from_body(&json!({ "scopeIds": [] }));
        assert!(replace.unwrap().into_ids().is_empty());
        assert!(OrganizationRoleResourceScopesReplace::from_body(&json!({})).is_err());
    }
}
