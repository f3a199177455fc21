//! Cross-cutting HTTP: the accept loop, the Management API error shape, extractors and
//! middleware.

pub mod body_timeout;
pub mod client_ip;
pub mod csp;
pub mod csrf;
pub mod error;
pub mod extract;
pub mod forwarded;
pub mod headers;
pub mod idle;
pub mod limits;
pub mod metrics;
pub mod page_cache;
pub mod peer_ip;
pub mod serve;
pub mod static_files;
pub mod tenant;
