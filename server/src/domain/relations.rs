//! Bodies of relation routes (`addRelationRoutes` in Logto's
//! `packages/core/src/utils/SchemaRouter.ts`): `{ fooIds: [...] }`.

use serde_json::Value;

use super::DomainError;
use super::guard::Guard;
use crate::storage::StorageError;

/// Order-preserving de-duplication of ids from a request.
pub fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

/// A POST body: at least one id; repeated ids count once.
pub fn ids_to_add(body: &Value, key: &str) -> Result<Vec<String>, DomainError> {
    let mut g = Guard::new(body);
    let ids = g.id_list(key, true, true);
    g.finish()?;
    Ok(dedup(ids.unwrap_or_default()))
}

/// A PUT body: any number of ids. A repeated id is refused as Logto's unique violation.
pub fn ids_to_replace(body: &Value, key: &str) -> Result<Vec<String>, DomainError> {
    let mut g = Guard::new(body);
    let ids = g.id_list(key, true, false);
    g.finish()?;
    let ids = ids.unwrap_or_default();
    let unique = dedup(ids.clone());
    if unique.len() != ids.len() {
        return Err(StorageError::UniqueViolation.into());
    }
    Ok(unique)
}
