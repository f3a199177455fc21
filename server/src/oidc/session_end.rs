//! `GET|POST /oidc/session/end`: RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).
//! The browser's session ends and the hinted client's grants are revoked; the browser goes to
//! a registered `post_logout_redirect_uri` (exact match, `id_token_hint` or `client_id`
//! naming the client) with `state`, or to a "signed out" page. A signed-in browser sent here
//! without a valid `id_token_hint` and not from one of the client's own origins is asked to
//! confirm first (see `confirm`).

mod confirm;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::auth_request::redirect_with;
use super::client::Client;
use super::token::Params;
use super::{access_token, cookies, error_page, flow};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

pub async fn end_session(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let raw = if method == Method::POST {
        body.to_vec()
    } else {
        query.unwrap_or_default().into_bytes()
    };
    let params = match Params::parse(&raw) {
        Ok(p) => p,
        Err(e) => return error_page::render("invalid_request", e.description()),
    };
    // The client: from the ID token we issued (expired ones are fine), or `client_id`.
    let mut client_id = params.get("client_id").map(str::to_string);
    let mut hinted_user = None;
    let hinted = params.get("id_token_hint").is_some();
    if let Some(hint) = params.get("id_token_hint") {
        match access_token::verify_own(&state.keys, hint, &state.issuer, true).await {
            Ok(claims) => {
                let aud = claims
                    .get("aud")
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
                if client_id.is_some() && client_id != aud {
                    return error_page::render(
                        "invalid_request",
                        "client_id does not match the id_token_hint's audience",
                    );
                }
                client_id = aud;
                hinted_user = claims
                    .get("sub")
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
            }
            Err(_) => {
                return error_page::render("invalid_request", "could not validate id_token_hint");
            }
        }
    }
    let client = match &client_id {
        None => None,
        Some(id) => match Client::find(&state.store, id).await {
            Ok(Some(client)) => Some(client),
            Ok(None) => return error_page::render("invalid_client", "client is invalid"),
            Err(e) => {
                tracing::error!(error = %e, "client lookup failed");
                return error_page::render("server_error", "An unexpected error occurred.");
            }
        },
    };
    let redirect = match params.get("post_logout_redirect_uri") {
        None => None,
        Some(uri) => {
            let Some(client) = &client else {
                return error_page::render(
                    "invalid_request",
                    "post_logout_redirect_uri requires id_token_hint or client_id",
                );
            };
            if !client.post_logout_redirect_uris.iter().any(|r| r == uri) {
                return error_page::render(
                    "invalid_request",
                    "post_logout_redirect_uri not registered",
                );
            }
            Some(uri.to_string())
        }
    };
    let session_user = match flow::current_session(&state, &headers).await {
        Ok(s) => s.map(|s| (s.id_digest, s.user_id)),
        Err(_) => None,
    };
    // Our own ID token for this browser's user shows the request comes from a client they
    // signed in to; without one (or with someone else's) it may be a link on any site, so the
    // browser confirms first.
    let hint_fits = hinted
        && session_user
            .as_ref()
            .is_none_or(|(_, user)| Some(user) == hinted_user.as_ref());
    let confirmed = method == Method::POST && confirm::confirmed(&params, &headers);
    // A browser sent here by the client's own pages (Logto's SDKs sign out with `client_id`
    // and no ID token) names one of the client's origins in `Referer`; another site cannot.
    let from_client = client
        .as_ref()
        .is_some_and(|client| confirm::referred_by_client(&headers, client));
    // Without a session there is nothing a forged request could end.
    if !(hint_fits || confirmed || from_client || session_user.is_none()) {
        return confirm::page(&params, client_id.as_deref(), &headers);
    }
    // End the browser's session and the client's grants for its user.
    if let Some((digest, _)) = &session_user {
        let _ = state.store.session_delete(digest).await;
    }
    let user = session_user.map(|(_, u)| u).or(hinted_user);
    if let (Some(user), Some(client)) = (&user, &client_id)
        && let Err(e) = state
            .store
            .grants_delete_for(DEFAULT_TENANT, user, client)
            .await
    {
        tracing::error!(error = %e, "grant revocation at logout failed");
    }
    let secure = state.public_url.starts_with("https://");
    let clear = cookies::clear(cookies::SESSION, secure);
    let mut res = match redirect {
        Some(uri) => {
            let mut q = Vec::new();
            if let Some(s) = params.get("state") {
                q.push(("state", s));
            }
            flow::see_other(&redirect_with(&uri, &q))
        }
        None => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                 <title>Signed out · Tessera</title><link rel=\"stylesheet\" href=\"{}\">\
                 </head><body><main class=\"hosted\"><section class=\"hosted-card\">\
                 <h1>You are signed out</h1><p>You can close this window.</p></section></main>\
                 </body></html>",
                crate::http::static_files::stylesheet_href()
            ),
        )
            .into_response(),
    };
    res.headers_mut().append(header::SET_COOKIE, clear);
    res
}
