//! The client's address, as the sign-in limits see it, comes from forwarding headers only when
//! a trusted proxy sent them.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_with};
use crate::people::*;

/// One hosted sign-in attempt, sent through a proxy that says the client is `forwarded_for`.
async fn attempt(
    app: &TestApp,
    browser: &reqwest::Client,
    header: &str,
    forwarded_for: &str,
    identifier: &str,
    password: &str,
) -> String {
    let res = browser
        .post(app.url("/oidc/interaction/sign-in"))
        .header("origin", &app.address)
        .header(header, forwarded_for)
        .form(&[("identifier", identifier), ("password", password)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    location(&res)
}

async fn told_to_wait(app: &TestApp, browser: &reqwest::Client) -> bool {
    let page = browser.get(app.url("/sign-in")).send().await.unwrap();
    page.text().await.unwrap().contains("Too many attempts")
}

/// A sign-in app, user `bob`, and a browser with a pending interaction.
async fn sign_in_page(app: &TestApp) -> reqwest::Client {
    let (client_id, _) = create_app(app, "SPA", json!({})).await;
    create_user(app, "bob").await;
    let b = browser();
    authorize(app, &b, &client_id, "openid", &[]).await;
    b
}

both_backends!(limits_clients_behind_a_trusted_proxy, trusted_proxy_impl);
async fn trusted_proxy_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.oidc.sign_in_per_ip_per_minute = 2;
        s.oidc.sign_in_per_account_per_minute = 100;
        s.server.trusted_proxies =
            server::http::client_ip::TrustedProxies::parse("127.0.0.1/32").unwrap();
    })
    .await
    else {
        return;
    };
    let b = sign_in_page(&app).await;
    let xff = "x-forwarded-for";
    for who in ["eve", "mallory"] {
        assert_eq!(
            attempt(&app, &b, xff, "203.0.113.1", who, "wrong").await,
            "/sign-in"
        );
    }
    // The client at .1 is out of attempts, even naming another address to the proxy (which
    // appends the one it saw).
    let to = attempt(&app, &b, xff, "203.0.113.2, 203.0.113.1", "bob", PASSWORD).await;
    assert_eq!(to, "/sign-in");
    assert!(told_to_wait(&app, &b).await);
    // Another client behind the same proxy has its own budget; RFC 7239 works too.
    let to = attempt(
        &app,
        &b,
        "forwarded",
        "for=\"[2001:db8::7]:4711\"",
        "bob",
        PASSWORD,
    )
    .await;
    assert!(to.starts_with(REDIRECT), "{to}");
}

both_backends!(ignores_forwarding_headers_from_clients, untrusted_impl);
async fn untrusted_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.oidc.sign_in_per_ip_per_minute = 2;
        s.oidc.sign_in_per_account_per_minute = 100;
    })
    .await
    else {
        return;
    };
    let b = sign_in_page(&app).await;
    attempt(&app, &b, "x-forwarded-for", "203.0.113.1", "eve", "wrong").await;
    attempt(&app, &b, "forwarded", "for=203.0.113.2", "mallory", "wrong").await;
    let to = attempt(&app, &b, "x-forwarded-for", "203.0.113.3", "bob", PASSWORD).await;
    assert_eq!(to, "/sign-in");
    assert!(told_to_wait(&app, &b).await);
}
