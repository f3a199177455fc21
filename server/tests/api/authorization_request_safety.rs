//! The authorization endpoint's safety rules, one by one: exact redirect URIs, errors sent back
//! only to a trusted redirect URI, clients that cannot sign people in, redirect URIs checked at
//! registration, and cancelled interactions.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::people::*;

both_backends!(refuses_unsafe_requests, refuses_unsafe_requests_impl);
async fn refuses_unsafe_requests_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let b = browser();

    // Redirect URIs match exactly: no prefix, suffix, case, path or query tricks. These never
    // redirect; they show our error page.
    for bad in [
        "https://app.example.com/callback/",
        "https://app.example.com/callbackx",
        "https://app.example.com/callback?x=1",
        "https://app.example.com/callback#x",
        "https://app.example.com/callback/../evil",
        "HTTPS://app.example.com/callback",
        "https://app.example.com.evil.example/callback",
        "https://evil.example/callback",
    ] {
        let res = authorize(&app, &b, &client_id, "openid", &[("redirect_uri", bad)]).await;
        assert_eq!(res.status(), 400, "{bad}");
        assert!(res.headers().get("location").is_none(), "{bad}");
        let html = res.text().await.unwrap();
        assert!(html.contains("redirect_uri did not match"), "{bad}: {html}");
    }
    // Unknown client: error page.
    let res = authorize(&app, &b, "nope", "openid", &[]).await;
    assert_eq!(res.status(), 400);

    // Once the redirect URI is trusted, errors go back to it with state and iss.
    let cases: [(&[(&str, &str)], &str); 6] = [
        (
            &[("code_challenge", ""), ("code_challenge_method", "")],
            "invalid_request",
        ),
        (&[("code_challenge_method", "plain")], "invalid_request"),
        (&[("response_type", "token")], "unsupported_response_type"),
        (&[("scope", "profile")], "invalid_scope"),
        (
            &[("resource", "https://unknown.example/api")],
            "invalid_target",
        ),
        (&[("prompt", "none login")], "invalid_request"),
    ];
    for (extra, error) in cases {
        let res = authorize(&app, &b, &client_id, "openid", extra).await;
        assert_eq!(res.status(), 303, "{extra:?}");
        let to = location(&res);
        assert!(to.starts_with(REDIRECT), "{to}");
        assert_eq!(
            param(&to, "error").as_deref(),
            Some(error),
            "{extra:?}: {to}"
        );
        assert_eq!(param(&to, "state").as_deref(), Some("st4te"));
        assert_eq!(
            param(&to, "iss").as_deref(),
            Some(app.state.issuer.as_ref())
        );
    }
    // A machine-to-machine app cannot sign people in.
    let (m2m, _) = create_app(&app, "MachineToMachine", json!({})).await;
    let res = authorize(&app, &b, &m2m, "openid", &[]).await;
    assert_eq!(
        param(&location(&res), "error").as_deref(),
        Some("unauthorized_client")
    );

    // Redirect URIs are validated when registered.
    let (status, body) = app
        .api_json(
            Method::POST,
            "/applications",
            &json!({ "name": "x", "type": "SPA", "oidcClientMetadata": { "redirectUris": ["https://a.example/cb#frag", "myapp:/cb"] } }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["code"], "guard.invalid_input");
    let details = body["details"].as_str().unwrap_or_default().to_string();
    assert!(
        details.contains("oidcClientMetadata.redirectUris.0"),
        "{body}"
    );
    assert!(
        details.contains("oidcClientMetadata.redirectUris.1"),
        "{body}"
    );

    // Cancelling returns access_denied to the client.
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in");
    let res = post_form(&app, &b, "/oidc/interaction/cancel", &[]).await;
    assert_eq!(
        param(&location(&res), "error").as_deref(),
        Some("access_denied")
    );
    // The interaction is gone: the form now shows the expired page.
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[("identifier", "x"), ("password", "y")],
    )
    .await;
    assert_eq!(res.status(), 400);
}
