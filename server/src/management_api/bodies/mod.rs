//! How the Management API reads request bodies: [`Body<T>`] and [`FromBody`] (`body.rs`), and
//! the bodies that are lists of ids (`relation_bodies.rs`). Each resource's own bodies live in
//! its module (`organizations/bodies.rs`, `sso_connectors.rs`, …).
//!
//! A body type is at once the reader, the validator and (through its `ToSchema`) the OpenAPI
//! schema; a test of `/api/swagger.json` compares the documented required keys with what the
//! validator asks for, so the document cannot drift from the code.
//!
//! Conventions shared by every body:
//! - a key of type `Option<T>` may be left out; only keys marked `nullable` may also be `null`
//!   (no value; in a `PATCH`, clears the stored one), the other optional keys refuse `null`;
//! - unknown keys are ignored, never refused;
//! - string lengths count UTF-16 code units, as JavaScript does, and no string may contain a NUL
//!   character;
//! - an empty request body reads as `{}`.

// Public so that `id_list_bodies!`, expanded in the resources' modules, names their items.
pub mod body;
pub mod guard;
pub mod relation_bodies;

pub use body::{Body, FromBody};
pub(crate) use relation_bodies::id_list_bodies;
pub use relation_bodies::{IdList, IdListBody, id_list, ids_to_add};
