//! The two tenants every database holds.

/// Tenant of the customers' own users, applications and organizations.
pub const DEFAULT_TENANT: &str = "default";
/// Tenant of console administrators.
pub const ADMIN_TENANT: &str = "admin";
