//! Bodies that are lists of ids, `{ "<key>": [...] }` (relation routes, Logto's
//! `addRelationRoutes` in `packages/core/src/utils/SchemaRouter.ts`, and member lists): how the
//! list at a key is read. What repeated ids mean is the domain's (`domain/relations.rs`).

use serde_json::Value;

use crate::domain::DomainError;
use crate::domain::relations;
use crate::management_api::bodies::guard::Guard;

/// What the list at a key must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdList {
    /// Present, with at least one id (`POST` bodies).
    AtLeastOne,
    /// Present, possibly empty (`PUT` bodies).
    Required,
    /// May be left out; possibly empty.
    Optional,
}

/// Reads the list at `key`: an array of non-empty strings, each problem an issue of `g`.
/// `None` when the key is absent or the list was refused.
pub fn id_list(g: &mut Guard<'_>, key: &str, list: IdList) -> Option<Vec<String>> {
    let (required, non_empty) = match list {
        IdList::AtLeastOne => (true, true),
        IdList::Required => (true, false),
        IdList::Optional => (false, false),
    };
    g.id_list(key, required, non_empty)
}

/// A body that is one list at `key`; an absent optional list reads as empty.
pub fn read_ids(body: &Value, key: &str, list: IdList) -> Result<Vec<String>, DomainError> {
    let mut g = Guard::new(body);
    let ids = id_list(&mut g, key, list);
    g.finish()?;
    Ok(ids.unwrap_or_default())
}

/// A `POST` relation body: at least one id; repeated ids count once.
pub fn ids_to_add(body: &Value, key: &str) -> Result<Vec<String>, DomainError> {
    Ok(relations::ids_to_add(read_ids(
        body,
        key,
        IdList::AtLeastOne,
    )?))
}

/// A body type that is one list of ids.
pub trait IdListBody {
    fn into_ids(self) -> Vec<String>;
}

/// `FromBody` and [`IdListBody`] for body types holding one list, each named with its field,
/// key and [`IdList`]: `id_list_bodies!(OrganizationUsersAdd(user_ids, "userIds", AtLeastOne))`.
macro_rules! id_list_bodies {
    ($($body:ident($field:ident, $key:literal, $list:ident)),+ $(,)?) => {
        $(
            impl $crate::management_api::bodies::body::FromBody for $body {
                fn from_body(
                    body: &serde_json::Value,
                ) -> Result<Self, $crate::domain::DomainError> {
                    use $crate::management_api::bodies::relation_bodies::{IdList, read_ids};
                    let $field = read_ids(body, $key, IdList::$list)?;
                    Ok($body { $field })
                }
            }

            impl $crate::management_api::bodies::relation_bodies::IdListBody for $body {
                fn into_ids(self) -> Vec<String> {
                    self.$field
                }
            }
        )+
    };
}
pub(crate) use id_list_bodies;

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines(result: Result<Vec<String>, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn post_bodies_need_at_least_one_id_and_count_repeats_once() {
        assert_eq!(
            ids_to_add(&json!({ "userIds": ["a", "b", "a"] }), "userIds").unwrap(),
            ["a", "b"]
        );
        assert_eq!(
            lines(ids_to_add(&json!({}), "userIds")),
            ["Error in key path \"userIds\": (invalid_type) Required"]
        );
        assert_eq!(
            lines(ids_to_add(&json!({ "userIds": [] }), "userIds")),
            ["Error in key path \"userIds\": (too_small) Array must contain at least 1 element(s)"]
        );
        assert!(ids_to_add(&json!({ "userIds": [""] }), "userIds").is_err());
    }

    #[test]
    fn each_kind_of_list() {
        let empty = json!({ "ids": [] });
        assert!(
            read_ids(&empty, "ids", IdList::Required)
                .unwrap()
                .is_empty()
        );
        assert!(read_ids(&json!({}), "ids", IdList::Required).is_err());
        assert!(
            read_ids(&json!({}), "ids", IdList::Optional)
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            lines(read_ids(&json!({ "ids": "a" }), "ids", IdList::Optional)),
            ["Error in key path \"ids\": (invalid_type) Expected array, received string"]
        );
        assert!(read_ids(&json!({ "ids": [1] }), "ids", IdList::Optional).is_err());
    }
}
