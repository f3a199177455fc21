//! Id lists of relation writes (`addRelationRoutes` in Logto's
//! `packages/core/src/utils/SchemaRouter.ts`): what adding and replacing do with repeated ids,
//! and the rules every list of ids follows. The Management API reads them from bodies
//! `{ fooIds: [...] }` (`management_api/bodies/relation_bodies.rs`).

use super::DomainError;
use super::rules::Issues;
use crate::storage::StorageError;

/// zod's message for an empty array that must not be.
pub const AT_LEAST_ONE: &str = "Array must contain at least 1 element(s)";

/// How many ids a list must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// `POST` bodies: adding nothing is refused.
    AtLeastOne,
    /// `PUT` bodies: an empty list empties the relation.
    Any,
}

/// The most ids one request may name: every id is checked in one query, and databases bound
/// the values a query may carry (SQLite: 32,766).
pub const MAX_IDS: usize = 10_000;

/// Checks a list of ids at `key`: too few ids is one issue; otherwise each id must be non-empty
/// text without NUL (`key.0`, `key.1`, …).
pub fn check_ids(issues: &mut Issues, key: &str, ids: &[String], count: Count) {
    if count == Count::AtLeastOne && ids.is_empty() {
        issues.push(key, "too_small", AT_LEAST_ONE);
    } else if ids.len() > MAX_IDS {
        issues.push(
            key,
            "too_big",
            format!("Array must contain at most {MAX_IDS} element(s)"),
        );
    } else {
        issues.texts(key, ids, 1, usize::MAX);
    }
}

/// Order-preserving de-duplication of ids from a request.
pub fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

/// Ids to add: repeated ids count once.
pub fn ids_to_add(ids: Vec<String>) -> Vec<String> {
    dedup(ids)
}

/// Ids to replace with: a repeated id is refused as Logto's unique violation.
pub fn ids_to_replace(ids: Vec<String>) -> Result<Vec<String>, DomainError> {
    let given = ids.len();
    let unique = dedup(ids);
    if unique.len() != given {
        return Err(StorageError::UniqueViolation.into());
    }
    Ok(unique)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn adding_counts_repeats_once_and_replacing_refuses_them() {
        assert_eq!(ids_to_add(ids(&["a", "b", "a"])), ids(&["a", "b"]));
        assert_eq!(ids_to_replace(ids(&["b", "a"])).unwrap(), ids(&["b", "a"]));
        assert!(matches!(
            ids_to_replace(ids(&["a", "a"])),
            Err(DomainError::Storage(StorageError::UniqueViolation))
        ));
    }

    #[test]
    fn lists_follow_the_body_rules() {
        let lines = |list: &[&str], count| {
            let mut issues = Issues::default();
            check_ids(&mut issues, "userIds", &ids(list), count);
            match issues.finish() {
                Ok(()) => Vec::new(),
                Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
                Err(e) => panic!("{e}"),
            }
        };
        assert!(lines(&[], Count::Any).is_empty());
        assert_eq!(
            lines(&[], Count::AtLeastOne),
            [format!(
                "Error in key path \"userIds\": (too_small) {AT_LEAST_ONE}"
            )]
        );
        let bad = lines(&["a", "", "b\0"], Count::AtLeastOne);
        assert_eq!(bad.len(), 2);
        assert!(bad[0].starts_with("Error in key path \"userIds.1\": (too_small)"));
        assert!(bad[1].starts_with("Error in key path \"userIds.2\": (invalid_string)"));
    }
}
