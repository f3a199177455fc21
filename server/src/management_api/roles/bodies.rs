//! How the bodies of `/api/roles` and its permission, user and application lists are read.

use serde_json::Value;
use utoipa::ToSchema;

use crate::domain::DomainError;
use crate::domain::roles::{DESCRIPTION_MAX, NAME_MAX, NewRole, RolePatch, RoleType};
use crate::management_api::bodies::FromBody;
use crate::management_api::bodies::guard::Guard;

impl FromBody for NewRole {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, NAME_MAX);
        let description = g.required_string("description", 1, DESCRIPTION_MAX);
        let role_type = g.optional_enum("type", &app::model::ORGANIZATION_ROLE_TYPES);
        let scope_ids = g.id_list("scopeIds", false, false);
        let is_default = g.optional_bool("isDefault");
        g.finish()?;
        Ok(NewRole {
            name: name.unwrap_or_default(),
            description: description.unwrap_or_default(),
            role_type: role_type.as_deref().and_then(RoleType::parse),
            scope_ids,
            is_default,
        })
    }
}

impl FromBody for RolePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.optional_string("name", 1, NAME_MAX);
        let description = g.optional_string("description", 1, DESCRIPTION_MAX);
        let is_default = g.optional_bool("isDefault");
        g.finish()?;
        Ok(RolePatch {
            name,
            description,
            is_default,
        })
    }
}

// The three `POST` bodies below are documented only: their handlers look the role up before
// they read the list (`bodies::ids_to_add`), so an unknown role is a 404 whatever the body, and
// nothing builds these types.

/// `POST /api/roles/{id}/scopes`: API permissions to add to the role; repeated and existing
/// ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `POST /api/roles/{id}/users`: users to give the role (a `User` role only); repeated and
/// existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RoleUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/roles/{id}/applications`: machine-to-machine applications to give the role (a
/// `MachineToMachine` role only); repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RoleApplicationsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub application_ids: Vec<String>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines(result: Result<impl std::fmt::Debug, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn a_role_type_is_one_of_the_known_ones() {
        let body = json!({ "name": "r", "description": "d", "type": "Admin" });
        let found = lines(NewRole::from_body(&body));
        assert_eq!(
            found,
            [
                "Error in key path \"type\": (invalid_enum_value) Invalid enum value. Expected \
              'User' | 'MachineToMachine', received 'Admin'"
            ]
        );
        let body = json!({ "name": "r", "description": "d", "type": "MachineToMachine",
                           "scopeIds": ["a"] });
        let input = NewRole::from_body(&body).unwrap();
        assert_eq!(input.role_type, Some(RoleType::MachineToMachine));
        assert_eq!(input.scope_ids.as_deref(), Some(&["a".to_string()][..]));
        let body = json!({ "name": "r", "description": "d", "scopeIds": [""] });
        assert_eq!(lines(NewRole::from_body(&body)).len(), 1);
    }

    #[test]
    fn a_role_patch_may_be_empty() {
        let patch = RolePatch::from_body(&json!({})).unwrap();
        assert!(patch.name.is_none() && patch.description.is_none() && patch.is_default.is_none());
        assert_eq!(
            lines(RolePatch::from_body(&json!({ "description": "" }))).len(),
            1
        );
    }
}
