//! Console over HTTP: page guard, first-run admin, sign-in, CSRF refusal, cookie flags.

use crate::both_backends;
use crate::console_client::call;
use crate::helpers::{Backend, spawn_app, spawn_app_with};

both_backends!(first_run_and_sign_in, first_run_and_sign_in_impl);
async fn first_run_and_sign_in_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let res = app.get("/console/organizations").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/console/setup");
    let res = app.get("/console/setup").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Create the first administrator")
    );

    let (status, body) = call(
        &app,
        "create_first_admin",
        &[
            ("username", "root"),
            ("password", "short"),
            ("password_confirm", "short"),
        ],
    )
    .await;
    assert!(status >= 400, "{body}");
    assert!(body.contains("at least 8"), "{body}");
    let (status, body) = call(
        &app,
        "create_first_admin",
        &[
            ("username", "root"),
            ("password", "longenough1"),
            ("password_confirm", "different1"),
        ],
    )
    .await;
    assert!(status >= 400 && body.contains("do not match"), "{body}");

    let form = [
        ("username", "root"),
        ("password", "longenough1"),
        ("password_confirm", "longenough1"),
    ];
    let (status, body) = call(&app, "create_first_admin", &form).await;
    assert!(status < 400, "{status} {body}");
    // Signed in now: the console renders.
    let res = app.get("/console/organizations").await;
    assert_eq!(res.status(), 200);
    let res = app.get("/console/setup").await;
    assert_eq!(res.status(), 303);

    // A second first-admin is refused, even from a fresh browser.
    let other = reqwest::Client::new();
    let res = other
        .post(app.url("/console/fn/create_first_admin"))
        .form(&[
            ("username", "intruder"),
            ("password", "longenough1"),
            ("password_confirm", "longenough1"),
        ])
        .send()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    assert!(text.contains("AlreadySetUp"), "{text}");

    let (status, _) = call(&app, "sign_out", &[]).await;
    assert!(status < 400);
    let res = app.get("/console/organizations").await;
    assert_eq!(res.headers()["location"], "/console/sign-in");

    let (status, body) = call(
        &app,
        "sign_in",
        &[("username", "root"), ("password", "wrong-password")],
    )
    .await;
    assert!(
        status >= 400 && body.contains("InvalidCredentials"),
        "{body}"
    );
    let (status, body) = call(
        &app,
        "sign_in",
        &[("username", "nobody"), ("password", "wrong-password")],
    )
    .await;
    assert!(
        status >= 400 && body.contains("InvalidCredentials"),
        "{body}"
    );

    let res = app
        .client
        .post(app.url("/console/fn/sign_in"))
        .header("origin", app.address.clone())
        .form(&[("username", "root"), ("password", "longenough1")])
        .send()
        .await
        .unwrap();
    assert!(res.status().as_u16() < 400);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("tessera.sid="));
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    let res = app.get("/console/organizations").await;
    assert_eq!(res.status(), 200);
}

both_backends!(cross_site_posts_are_refused, cross_site_impl);
async fn cross_site_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for (name, value) in [
        ("origin", "http://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
    ] {
        let res = app
            .client
            .post(app.url("/console/fn/sign_in"))
            .header(name, value)
            .form(&[("username", "root"), ("password", "whatever1")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{name}: {value}");
    }
}

both_backends!(bootstrap_admin_from_settings, bootstrap_admin_impl);
async fn bootstrap_admin_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.bootstrap.admin_username = Some("ops".into());
        s.bootstrap.admin_password = Some("from-the-env-1".into());
    })
    .await
    else {
        return;
    };
    let res = app.get("/console/setup").await;
    assert_eq!(res.headers()["location"], "/console/sign-in");
    let (status, body) = call(
        &app,
        "sign_in",
        &[("username", "ops"), ("password", "from-the-env-1")],
    )
    .await;
    assert!(status < 400, "{body}");
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

// The console's server functions reach the Management API in-process: same rules and errors,
// behind the admin session instead of a bearer token.
both_backends!(console_calls_the_api_as_the_admin, console_api_impl);
async fn console_api_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let list = [
        ("q", ""),
        ("role_type", ""),
        ("page", "1"),
        ("page_size", "20"),
    ];
    let (status, body) = call(&app, "list_organization_roles", &list).await;
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("Unauthenticated"), "{body}");

    let form = [
        ("username", "root"),
        ("password", "longenough1"),
        ("password_confirm", "longenough1"),
    ];
    let (status, body) = call(&app, "create_first_admin", &form).await;
    assert!(status < 400, "{status} {body}");
    let role = [
        ("name", "editor"),
        ("description", ""),
        ("role_type", "User"),
    ];
    let (status, body) = call(&app, "create_organization_role", &role).await;
    assert_eq!(status, 200, "{body}");
    let created = json(&body);
    assert_eq!(created["name"], "editor");
    assert_eq!(created["type"], "User");
    assert_eq!(created["description"], serde_json::Value::Null);
    let role_id = created["id"].as_str().unwrap().to_string();

    // Logto's unique-name error arrives as a message on the name field.
    let (status, body) = call(&app, "create_organization_role", &role).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        json(&body),
        serde_json::json!({ "Invalid": { "field": "name", "message": "This name is already in use." } })
    );

    let (status, body) = call(&app, "list_organization_roles", &list).await;
    assert_eq!(status, 200, "{body}");
    let page = json(&body);
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["id"], role_id.as_str());

    // An id cannot walk to another route: it is one encoded path segment.
    let (status, body) = call(&app, "get_organization_role", &[("id", "../organizations")]).await;
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("NotFound"), "{body}");

    // Type rules from the database: a User role cannot go to an application.
    let (status, body) = call(
        &app,
        "create_organization",
        &[("name", "Acme"), ("description", "")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let org = json(&body)["id"].as_str().unwrap().to_string();
    let (status, body) = call(
        &app,
        "set_jit_relation",
        &[
            ("id", org.as_str()),
            ("relation", "roles"),
            ("ids[0]", role_id.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(&app, "organization_jit", &[("id", org.as_str())]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["roles"][0]["name"], "editor");
    let (status, body) = call(
        &app,
        "set_jit_relation",
        &[
            ("id", org.as_str()),
            ("relation", "users"),
            ("ids[0]", role_id.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
}
