//! Query parameters the user and application lists share.

use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;

/// `excludeOrganizationId` of the user and application lists; Logto refuses it together with
/// `excludeRoleId`.
pub(super) fn exclude_organization(query: &QueryPairs) -> Result<Option<&str>, ApiError> {
    let exclude = query.get("excludeOrganizationId").filter(|v| !v.is_empty());
    if exclude.is_some() && query.get("excludeRoleId").is_some() {
        return Err(ApiError::invalid_input(
            "query",
            &[
                "Error in key path \"\": (custom) excludeRoleId and excludeOrganizationId \
               cannot be used together",
            ],
        ));
    }
    Ok(exclude)
}
