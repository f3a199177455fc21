//! Shared state handed to every handler.

use std::ops::Deref;
use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::caches::{ClientGrants, ConfigCache, OrganizationLists};
use crate::clock::Clock;
use crate::config::Settings;
use crate::domain::passkeys::RelyingParty;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use crate::oidc::keys::SigningKeys;
use crate::oidc::limits::SignInLimits;
use crate::storage::Store;

/// Cloned for every request (axum's `State`): one reference count, however many parts.
#[derive(Clone)]
pub struct AppState(Arc<SharedState>);

impl AppState {
    pub fn new(shared: SharedState) -> Self {
        Self(Arc::new(shared))
    }
}

impl Deref for AppState {
    type Target = SharedState;

    fn deref(&self) -> &SharedState {
        &self.0
    }
}

pub struct SharedState {
    pub settings: Arc<Settings>,
    pub store: Store,
    pub keys: Arc<SigningKeys>,
    pub clock: Clock,
    pub leptos_options: LeptosOptions,
    /// `{public_url}/oidc`.
    pub issuer: Arc<str>,
    /// Base URL clients use, without a trailing slash.
    pub public_url: Arc<str>,
    /// Brute-force limits of the hosted sign-in forms.
    pub sign_in_limits: Arc<SignInLimits>,
    // The per-replica caches; when each may serve what it kept: `crate::caches`.
    /// Tenant configuration read on hot paths.
    pub config_cache: Arc<ConfigCache>,
    /// Members' organization lists.
    pub organization_lists: Arc<OrganizationLists>,
    /// Machine-to-machine apps' organization grants, for the token endpoint.
    pub client_grants: Arc<ClientGrants>,
    /// This replica's Prometheus counters (`/metrics`).
    pub metrics: Arc<Metrics>,
    /// The passkey relying party (the public URL's host); `None` when that host is an IP
    /// address, where browsers refuse passkeys.
    pub passkeys: Option<Arc<RelyingParty>>,
    /// Outgoing mail (`crate::mail`).
    pub mailer: Mailer,
}

impl SharedState {
    /// The public URL's host: the issuer authenticator apps show beside a TOTP key.
    pub fn public_host(&self) -> String {
        url::Url::parse(&self.public_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
