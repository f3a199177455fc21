//! An application's named secrets and custom data through the Management API (Logto's
//! `application-secret.ts`, `application-custom-data.ts`), and what the token endpoint makes of
//! them: any unexpired secret authenticates, an expired one is refused as such, a deleted one at
//! once — also on the organization-token path this replica keeps in memory.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, Backend, TestApp, read, spawn_app_pinned};

/// An API resource the tests create, for tokens outside organizations.
const API: &str = "https://api.example.com";

/// A client-credentials token for the organization, or (`None`) for [`API`].
async fn token_status(app: &TestApp, id: &str, secret: &str, org: Option<&str>) -> (u16, Value) {
    let mut form = vec![("grant_type", "client_credentials")];
    match org {
        Some(org) => form.push(("organization_id", org)),
        None => form.push(("resource", API)),
    }
    read(app.post_token(Some((id, secret)), &form).await).await
}

both_backends!(secrets_rotate_without_downtime, rotate_impl);
async fn rotate_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let created = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let first = created["secret"].as_str().unwrap().to_string();
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.create("/resources", json!({ "name": "API", "indicator": API }))
        .await;
    let (status, _) = app
        .api_json(
            Method::PUT,
            &format!("/organizations/{org}/applications"),
            &json!({ "applicationIds": [id] }),
        )
        .await;
    assert_eq!(status, 204);

    // The first secret is listed as "Default secret", without its value.
    let path = format!("/applications/{id}/secrets");
    let (status, list) = app.api_get(&path).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Default secret");
    assert_eq!(list[0]["applicationId"], id.as_str());
    assert_eq!(list[0]["expiresAt"], Value::Null);
    assert!(list[0].get("value").is_none() && list[0].get("digest").is_none());
    // Warm this replica's organization-grant memory with the first secret.
    assert_eq!(token_status(&app, &id, &first, Some(&org)).await.0, 200);

    // A second secret, expiring in an hour: both authenticate.
    let now = app.state.clock.now_ms();
    let (status, second) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "name": "rotation", "expiresAt": now + 3_600_000 }),
        )
        .await;
    assert_eq!(status, 201, "{second}");
    let value = second["value"].as_str().unwrap().to_string();
    assert_eq!(value.len(), 32);
    assert_eq!(second["name"], "rotation");
    assert_eq!(second["createdAt"], now);
    for secret in [&first, &value] {
        let (status, body) = token_status(&app, &id, secret, None).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(token_status(&app, &id, secret, Some(&org)).await.0, 200);
    }
    let (status, list) = app.api_get(&path).await;
    assert_eq!(status, 200);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Default secret", "rotation"]);

    // Deleting the old one locks it out at once, on both paths.
    let (status, _) = app.delete(&format!("{path}/Default%20secret")).await;
    assert_eq!(status, 204);
    for org in [None, Some(org.as_str())] {
        let (status, body) = token_status(&app, &id, &first, org).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (401, Some("invalid_client")),
            "{body}"
        );
    }
    assert_eq!(token_status(&app, &id, &value, Some(&org)).await.0, 200);

    // Renamed, it still works; past its expiry it is refused as expired.
    let (status, renamed) = app
        .api_json(
            Method::PATCH,
            &format!("{path}/rotation"),
            &json!({ "name": "current" }),
        )
        .await;
    assert_eq!(
        (status, renamed["name"].as_str()),
        (200, Some("current")),
        "{renamed}"
    );
    assert!(renamed.get("value").is_none());
    app.state.clock.advance(3_600_001);
    for org in [None, Some(org.as_str())] {
        let (status, body) = token_status(&app, &id, &value, org).await;
        assert_eq!(
            (
                status,
                body["error"].as_str(),
                body["error_description"].as_str()
            ),
            (
                400,
                Some("invalid_request"),
                Some("client secret has expired")
            ),
        );
    }
}

both_backends!(secret_routes_answer_like_logto, errors_impl);
async fn errors_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let m2m = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let spa = app
        .create("/applications", json!({ "name": "Web", "type": "SPA" }))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/applications/{m2m}/secrets");
    let code = |body: &Value| body["code"].as_str().unwrap_or_default().to_string();

    // A public client has no secrets and cannot get one.
    assert_eq!(
        app.api_get(&format!("/applications/{spa}/secrets")).await,
        (200, json!([]))
    );
    let (status, body) = app
        .api_json(
            Method::POST,
            &format!("/applications/{spa}/secrets"),
            &json!({ "name": "x" }),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (422, "entity.db_constraint_violated".into())
    );
    // Unknown application.
    let (status, body) = app
        .api_json(
            Method::POST,
            "/applications/nope/secrets",
            &json!({ "name": "x" }),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (404, "entity.not_exists_with_id".into())
    );
    assert_eq!(app.api_get("/applications/nope/secrets").await.0, 404);
    // Bad bodies: empty or long name, expiry in the past, wrong types.
    for bad in [
        json!({ "name": "" }),
        json!({}),
        json!({ "name": "a".repeat(257) }),
        json!({ "name": "x", "expiresAt": "soon" }),
    ] {
        let (status, body) = app.api_json(Method::POST, &path, &bad).await;
        assert_eq!(
            (status, code(&body)),
            (400, "guard.invalid_input".into()),
            "{bad}"
        );
    }
    let past = app.state.clock.now_ms() - 1000;
    assert_eq!(
        app.status_of(Method::POST, &path, json!({ "name": "ci" }))
            .await,
        201
    );
    let bootstrap = format!("/applications/{BOOTSTRAP_ID}");
    let legacy = format!("/applications/{m2m}/legacy-secret");
    let refused = [
        // An expiry in the past.
        (
            Method::POST,
            path.clone(),
            json!({ "name": "x", "expiresAt": past }),
            400,
            "request.invalid_input",
        ),
        // A taken name, on create and on rename.
        (
            Method::POST,
            path.clone(),
            json!({ "name": "ci" }),
            422,
            "application.secret_name_exists",
        ),
        (
            Method::PATCH,
            format!("{path}/ci"),
            json!({ "name": "Default secret" }),
            422,
            "application.secret_name_exists",
        ),
        // Unknown names.
        (
            Method::PATCH,
            format!("{path}/nope"),
            json!({ "name": "y" }),
            404,
            "entity.not_exists",
        ),
        (
            Method::DELETE,
            format!("{path}/nope"),
            json!({}),
            404,
            "entity.not_found",
        ),
        // There is never a legacy secret.
        (
            Method::DELETE,
            legacy,
            json!({}),
            400,
            "application.no_legacy_secret_found",
        ),
        (
            Method::DELETE,
            "/applications/nope/legacy-secret".into(),
            json!({}),
            404,
            "entity.not_exists_with_id",
        ),
        // The bootstrap credential's secrets are the environment's; nor can another be added
        // to it: it would outlive a rotation of the setting.
        (
            Method::DELETE,
            format!("{bootstrap}/secrets/Default%20secret"),
            json!({}),
            400,
            "application.managed_by_configuration",
        ),
        (
            Method::POST,
            format!("{bootstrap}/secrets"),
            json!({ "name": "extra" }),
            400,
            "application.managed_by_configuration",
        ),
    ];
    for (method, path, body, status, expected) in refused {
        let label = format!("{method} {path}");
        assert_eq!(
            app.error_code(method, &path, body, status).await,
            expected,
            "{label}"
        );
    }
    // A new secret's value is never cached on the way.
    let res = app
        .api(Method::POST, &path)
        .await
        .json(&json!({ "name": "uncached" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["cache-control"], "no-store");
    // Deleting the app takes its secrets with it.
    assert_eq!(app.delete(&format!("/applications/{m2m}")).await.0, 204);
    assert_eq!(app.api_get(&path).await.0, 404);
}

both_backends!(application_custom_data_merges, custom_data_impl);
async fn custom_data_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let id = app
        .create(
            "/applications",
            json!({ "name": "Web", "type": "SPA", "customData": { "a": 1 } }),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/applications/{id}/custom-data");
    let (status, merged) = app
        .api_json(Method::PATCH, &path, &json!({ "b": { "c": 2 } }))
        .await;
    assert_eq!((status, merged), (200, json!({ "a": 1, "b": { "c": 2 } })));
    let (status, merged) = app
        .api_json(Method::PATCH, &path, &json!({ "a": null }))
        .await;
    assert_eq!(
        (status, merged),
        (200, json!({ "a": null, "b": { "c": 2 } }))
    );
    assert_eq!(
        app.get_ok(&format!("/applications/{id}")).await["customData"],
        json!({ "a": null, "b": { "c": 2 } })
    );
    let (status, body) = app.api_json(Method::PATCH, &path, &json!([1])).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("guard.invalid_input"))
    );
    let big = json!({ "big": "x".repeat(300 * 1024) });
    let (status, body) = app.api_json(Method::PATCH, &path, &big).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("entity.value_too_long"))
    );
    // Written whole, custom data has the same limit.
    let big = json!({ "customData": { "big": "x".repeat(300 * 1024) } });
    let (status, body) = app
        .api_json(Method::PATCH, &format!("/applications/{id}"), &big)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("entity.value_too_long"))
    );
    let (status, body) = app
        .api_json(Method::PATCH, "/applications/nope/custom-data", &json!({}))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
}
