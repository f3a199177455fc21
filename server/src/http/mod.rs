//! Cross-cutting HTTP: the Management API error shape, extractors and middleware.

pub mod csrf;
pub mod error;
pub mod extract;
pub mod headers;
