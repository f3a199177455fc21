//! API resources with their permissions, and global roles: how each body is read.

use serde_json::Value;
use utoipa::ToSchema;

use super::body::FromBody;
use crate::domain::DomainError;
use crate::domain::guard::Guard;
use crate::domain::resources::{
    NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
    SCOPE_NAME_MAX, TEXT_MAX, TTL_INVALID,
};
use crate::domain::roles::{DESCRIPTION_MAX, NAME_MAX, NewRole, RolePatch, RoleType};

/// `accessTokenTtl`: a positive whole number of seconds (`null` is refused).
fn access_token_ttl(g: &mut Guard<'_>) -> Option<i64> {
    let value = g.optional_value("accessTokenTtl")?;
    match value.as_i64() {
        Some(n) if n > 0 => Some(n),
        _ => {
            g.issue("accessTokenTtl", "invalid_type", TTL_INVALID);
            None
        }
    }
}

impl FromBody for NewResource {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, TEXT_MAX);
        let indicator = g.required_string("indicator", 1, TEXT_MAX);
        let access_token_ttl = access_token_ttl(&mut g);
        g.finish()?;
        Ok(NewResource {
            name: name.unwrap_or_default(),
            indicator: indicator.unwrap_or_default(),
            access_token_ttl,
        })
    }
}

impl FromBody for ResourcePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.optional_string("name", 1, TEXT_MAX);
        let access_token_ttl = access_token_ttl(&mut g);
        g.finish()?;
        Ok(ResourcePatch {
            name,
            access_token_ttl,
        })
    }
}

impl FromBody for ResourceIsDefaultPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let is_default = g.required_bool("isDefault");
        g.finish()?;
        Ok(ResourceIsDefaultPatch {
            is_default: is_default.unwrap_or_default(),
        })
    }
}

impl FromBody for NewResourceScope {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.required_string("name", 1, SCOPE_NAME_MAX);
        let description = g.nullable_string("description", TEXT_MAX).into_patch();
        g.finish()?;
        Ok(NewResourceScope {
            name: name.unwrap_or_default(),
            description: description.flatten(),
        })
    }
}

impl FromBody for ResourceScopePatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let name = g.optional_string("name", 1, SCOPE_NAME_MAX);
        let description = g.nullable_string("description", TEXT_MAX).into_patch();
        g.finish()?;
        Ok(ResourceScopePatch { name, description })
    }
}

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

/// `POST /api/roles/{id}/scopes`: API permissions to add to the role; repeated and existing
/// ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleScopesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub scope_ids: Vec<String>,
}

/// `POST /api/roles/{id}/users`: users to give the role (a `User` role only); repeated and
/// existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleUsersAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub user_ids: Vec<String>,
}

/// `POST /api/roles/{id}/applications`: machine-to-machine applications to give the role (a
/// `MachineToMachine` role only); repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
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
            Err(DomainError::Invalid(lines)) => lines,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn a_resource_needs_a_name_and_an_indicator() {
        let found = lines(NewResource::from_body(&json!({ "accessTokenTtl": 0 })));
        assert_eq!(
            found,
            [
                "Error in key path \"name\": (invalid_type) Required",
                "Error in key path \"indicator\": (invalid_type) Required",
                "Error in key path \"accessTokenTtl\": (invalid_type) Expected a positive whole \
                 number of seconds",
            ]
        );
        let ok = json!({ "name": "Docs", "indicator": "https://docs.test", "x": 1 });
        let input = NewResource::from_body(&ok).unwrap();
        assert_eq!(input.indicator, "https://docs.test");
        assert!(input.access_token_ttl.is_none());
    }

    #[test]
    fn ttl_is_a_positive_whole_number() {
        for bad in [json!(null), json!(-1), json!(1.5), json!("60")] {
            let body = json!({ "accessTokenTtl": bad });
            assert_eq!(lines(ResourcePatch::from_body(&body)).len(), 1, "{body}");
        }
        let patch = ResourcePatch::from_body(&json!({ "accessTokenTtl": 60 })).unwrap();
        assert_eq!(patch.access_token_ttl, Some(60));
    }

    #[test]
    fn is_default_is_required() {
        assert_eq!(
            lines(ResourceIsDefaultPatch::from_body(&json!({}))).len(),
            1
        );
        let change = ResourceIsDefaultPatch::from_body(&json!({ "isDefault": true })).unwrap();
        assert!(change.is_default);
    }

    #[test]
    fn a_scope_patch_clears_its_description_with_null() {
        let patch = ResourceScopePatch::from_body(&json!({ "description": null })).unwrap();
        assert_eq!(patch.description, Some(None));
        assert!(patch.name.is_none());
        let input = NewResourceScope::from_body(&json!({ "name": "read", "description": null }));
        assert!(input.unwrap().description.is_none());
        let long = json!({ "name": "x".repeat(257) });
        assert_eq!(lines(NewResourceScope::from_body(&long)).len(), 1);
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
