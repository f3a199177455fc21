//! [`Tenant`]: the extractor that gives a handler the tenant its request acts in.
//!
//! Logto decides it from the request's URL (`getTenantId` in
//! `packages/core/src/utils/tenant.ts`: the admin endpoint, a tenant's own domain or path, or the
//! default tenant when multi-tenancy is off). Tessera serves one tenant, so every request acts in
//! `DEFAULT_TENANT`; a per-host or per-token choice would be made here, and the handlers that
//! take a `Tenant` would follow it unchanged.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::storage::DEFAULT_TENANT;

/// The tenant of the request; handlers pass it to the domain as `&tenant`.
pub struct Tenant(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Tenant {
    type Rejection = Infallible;

    async fn from_request_parts(_parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Tenant(DEFAULT_TENANT.to_string()))
    }
}
