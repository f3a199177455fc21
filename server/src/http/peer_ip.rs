//! [`PeerIp`]: the extractor that gives a handler the client's address, for per-address
//! limits.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;

use super::client_ip::client_ip;
use crate::state::AppState;

/// The client's address: the TCP peer's, or the one a trusted reverse proxy in front of it
/// forwarded (`server.trusted_proxies`). `None` when the server runs without connect info.
pub struct PeerIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for PeerIp
where
    AppState: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Ok(PeerIp(None));
        };
        let state = AppState::from_ref(state);
        let trusted = &state.settings.server.trusted_proxies;
        Ok(PeerIp(Some(client_ip(peer.ip(), &parts.headers, trusted))))
    }
}
