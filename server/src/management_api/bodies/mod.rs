//! Request bodies of the Management API, for the OpenAPI document at `/api/swagger.json`.
//!
//! Handlers never deserialize into these types: they read the raw JSON with
//! `domain::guard::Guard` and the parsers in `domain`. Each type here describes exactly what
//! that parsing accepts (key names, JSON types, required keys, string lengths, nullable keys),
//! and a test compares them with the validator so the document cannot drift from the code.
//!
//! Conventions shared by every body:
//! - a key of type `Option<T>` may be left out; only keys marked `nullable` may also be `null`
//!   (no value; in a `PATCH`, clears the stored one), the other optional keys refuse `null`;
//! - unknown keys are ignored, never refused;
//! - string lengths count UTF-16 code units, as JavaScript does, and no string may contain a NUL
//!   character;
//! - an empty request body reads as `{}`.

// Nothing builds these types; only their schemas are used.
#![allow(dead_code)]

mod body;
mod client_metadata_bodies;
mod config_bodies;
mod member_bodies;
mod organization_bodies;
mod relation_bodies;
mod resource_and_role_bodies;
mod sso_connector_bodies;
mod template_bodies;
mod user_and_application_bodies;

pub use body::{Body, FromBody};
pub use config_bodies::*;
pub use member_bodies::*;
pub use organization_bodies::*;
pub use relation_bodies::{IdListBody, ids_to_add};
pub use resource_and_role_bodies::*;
pub use template_bodies::*;
