//! Passkeys as a factor, as far as a client without an authenticator can go: they need a
//! public URL with a domain name; the binding and verification pages carry the ceremony's
//! options for the page's script; an empty answer (JavaScript off) or a forged one is refused
//! and a fresh ceremony is prepared. The ceremonies themselves run in Chromium with a virtual
//! authenticator (end2end/tests/mfa.spec.ts).

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, spawn_app, spawn_app_pinned_with};
use crate::mfa_journey::*;
use crate::people::*;

both_backends!(passkeys_need_a_domain_name, domain_impl);
async fn domain_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // The test server's public URL is http://127.0.0.1:…: no passkeys there.
    let code = app
        .error_code(
            Method::PATCH,
            "/sign-in-exp",
            json!({ "mfa": { "factors": ["WebAuthn"], "policy": "Mandatory" } }),
            422,
        )
        .await;
    assert_eq!(code, "request.feature_not_supported");
    let (_, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(exp["mfa"]["factors"], json!([]));
}

fn options_of(html: &str) -> Value {
    let at = html.find("data-options=\"").expect("options on the page") + 14;
    let end = at + html[at..].find('"').unwrap();
    let raw = html[at..end].replace("&quot;", "\"").replace("&amp;", "&");
    serde_json::from_str(&raw).unwrap()
}

both_backends!(passkey_pages_carry_their_ceremony, pages_impl);
async fn pages_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned_with(backend, |s| {
        s.server.public_url = Some("http://localhost:3999".into());
    })
    .await
    else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    create_user(&app, "pat").await;
    set_mfa(
        &app,
        json!({ "factors": ["WebAuthn", "Totp", "BackupCode"], "policy": "Mandatory" }),
    )
    .await;
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "pat").await,
        "/mfa-binding"
    );
    let list = page(&app, &b, "/mfa-binding").await;
    assert!(list.contains("/mfa-binding/WebAuthn") && list.contains("/mfa-binding/Totp"));
    let html = page(&app, &b, "/mfa-binding/WebAuthn").await;
    assert!(html.contains("data-passkey=\"create\""), "{html}");
    assert!(html.contains("/oidc/interaction/mfa/passkey.js"));
    assert!(
        html.contains("data-passkey-noscript"),
        "the page says passkeys need JavaScript"
    );
    let options = options_of(&html);
    assert_eq!(options["publicKey"]["rp"]["id"], "localhost");
    assert_eq!(options["publicKey"]["user"]["name"], "pat");
    let challenge = options["publicKey"]["challenge"].clone();
    assert!(challenge.as_str().is_some_and(|c| c.len() >= 43));

    // Without JavaScript the form comes back empty; a forged answer is refused too. Each
    // refusal prepares a new challenge.
    assert_eq!(
        post_mfa(&app, &b, "bind-passkey", &[("credential", "")]).await,
        "/mfa-binding/WebAuthn"
    );
    let html = page(&app, &b, "/mfa-binding/WebAuthn").await;
    assert!(html.contains("Passkeys need JavaScript"), "{html}");
    let forged = json!({ "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "attestationObject": "AAAA", "clientDataJSON": "AAAA" } })
    .to_string();
    assert_eq!(
        post_mfa(&app, &b, "bind-passkey", &[("credential", &forged)]).await,
        "/mfa-binding/WebAuthn"
    );
    let html = page(&app, &b, "/mfa-binding/WebAuthn").await;
    assert!(html.contains("could not be registered"), "{html}");
    assert_ne!(options_of(&html)["publicKey"]["challenge"], challenge);

    // The script is served from our origin (the page's CSP allows 'self').
    let res = b
        .get(app.url("/oidc/interaction/mfa/passkey.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );

    // The same binding page list offers the authenticator app instead; at the next sign-in
    // only what the user holds is offered.
    let (_, codes, to) = bind_totp_and_codes(&app, &b).await;
    assert_eq!(codes.len(), 10);
    assert!(to.starts_with(REDIRECT), "{to}");
    let again = browser();
    assert_eq!(
        password_step(&app, &again, &client_id, "pat").await,
        "/mfa-verification/Totp"
    );
    let html = page(&app, &again, "/mfa-verification/Totp").await;
    assert!(
        !html.contains("/mfa-verification/WebAuthn"),
        "no passkey held, none offered"
    );
}
