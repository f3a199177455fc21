//! An admin's tasks on one user through the Management API (Logto's `admin-user/basics.ts`):
//! profile and custom data merges, password set / check, suspension (which ends the user's
//! sessions and refresh tokens and keeps them out).

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::people::*;

both_backends!(profile_and_custom_data_merge, merges_impl);
async fn merges_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let id = create_user(&app, "ada").await;
    let path = format!("/users/{id}/profile");
    let body = json!({ "profile": { "givenName": "Ada", "address": { "country": "UK" } } });
    let (status, profile) = app.api_json(Method::PATCH, &path, &body).await;
    assert_eq!(status, 200, "{profile}");
    // A second merge keeps the keys it does not name; unknown keys are dropped.
    let body = json!({ "profile": { "familyName": "Lovelace", "unknown": 1 } });
    let (status, profile) = app.api_json(Method::PATCH, &path, &body).await;
    assert_eq!(status, 200, "{profile}");
    assert_eq!(
        profile,
        json!({ "givenName": "Ada", "familyName": "Lovelace", "address": { "country": "UK" } })
    );
    let bad = json!({ "profile": { "nickname": 7 } });
    let (status, body) = app.api_json(Method::PATCH, &path, &bad).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("guard.invalid_input"))
    );
    assert_eq!(
        body["details"],
        "Error in key path \"profile.nickname\": (invalid_type) Expected string, received number"
    );
    let (status, body) = app.api_json(Method::PATCH, &path, &json!({})).await;
    assert_eq!(status, 400, "{body}");

    let path = format!("/users/{id}/custom-data");
    let body = json!({ "customData": { "plan": "pro", "seats": 3 } });
    assert_eq!(app.api_json(Method::PATCH, &path, &body).await.0, 200);
    let body = json!({ "customData": { "seats": 5 } });
    let (status, data) = app.api_json(Method::PATCH, &path, &body).await;
    assert_eq!(
        (status, data.clone()),
        (200, json!({ "plan": "pro", "seats": 5 }))
    );
    assert_eq!(
        app.api_get(&path).await,
        (200, json!({ "plan": "pro", "seats": 5 }))
    );
    let user = app.get_ok(&format!("/users/{id}")).await;
    assert_eq!(user["customData"], json!({ "plan": "pro", "seats": 5 }));
    assert_eq!(user["profile"]["familyName"], "Lovelace");

    // Merges add up, but never past the limit; a refused merge changes nothing.
    let big = "x".repeat(200 * 1024);
    let body = json!({ "customData": { "a": big } });
    assert_eq!(app.api_json(Method::PATCH, &path, &body).await.0, 200);
    let body = json!({ "customData": { "b": big } });
    let (status, body) = app.api_json(Method::PATCH, &path, &body).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("entity.value_too_long"))
    );
    let (_, data) = app.api_get(&path).await;
    assert!(data.get("b").is_none() && data["seats"] == 5);

    let (status, body) = app.api_get("/users/nobody/custom-data").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
    let body = json!({ "customData": {} });
    let (status, _) = app
        .api_json(Method::PATCH, "/users/nobody/custom-data", &body)
        .await;
    assert_eq!(status, 404);
}

both_backends!(passwords_are_set_and_checked, passwords_impl);
async fn passwords_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, user) = app
        .api_json(Method::POST, "/users", &json!({ "username": "bo" }))
        .await;
    assert_eq!(status, 200);
    let id = user["id"].as_str().unwrap();
    let has = format!("/users/{id}/has-password");
    let verify = format!("/users/{id}/password/verify");
    assert_eq!(
        app.api_get(&has).await,
        (200, json!({ "hasPassword": false }))
    );
    // No password yet: any password is wrong.
    let (status, body) = app
        .api_json(Method::POST, &verify, &json!({ "password": "anything" }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("session.invalid_credentials"))
    );

    let set = json!({ "password": "new secret 1" });
    let (status, user) = app
        .api_json(Method::PATCH, &format!("/users/{id}/password"), &set)
        .await;
    assert_eq!(
        (status, user["hasPassword"].as_bool()),
        (200, Some(true)),
        "{user}"
    );
    assert_eq!(
        app.api_get(&has).await,
        (200, json!({ "hasPassword": true }))
    );
    let (status, _) = app.api_json(Method::POST, &verify, &set).await;
    assert_eq!(status, 204);
    let (status, body) = app
        .api_json(
            Method::POST,
            &verify,
            &json!({ "password": "new secret 2" }),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("session.invalid_credentials"))
    );
    let (status, body) = app
        .api_json(Method::POST, &verify, &json!({ "password": "" }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("guard.invalid_input"))
    );
    let (status, _) = app
        .api_json(Method::POST, "/users/nobody/password/verify", &set)
        .await;
    assert_eq!(status, 404);
}

both_backends!(suspension_ends_sessions_and_tokens, suspension_impl);
async fn suspension_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let id = create_user(&app, "cy").await;
    let b = browser();
    let scope = "openid offline_access";
    let code = sign_in_for_code(&app, &b, &client_id, "cy", scope, &[]).await;
    let (status, tokens) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let rt = tokens["refresh_token"].as_str().unwrap().to_string();

    let path = format!("/users/{id}/is-suspended");
    let (status, user) = app
        .api_json(Method::PATCH, &path, &json!({ "isSuspended": true }))
        .await;
    assert_eq!(
        (status, user["isSuspended"].as_bool()),
        (200, Some(true)),
        "{user}"
    );

    // The refresh token is gone, the browser's session too, and signing in again is refused.
    let (status, body) = refresh(&app, &client_id, &rt, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let res = authorize(&app, &b, &client_id, scope, &[]).await;
    assert_eq!(
        location(&res),
        "/sign-in",
        "the session survived the suspension"
    );
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[("identifier", "cy"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&res), "/sign-in", "a suspended user signed in");
    let page = b.get(app.url("/sign-in")).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("suspended"), "{page}");

    // Restored, the user signs in again.
    let (status, user) = app
        .api_json(Method::PATCH, &path, &json!({ "isSuspended": false }))
        .await;
    assert_eq!((status, user["isSuspended"].as_bool()), (200, Some(false)));
    let b = browser();
    let code = sign_in_for_code(&app, &b, &client_id, "cy", scope, &[]).await;
    assert_eq!(exchange(&app, &client_id, &code, &[]).await.0, 200);

    let (status, body) = app.api_json(Method::PATCH, &path, &json!({})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("guard.invalid_input"))
    );
    let bad = json!({ "isSuspended": true });
    assert_eq!(
        app.api_json(Method::PATCH, "/users/nobody/is-suspended", &bad)
            .await
            .0,
        404
    );
}
