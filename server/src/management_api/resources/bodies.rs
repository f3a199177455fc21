//! How the bodies of `/api/resources` and its permissions (`/scopes`) are read.

use serde_json::Value;

use crate::domain::DomainError;
use crate::domain::resources::{
    NewResource, NewResourceScope, ResourceIsDefaultPatch, ResourcePatch, ResourceScopePatch,
    SCOPE_NAME_MAX, TEXT_MAX, TTL_INVALID, TTL_MAX, TTL_TOO_BIG,
};
use crate::management_api::bodies::FromBody;
use crate::management_api::bodies::guard::Guard;

/// `accessTokenTtl`: a positive whole number of seconds (`null` is refused).
fn access_token_ttl(g: &mut Guard<'_>) -> Option<i64> {
    let value = g.optional_value("accessTokenTtl")?;
    match value.as_i64() {
        Some(n) if n > TTL_MAX => {
            g.issue("accessTokenTtl", "too_big", TTL_TOO_BIG);
            None
        }
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
}
