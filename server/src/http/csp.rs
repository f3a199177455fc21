//! Content-Security-Policy on HTML pages. Scripts run only from this origin or inline with the
//! response's nonce, which the Leptos renderer puts on its hydration and streaming scripts; an
//! injected `<script>` cannot guess it.
//!
//! The middleware draws a nonce per request and leaves it in the request's extensions, where the
//! page's context (`provide_page_nonce`) picks it up, and names it in the header of an HTML
//! answer.

use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

pub async fn content_security_policy(mut req: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    let console = req.uri().path().starts_with("/console");
    req.extensions_mut().insert(nonce.clone());
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html
        && !res.headers().contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&policy(&nonce, console))
    {
        res.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    res
}

/// For the Leptos context closure: the page's scripts carry the nonce the header names (Leptos
/// would otherwise draw one of its own).
pub fn provide_page_nonce() {
    let nonce = use_context::<Parts>().and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}

/// - `wasm-unsafe-eval`: hydration compiles the page's WebAssembly.
/// - Styles may be inline and images and fonts come from any HTTPS host: organizations brand the
///   hosted pages with their own CSS and logos.
/// - `form-action` only on console pages: the hosted sign-in forms end in a redirect to the
///   client's redirect URI, which browsers check against `form-action` too.
fn policy(nonce: &str, console: bool) -> String {
    let mut policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline' https:; img-src 'self' https: data:; \
         font-src 'self' https: data:; object-src 'none'; base-uri 'self'; \
         frame-ancestors 'none'"
    );
    if console {
        policy.push_str("; form-action 'self'");
    }
    policy
}
