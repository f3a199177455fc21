//! Signing keys (Tessera's own scheme, not Logto's): generated on first start, stored in the
//! database, parsed once into memory; rotation adds a key and keeps the old public keys published.
//! `kid` is the RFC 7638 thumbprint, as Logto computes it.
//!
//! Across replicas: each replica reads the key list's revision every poll interval
//! ([`watch`]) and reloads when it changed, so a key rotated through one replica is in every
//! replica's JWKS within one interval. A new key signs only after the activation delay, which
//! is longer than that: no token carries a `kid` a replica or a resource server reading the
//! JWKS has not been shown.
//!
//! This file only declares the key files and re-exports what the rest of the server uses.

mod alg;
mod error;
mod set;
mod signing_keys;
mod watch;

pub use alg::{Alg, Verifier};
pub use error::KeyError;
pub use set::{KeyStatus, key_statuses};
pub use signing_keys::SigningKeys;
pub use watch::watch;
