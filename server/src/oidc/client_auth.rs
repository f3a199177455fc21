//! Client authentication at the token endpoint (RFC 6749 §2.3.1):
//! - `client_secret_basic`: `Authorization: Basic base64(urlencode(id):urlencode(secret))`;
//! - `client_secret_post`: `client_id` and `client_secret` in the form;
//! - never both at once; the secret is compared as a SHA-256 digest in constant time with
//!   each of the client's secrets, and one past its `expiresAt` is refused.

use std::borrow::Borrow;

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::client::Client;
use super::error::OAuthError;
use super::token::params::Params;
use crate::domain::secrets;
use crate::storage::{StorageError, Store};

#[derive(Debug)]
pub struct PresentedClient {
    pub client_id: String,
    pub secret: Option<String>,
    /// Whether the credentials came in a Basic header (affects the 401's `WWW-Authenticate`).
    pub basic: bool,
}

fn form_decode(part: &str) -> String {
    url::form_urlencoded::parse(format!("v={part}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

pub fn presented(headers: &HeaderMap, params: &Params) -> Result<PresentedClient, OAuthError> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .map(|(_, value)| value.trim().to_string());
    if let Some(encoded) = basic {
        if params.get("client_secret").is_some() {
            return Err(OAuthError::InvalidRequest(
                "client authentication must only be provided using one mechanism".into(),
            ));
        }
        let invalid =
            || OAuthError::InvalidRequest("invalid authorization header value format".into());
        let decoded = STANDARD.decode(encoded).map_err(|_| invalid())?;
        let decoded = String::from_utf8(decoded).map_err(|_| invalid())?;
        let (id, secret) = decoded.split_once(':').ok_or_else(invalid)?;
        let (id, secret) = (form_decode(id), form_decode(secret));
        if id.contains('\0') || secret.contains('\0') {
            return Err(invalid());
        }
        if params.get("client_id").is_some_and(|form_id| form_id != id) {
            return Err(OAuthError::InvalidRequest(
                "mismatch between client_id in the form and in the Authorization header".into(),
            ));
        }
        return Ok(PresentedClient {
            client_id: id,
            secret: Some(secret),
            basic: true,
        });
    }
    match params.get("client_id") {
        Some(id) if !id.is_empty() => Ok(PresentedClient {
            client_id: id.to_string(),
            secret: params.get("client_secret").map(str::to_string),
            basic: false,
        }),
        _ => Err(OAuthError::InvalidClient {
            description: "no client authentication mechanism provided".into(),
            basic: false,
        }),
    }
}

/// Which clients an endpoint serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepts {
    /// Public clients (SPA, Native) identify themselves by `client_id` alone and must not
    /// present a secret; confidential ones authenticate with theirs.
    AnyClient,
    /// Confidential clients only, with their secret (RFC 6749 §4.4.2 client credentials,
    /// RFC 7662 §2.1 introspection).
    Confidential,
}

/// Reads and authenticates the presented client.
pub async fn authenticate(
    store: &Store,
    presented: &PresentedClient,
    accepts: Accepts,
    now_ms: i64,
) -> Result<Client, OAuthError> {
    let found = Client::find(store, &presented.client_id)
        .await
        .map_err(lookup_failed)?;
    verify(found, presented, accepts, now_ms)
}

/// Authenticates `found`, the client read for the presented id (`None`: there is none), and
/// hands it back. Generic so that a client kept in memory (`Arc<Client>`) is checked the same
/// way as one just read.
pub fn verify<C: Borrow<Client>>(
    found: Option<C>,
    presented: &PresentedClient,
    accepts: Accepts,
    now_ms: i64,
) -> Result<C, OAuthError> {
    let found = found.ok_or_else(|| authentication_failed(presented))?;
    let client = found.borrow();
    if accepts == Accepts::AnyClient && !client.is_confidential() {
        if presented.secret.is_some() {
            return Err(OAuthError::InvalidClient {
                description: "a public client must not authenticate with a secret".into(),
                basic: presented.basic,
            });
        }
        return Ok(found);
    }
    verify_secret(client, presented, now_ms)?;
    Ok(found)
}

/// The presented secret must match one of the client's (compared as digests, in constant
/// time) that has not expired. A match past its `expiresAt` is told apart, as Logto does, so
/// whoever rotates secrets learns why a client stopped working.
fn verify_secret(
    client: &Client,
    presented: &PresentedClient,
    now_ms: i64,
) -> Result<(), OAuthError> {
    let Some(secret) = presented.secret.as_deref() else {
        return Err(authentication_failed(presented));
    };
    let digest = secrets::digest_hex(secret);
    // An unexpired match wins over an expired one (two secrets never share a value, but the
    // answer must not depend on their order).
    let mut expired = false;
    for s in &client.secrets {
        if secrets::digests_match(&s.digest, &digest) {
            if s.expires_at.is_none_or(|at| at > now_ms) {
                return Ok(());
            }
            expired = true;
        }
    }
    if expired {
        Err(OAuthError::InvalidRequest(
            "client secret has expired".into(),
        ))
    } else {
        Err(authentication_failed(presented))
    }
}

/// The one answer to any failed client authentication: it never says which part was wrong.
fn authentication_failed(presented: &PresentedClient) -> OAuthError {
    OAuthError::InvalidClient {
        description: "client authentication failed".into(),
        basic: presented.basic,
    }
}

/// A failed client lookup: logged here, answered as `server_error`.
pub fn lookup_failed(e: StorageError) -> OAuthError {
    tracing::error!(error = %e, "client lookup failed");
    OAuthError::ServerError
}
