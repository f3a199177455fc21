//! Security tests of CORS and `/metrics`: only a client's own origins are allowed, and
//! invented requests neither grow the metric series nor get past the scrape token.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, Backend, TestApp, spawn_app, spawn_app_with};
use crate::security_fixtures::{call, id_of, sign_in};

// CORS: only the client's own origins; never null, never a look-alike.
both_backends!(cors_origins, cors_impl);
async fn cors_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let spa = id_of(
        &app,
        "/applications",
        json!({
            "name": "Web", "type": "Native",
            "oidcClientMetadata": { "redirectUris": ["https://app.example.com/cb", "com.example.app:/cb", "http://localhost:3000/cb"] },
            "customClientMetadata": { "corsAllowedOrigins": ["https://other.example.com"] }
        }),
    )
    .await;
    for (origin, allowed) in [
        ("https://app.example.com", true),
        ("https://other.example.com", true),
        ("http://localhost:3000", true),
        ("null", false),
        ("com.example.app:", false),
        ("com.example.app://", false),
        ("https://app.example.com.evil.com", false),
        ("https://app.example.com/", false),
        ("http://app.example.com", false),
        ("https://APP.example.com", false),
        ("http://localhost:3001", false),
    ] {
        let res = app
            .client
            .post(app.url("/oidc/token"))
            .header("origin", origin)
            .form(&[
                ("grant_type", "refresh_token"),
                ("client_id", spa.as_str()),
                ("refresh_token", "x"),
            ])
            .send()
            .await
            .unwrap();
        let acao = res
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(acao.is_some(), allowed, "{origin}: {acao:?}");
        assert!(
            res.headers()
                .get("access-control-allow-credentials")
                .is_none()
        );
    }
    // Console settings cannot store a wildcard or a path as an origin.
    sign_in(&app).await;
    for origin in ["*", "null", "https://a.example.com/x", "file://"] {
        let (status, body) = call(
            &app,
            "update_application",
            &[
                ("id", &spa),
                ("settings[name]", "Web"),
                ("settings[description]", ""),
                ("settings[cors_allowed_origins][0]", origin),
                ("settings[id_token_ttl]", "3600"),
                ("settings[refresh_token_ttl_in_days]", "14"),
                ("settings[rotate_refresh_token]", "true"),
                ("settings[always_issue_refresh_token]", "false"),
            ],
        )
        .await;
        assert_eq!(status, 400, "{origin}: {body}");
    }
    // `https://*.example.com` is refused: it would read as a wildcard to whoever set it, and
    // origins match exactly. Nothing it looks like is allowed either.
    let (status, body) = call(
        &app,
        "update_application",
        &[
            ("id", &spa),
            ("settings[name]", "Web"),
            ("settings[description]", ""),
            ("settings[cors_allowed_origins][0]", "https://*.example.com"),
            ("settings[id_token_ttl]", "3600"),
            ("settings[refresh_token_ttl_in_days]", "14"),
            ("settings[rotate_refresh_token]", "true"),
            ("settings[always_issue_refresh_token]", "false"),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    for origin in [
        "https://a.example.com",
        "https://x.example.com",
        "https://example.com",
    ] {
        let res = app
            .client
            .post(app.url("/oidc/token"))
            .header("origin", origin)
            .form(&[
                ("grant_type", "refresh_token"),
                ("client_id", spa.as_str()),
                ("refresh_token", "x"),
            ])
            .send()
            .await
            .unwrap();
        assert!(
            res.headers().get("access-control-allow-origin").is_none(),
            "{origin}"
        );
    }
    // Nor redirect URIs the Management API refuses for the type.
    for uri in [
        "javascript:alert(1)",
        "myapp:/cb",
        "https://a.example/cb#frag",
        "https://*.a.example/cb",
        "/cb",
        "data:text/html,x",
    ] {
        let (status, body) = call(
            &app,
            "update_application",
            &[
                ("id", &spa),
                ("settings[name]", "Web"),
                ("settings[description]", ""),
                ("settings[redirect_uris][0]", uri),
                ("settings[id_token_ttl]", "3600"),
                ("settings[refresh_token_ttl_in_days]", "14"),
                ("settings[rotate_refresh_token]", "true"),
                ("settings[always_issue_refresh_token]", "false"),
            ],
        )
        .await;
        assert_eq!(status, 400, "{uri}: {body}");
    }
    for (ttl, days) in [
        ("0", "14"),
        ("-1", "14"),
        ("3600", "0"),
        ("3600", "100000"),
        ("99999999999", "14"),
    ] {
        let (status, body) = call(
            &app,
            "update_application",
            &[
                ("id", &spa),
                ("settings[name]", "Web"),
                ("settings[description]", ""),
                ("settings[id_token_ttl]", ttl),
                ("settings[refresh_token_ttl_in_days]", days),
                ("settings[rotate_refresh_token]", "true"),
                ("settings[always_issue_refresh_token]", "false"),
            ],
        )
        .await;
        assert_eq!(status, 400, "{ttl}/{days}: {body}");
    }
}

// /metrics: invented methods, paths and statuses make no series; the token is required.
both_backends!(metrics_cardinality_and_token, metrics_impl);
async fn metrics_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.metrics.bearer_token = Some("scrape-secret-123".into());
    })
    .await
    else {
        return;
    };
    let series = |text: &str| text.lines().filter(|l| !l.starts_with('#')).count();
    let scrape = || async {
        let res = app
            .client
            .get(app.url("/metrics"))
            .header("authorization", "Bearer scrape-secret-123")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        res.text().await.unwrap()
    };
    // Warm every label the flood will touch once.
    for i in 0..2 {
        invented_requests(&app, &i.to_string(), &format!("X{i}"), &i.to_string(), i).await;
    }
    let _ = scrape().await;
    let before = series(&scrape().await);
    for i in 0..50 {
        let path = format!("{i}-{}", "z".repeat(i));
        invented_requests(&app, &path, &format!("M{i}"), &format!("org-{i}"), i).await;
    }
    let text = scrape().await;
    assert_eq!(series(&text), before, "{text}");
    assert!(!text.contains("org-1"), "{text}");
    assert!(!text.contains("nope"), "{text}");
    assert!(!text.contains("scrape-secret"), "{text}");
    assert!(!text.contains(BOOTSTRAP_ID), "{text}");
    for auth in [
        None,
        Some("Bearer scrape-secret-12"),
        Some("Bearer scrape-secret-1234"),
        Some("bearer scrape-secret-123"),
        Some("Basic scrape-secret-123"),
        Some("Bearer  scrape-secret-123"),
    ] {
        let mut req = app.client.get(app.url("/metrics"));
        if let Some(auth) = auth {
            req = req.header("authorization", auth);
        }
        assert_eq!(req.send().await.unwrap().status(), 401, "{auth:?}");
    }
}

/// One request of each kind a client can invent: an unknown path, an unknown method, an id in
/// an API route and in a console page, and an unknown server function.
async fn invented_requests(app: &TestApp, path: &str, method: &str, id: &str, n: usize) {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let _ = app
        .client
        .get(app.url(&format!("/nope/{path}")))
        .send()
        .await;
    let _ = app
        .client
        .request(method, app.url("/oidc/token"))
        .send()
        .await;
    let _ = app
        .client
        .get(app.url(&format!("/api/organizations/{id}")))
        .send()
        .await;
    let _ = app
        .client
        .get(app.url(&format!("/console/organizations/{id}")))
        .send()
        .await;
    let _ = app
        .client
        .post(app.url(&format!("/console/fn/no_such_{n}")))
        .header("origin", app.address.clone())
        .send()
        .await;
}
