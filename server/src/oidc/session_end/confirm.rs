//! The sign-out confirmation asked for when the request does not prove which client sent it (no
//! `id_token_hint`): a cross-site link alone must not end the browser's session. The form posts
//! back the request's parameters with `logout=yes` and an `xsrf` value bound to the session
//! cookie, which another site can neither read nor guess (as oidc-provider's `logoutSource`).

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::domain::secrets;
use crate::oidc::client::Client;
use crate::oidc::cookies;
use crate::oidc::error_page::escape;
use crate::oidc::token::Params;

/// The parameters the confirmation carries back to `/oidc/session/end`, with the client.
const CARRIED: [&str; 2] = ["post_logout_redirect_uri", "state"];

/// The `xsrf` value for this browser: a digest of its session cookie.
pub fn xsrf(headers: &HeaderMap) -> String {
    let session = cookies::read(headers, cookies::SESSION).unwrap_or_default();
    secrets::digest_hex(&format!("logout-confirmation:{session}"))
}

/// Whether the request is the confirmation form posted from this browser's page.
pub fn confirmed(params: &Params, headers: &HeaderMap) -> bool {
    let presented = params.get("xsrf").unwrap_or_default();
    params.get("logout") == Some("yes")
        && bool::from(presented.as_bytes().ct_eq(xsrf(headers).as_bytes()))
}

/// Whether `Referer` (or `Origin`) names the origin of one of the client's registered
/// redirect or post-logout redirect URIs: the request is a navigation from the client's pages.
pub fn referred_by_client(headers: &HeaderMap, client: &Client) -> bool {
    let Some(from) = [header::REFERER, header::ORIGIN]
        .iter()
        .filter_map(|h| headers.get(h)?.to_str().ok())
        .find_map(|v| url::Url::parse(v).ok())
        .map(|u| u.origin())
        .filter(url::Origin::is_tuple)
    else {
        return false;
    };
    client
        .redirect_uris
        .iter()
        .chain(&client.post_logout_redirect_uris)
        .filter_map(|uri| url::Url::parse(uri).ok())
        .any(|uri| uri.origin() == from)
}

/// The confirmation form; `client_id` is the request's client, also when an ID token named it.
pub fn page(params: &Params, client_id: Option<&str>, headers: &HeaderMap) -> Response {
    let mut hidden = hidden_field("xsrf", &xsrf(headers));
    if let Some(client_id) = client_id {
        hidden.push_str(&hidden_field("client_id", client_id));
    }
    for name in CARRIED {
        if let Some(value) = params.get(name) {
            hidden.push_str(&hidden_field(name, value));
        }
    }
    let css = crate::http::static_files::stylesheet_href();
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Sign out · Tessera</title><link rel=\"stylesheet\" href=\"{css}\">\
         </head><body><main class=\"hosted\"><section class=\"hosted-card\">\
         <h1>Sign out?</h1><p>An application asks to sign you out of this browser.</p>\
         <form method=\"post\" action=\"/oidc/session/end\">{hidden}\
         <button type=\"submit\" name=\"logout\" value=\"yes\" class=\"btn primary wide\" \
         autofocus>Sign out</button></form>\
         <p class=\"muted\">If you did not ask to sign out, close this page.</p>\
         </section></main></body></html>"
    );
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

fn hidden_field(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        escape(name),
        escape(value)
    )
}
