//! `/api/organizations` refusing bad input: every field's rules, bodies that are not JSON or
//! too large, unknown routes and methods, and NUL characters anywhere in a request.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, read, spawn_app};

both_backends!(rejects_bad_input, rejects_bad_input_impl);
async fn rejects_bad_input_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Valid").await;
    let id = org["id"].as_str().unwrap();
    let cases: Vec<(Method, String, Value, &str)> = vec![
        (Method::POST, "/organizations".into(), json!({}), "name"),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "" }),
            "name",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": 5 }),
            "name",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "x".repeat(129) }),
            "name",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "a", "description": "d".repeat(257) }),
            "description",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "a", "customData": "b" }),
            "customData",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "a", "isMfaRequired": "yes" }),
            "isMfaRequired",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "a", "color": { "primaryColor": "red" } }),
            "color.primaryColor",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "a", "branding": { "logoUrl": "not a url" } }),
            "branding.logoUrl",
        ),
        (
            Method::POST,
            "/organizations".into(),
            json!({ "name": "a", "customCss": 1 }),
            "customCss",
        ),
        (Method::POST, "/organizations".into(), json!(["name"]), ""),
        (
            Method::PATCH,
            format!("/organizations/{id}"),
            json!({ "name": null }),
            "name",
        ),
        (
            Method::PATCH,
            format!("/organizations/{id}"),
            json!({ "branding": [] }),
            "branding",
        ),
    ];
    for (method, path, body, key) in cases {
        let (status, err) = app.api_json(method.clone(), &path, &body).await;
        assert_eq!(status, 400, "{method} {path} {body}: {err}");
        assert_eq!(err["code"], "guard.invalid_input");
        let details = err["details"].as_str().unwrap();
        assert!(details.contains(&format!("\"{key}\"")), "{details}");
    }
    // Nothing was half-written by the refused requests.
    let (_, list) = app.api_get("/organizations").await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (_, still) = app.api_get(&format!("/organizations/{id}")).await;
    assert_eq!(still, org);

    // Not JSON at all.
    let res = app
        .api(Method::POST, "/organizations")
        .await
        .body("{oops")
        .send()
        .await
        .unwrap();
    let (status, err) = read(res).await;
    assert_eq!(status, 400);
    assert_eq!(err["code"], "guard.invalid_input");

    // Over 1 MiB.
    let big = json!({ "name": "big", "customData": { "blob": "x".repeat(1_100_000) } });
    let (status, err) = app.api_json(Method::POST, "/organizations", &big).await;
    assert_eq!(status, 413, "{err}");

    // Unknown route and method in the API's shape.
    let (status, err) = app.api_get("/nope").await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "guard.route_not_found");
    let res = app
        .api(Method::PUT, "/organizations")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
}

both_backends!(nul_characters_are_refused, nul_characters_impl);
async fn nul_characters_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, err) = app
        .api_json(
            Method::POST,
            "/organizations",
            &json!({ "name": "a\u{0}b" }),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(err["code"], "guard.invalid_input");
    for path in [
        "/organizations/ab%00cd",
        "/organizations?q=%00",
        "/applications/x%00",
    ] {
        let (status, err) = app.api_get(path).await;
        assert_eq!(status, 400, "{path}: {err}");
        assert_eq!(err["code"], "guard.invalid_input");
    }
    // Unauthenticated callers still get 401 first.
    let res = app.get("/api/organizations/ab%00cd").await;
    assert_eq!(res.status(), 401);
    let (status, body) = read(
        app.post_token(
            Some(("a\u{0}", "secret")),
            &[("grant_type", "client_credentials")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = read(
        app.post_token(
            None,
            &[
                ("grant_type", "client_credentials"),
                ("client_id", "a\u{0}"),
                ("client_secret", "s"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "invalid_request");
}
