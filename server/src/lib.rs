#![recursion_limit = "256"]
//! Tessera: a Logto-compatible identity platform (OIDC provider, Management API, console).

pub mod caches;
pub mod clock;
pub mod config;
pub mod console;
pub mod domain;
pub mod http;
pub mod mail;
pub mod management_api;
pub mod metrics;
pub mod oidc;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
