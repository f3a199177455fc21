//! Security headers at the server's edge: every HTML page carries a script policy with a fresh
//! nonce, and HTTPS deployments send HSTS.

use reqwest::Response;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app_with};
use crate::people::*;

/// The nonce the policy allows, checking the rest of the policy on the way.
fn policy_nonce(res: &Response, path: &str) -> String {
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "'wasm-unsafe-eval'",
    ] {
        assert!(policy.contains(directive), "{path}: {policy}");
    }
    assert!(
        !policy.contains("'unsafe-inline' 'unsafe-eval'"),
        "{policy}"
    );
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .unwrap();
    assert!(!script_src.contains("unsafe-inline"), "{script_src}");
    let start = script_src.find("'nonce-").unwrap() + "'nonce-".len();
    let nonce = &script_src[start..];
    nonce[..nonce.find('\'').unwrap()].to_string()
}

/// Every `<script` tag of the page carries `nonce`.
fn assert_scripts_carry(html: &str, nonce: &str, path: &str) {
    let tags: Vec<&str> = html
        .match_indices("<script")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        .collect();
    assert!(!tags.is_empty(), "{path}: no scripts");
    for tag in tags {
        assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{path}: {tag}");
    }
}

async fn page_nonce(res: Response, path: &str) -> String {
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{path}"
    );
    assert!(
        res.headers()["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"),
        "{path}"
    );
    assert!(res.headers().get("strict-transport-security").is_none());
    let nonce = policy_nonce(&res, path);
    assert!(nonce.len() >= 16, "{nonce}");
    let html = res.text().await.unwrap();
    assert_scripts_carry(&html, &nonce, path);
    nonce
}

both_backends!(html_pages_carry_a_script_policy, script_policy_impl);
async fn script_policy_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |_| {}).await else {
        return;
    };
    // The console (first run), twice: a fresh nonce each time.
    let first = page_nonce(app.get("/console/setup").await, "/console/setup").await;
    let res = app.get("/console/setup").await;
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("form-action 'self'"), "{policy}");
    let second = page_nonce(res, "/console/setup").await;
    assert_ne!(first, second);
    // A page no route matches.
    page_nonce(app.get("/no-such-page").await, "/no-such-page").await;

    // The hosted sign-in page: its form ends in a redirect to the client, so no form-action.
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let b = browser();
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in");
    let res = b.get(app.url("/sign-in")).send().await.unwrap();
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(!policy.contains("form-action"), "{policy}");
    page_nonce(res, "/sign-in").await;

    // JSON needs no page policy.
    let res = app.get("/oidc/jwks").await;
    assert!(res.headers().get("content-security-policy").is_none());
    assert!(res.headers().get("strict-transport-security").is_none());
}

both_backends!(https_deployments_send_hsts, hsts_impl);
async fn hsts_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.server.public_url = Some("https://id.example.com".into());
    })
    .await
    else {
        return;
    };
    for path in ["/oidc/jwks", "/console/setup"] {
        let res = app.get(path).await;
        assert_eq!(
            res.headers()["strict-transport-security"],
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
}
