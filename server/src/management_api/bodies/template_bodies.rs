//! The organization template, organization roles and permissions: how each body is read.

use app::model::ORGANIZATION_ROLE_TYPES;
use serde_json::Value;
use utoipa::ToSchema;

use super::body::FromBody;
use super::relation_bodies::{IdList, id_list, id_list_bodies};
use crate::domain::DomainError;
use crate::domain::guard::Guard;
use crate::domain::organization_roles::{self, NewOrganizationRole, OrganizationRolePatch};
use crate::domain::organization_scopes::{self, NewOrganizationScope, OrganizationScopePatch};
use crate::domain::roles::RoleType;

impl FromBody for NewOrganizationScope {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, organization_scopes::NAME_MAX);
        let description = g.nullable_string("description", organization_scopes::DESCRIPTION_MAX);
        g.finish()?;
        Ok(NewOrganizationScope {
            name: name.unwrap_or_default(),
            description: description.into_patch().flatten(),
        })
    }
}

impl FromBody for OrganizationScopePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.optional_string("name", 1, organization_scopes::NAME_MAX);
        let description = g.nullable_string("description", organization_scopes::DESCRIPTION_MAX);
        g.finish()?;
        Ok(OrganizationScopePatch {
            name,
            description: description.into_patch(),
        })
    }
}

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
            Err(DomainError::Invalid(lines)) => lines,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_new_scope_needs_a_name() {
        assert_eq!(
            lines(NewOrganizationScope::from_body(
                &json!({ "description": 1 })
            )),
            [
                "Error in key path \"name\": (invalid_type) Required",
                "Error in key path \"description\": (invalid_type) Expected string, received \
                 number",
            ]
        );
        let scope =
            NewOrganizationScope::from_body(&json!({ "name": "read", "description": null }))
                .unwrap();
        assert_eq!((scope.name.as_str(), scope.description), ("read", None));
    }

    #[test]
    fn a_scope_patch_may_clear_the_description() {
        let patch = OrganizationScopePatch::from_body(&json!({ "description": null })).unwrap();
        assert_eq!((patch.name, patch.description), (None, Some(None)));
        assert!(OrganizationScopePatch::from_body(&json!({ "name": "" })).is_err());
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
