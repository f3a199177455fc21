//! Validation of an authorization request (OIDC Core §3.1.2.1, RFC 7636, RFC 8707). Two
//! phases, because errors are reported differently before and after the redirect URI is
//! trusted: [`trusted_redirect`] decides whether errors may be sent back to the client, then
//! [`validate`] checks everything else.

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::token::Params;
use crate::storage::{DEFAULT_TENANT, Store};

/// The reserved resource whose permissions are all organization permissions (Logto's
/// `packages/toolkit/core-kit/src/openid.ts`).
pub const ORGANIZATIONS_RESOURCE: &str = "urn:logto:resource:organizations";

/// A validated authorization request, kept with the interaction until the code is issued.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct AuthRequest {
    pub client_id: String,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub resources: Vec<String>,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub prompt: Vec<String>,
    /// Seconds; `Some(0)` forces a fresh sign-in.
    pub max_age: Option<i64>,
    pub login_hint: Option<String>,
    pub organization_id: Option<String>,
    /// `register` when the client asked to open the sign-up form (`first_screen=register`, or
    /// the Logto SDK's `interaction_mode=signUp`).
    pub first_screen: Option<String>,
    /// A magic link's one-time token (`one_time_token`, with `login_hint` its email), kept as
    /// its digest like every secret the server stores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_time_token_digest: Option<String>,
}

impl AuthRequest {
    pub fn has_prompt(&self, p: &str) -> bool {
        self.prompt.iter().any(|x| x == p)
    }
}

/// An error to show on our own page: the redirect URI is not (yet) trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    pub error: &'static str,
    pub description: String,
}

/// An error to send back to the client's redirect URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectError {
    pub error: &'static str,
    pub description: String,
}

fn page(error: &'static str, description: impl Into<String>) -> PageError {
    PageError {
        error,
        description: description.into(),
    }
}

fn back(error: &'static str, description: impl Into<String>) -> RedirectError {
    RedirectError {
        error,
        description: description.into(),
    }
}

/// The client and its exactly-registered redirect URI, or an error for our own page.
pub async fn trusted_redirect(
    store: &Store,
    params: &Params,
) -> Result<(Client, String), PageError> {
    let client_id = params
        .get("client_id")
        .ok_or_else(|| page("invalid_request", "missing required parameter 'client_id'"))?;
    let client = Client::find(store, client_id)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "client lookup failed");
            page("server_error", "an unexpected error occurred")
        })?
        .ok_or_else(|| page("invalid_client", "client is invalid"))?;
    let redirect_uri = params.get("redirect_uri").ok_or_else(|| {
        page(
            "invalid_request",
            "missing required parameter 'redirect_uri'",
        )
    })?;
    // Exact, byte-for-byte comparison: no prefix, suffix, case or normalisation tricks.
    if !client.redirect_uris.iter().any(|r| r == redirect_uri) {
        return Err(page(
            "invalid_redirect_uri",
            "redirect_uri did not match any of the client's registered redirect_uris",
        ));
    }
    Ok((client, redirect_uri.to_string()))
}

/// Everything else, once errors can go back to the client.
pub async fn validate(
    store: &Store,
    params: &Params,
    client: &Client,
    redirect_uri: String,
) -> Result<AuthRequest, RedirectError> {
    for unsupported in ["request", "request_uri", "registration"] {
        if params.get(unsupported).is_some() {
            let error = match unsupported {
                "request" => "request_not_supported",
                "request_uri" => "request_uri_not_supported",
                _ => "registration_not_supported",
            };
            return Err(back(error, format!("'{unsupported}' is not supported")));
        }
    }
    if !client.signs_people_in() {
        return Err(back(
            "unauthorized_client",
            "requested response_type is not allowed for this client",
        ));
    }
    match params.get("response_type") {
        None => {
            return Err(back(
                "invalid_request",
                "missing required parameter 'response_type'",
            ));
        }
        Some("code") => {}
        Some(_) => {
            return Err(back(
                "unsupported_response_type",
                "unsupported response_type requested",
            ));
        }
    }
    if params.get("response_mode").is_some_and(|m| m != "query") {
        return Err(back(
            "invalid_request",
            "only response_mode=query is supported",
        ));
    }
    let scopes = params.scopes();
    if !scopes.iter().any(|s| s == "openid") {
        return Err(back(
            "invalid_scope",
            "openid scope must be requested when using the authorization code flow",
        ));
    }
    let code_challenge = pkce(params, client)?;
    let prompt: Vec<String> = params
        .get("prompt")
        .unwrap_or_default()
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if let Some(bad) = prompt
        .iter()
        .find(|p| !matches!(p.as_str(), "none" | "login" | "consent" | "select_account"))
    {
        return Err(back(
            "invalid_request",
            format!("unsupported prompt value requested ({bad})"),
        ));
    }
    if prompt.len() > 1 && prompt.iter().any(|p| p == "none") {
        return Err(back(
            "invalid_request",
            "prompt none must only be used alone",
        ));
    }
    let max_age = match params.get("max_age") {
        None => None,
        Some(v) => Some(v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            back(
                "invalid_request",
                "invalid max_age parameter value, must be a non-negative integer",
            )
        })?),
    };
    let resources = resources(store, params).await?;
    Ok(AuthRequest {
        client_id: client.id.clone(),
        redirect_uri,
        scopes,
        resources,
        state: params.get("state").map(str::to_string),
        nonce: params.get("nonce").map(str::to_string),
        code_challenge,
        prompt,
        max_age,
        login_hint: params.get("login_hint").map(str::to_string),
        organization_id: params.get("organization_id").map(str::to_string),
        first_screen: (params.get("first_screen") == Some("register")
            || params.get("interaction_mode") == Some("signUp"))
        .then(|| "register".to_string()),
        one_time_token_digest: params
            .get("one_time_token")
            .filter(|t| !t.is_empty())
            .map(crate::domain::secrets::digest_hex),
    })
}

/// RFC 7636: S256 only; required for public clients (SPA, Native).
fn pkce(params: &Params, client: &Client) -> Result<Option<String>, RedirectError> {
    let challenge = params.get("code_challenge");
    let method = params.get("code_challenge_method");
    match (challenge, method) {
        (None, Some(_)) => Err(back(
            "invalid_request",
            "code_challenge_method requires a code_challenge",
        )),
        (None, None) => {
            if client.is_confidential() {
                Ok(None)
            } else {
                Err(back(
                    "invalid_request",
                    "Authorization Server policy requires PKCE to be used for this request",
                ))
            }
        }
        (Some(_), None) | (Some(_), Some("plain")) => Err(back(
            "invalid_request",
            "plain code_challenge_method fallback disabled, code_challenge_method must be provided",
        )),
        (Some(c), Some("S256")) => {
            let valid = (43..=128).contains(&c.len())
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
            if valid {
                Ok(Some(c.to_string()))
            } else {
                Err(back(
                    "invalid_request",
                    "code_challenge must be a string with a minimum length of 43 characters and a maximum length of 128 characters",
                ))
            }
        }
        (Some(_), Some(_)) => Err(back(
            "invalid_request",
            "not supported value of code_challenge_method",
        )),
    }
}

/// RFC 8707: each `resource` must be an absolute URI without fragment naming a registered
/// API resource, or the reserved organizations resource.
async fn resources(store: &Store, params: &Params) -> Result<Vec<String>, RedirectError> {
    let mut out: Vec<String> = Vec::new();
    for r in &params.resources {
        if out.contains(r) {
            continue;
        }
        let valid = url::Url::parse(r).is_ok_and(|u| u.fragment().is_none());
        if !valid {
            return Err(back(
                "invalid_target",
                "resource indicator must be an absolute URI",
            ));
        }
        if r != ORGANIZATIONS_RESOURCE {
            let known = store
                .resource_indicator_taken(DEFAULT_TENANT, r)
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "resource lookup failed");
                    back("server_error", "an unexpected error occurred")
                })?;
            if !known {
                return Err(back(
                    "invalid_target",
                    "resource indicator is missing, or unknown",
                ));
            }
        }
        out.push(r.clone());
    }
    Ok(out)
}

/// `redirect_uri` with the response parameters appended (RFC 6749 §4.1.2), plus `iss`
/// (RFC 9207) so clients can tell which server answered.
pub fn redirect_with(redirect_uri: &str, params: &[(&str, &str)]) -> String {
    let Ok(mut url) = url::Url::parse(redirect_uri) else {
        return redirect_uri.to_string();
    };
    {
        let mut q = url.query_pairs_mut();
        for (k, v) in params {
            q.append_pair(k, v);
        }
    }
    url.to_string()
}
