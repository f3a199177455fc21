//! `/api/users`: create with Logto's identifier rules and unique-field codes, get, list with `q`
//! and `excludeOrganizationId`, patch, delete (cascading to memberships).

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, field, spawn_app};

both_backends!(user_routes, user_routes_impl);
async fn user_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let alice = app
        .create(
            "/users",
            json!({
                "username": "alice",
                "primaryEmail": "alice@example.com",
                "name": "Alice",
                "password": "correct horse battery",
                "customData": { "plan": "pro" },
            }),
        )
        .await;
    assert_eq!(alice["id"].as_str().unwrap().len(), 12);
    assert_eq!(alice["hasPassword"], true);
    assert_eq!(alice["customData"]["plan"], "pro");
    assert_eq!(alice["primaryPhone"], json!(null));
    assert!(alice.get("passwordEncrypted").is_none());
    let alice_id = alice["id"].as_str().unwrap();
    let bob = app
        .create(
            "/users",
            json!({ "primaryPhone": "15550001", "name": "Bob" }),
        )
        .await;
    assert_eq!(bob["hasPassword"], false);
    let bob_id = bob["id"].as_str().unwrap();

    // The password is stored as an argon2id PHC string, never in clear.
    let row = app
        .store
        .user_find_by_id("default", alice_id)
        .await
        .unwrap()
        .unwrap();
    assert!(row.password_encrypted.unwrap().starts_with("$argon2id$"));

    for (body, code) in [
        (
            json!({ "username": "alice" }),
            "user.username_already_in_use",
        ),
        (
            json!({ "primaryEmail": "alice@example.com" }),
            "user.email_already_in_use",
        ),
        (
            json!({ "primaryPhone": "15550001" }),
            "user.phone_already_in_use",
        ),
    ] {
        assert_eq!(
            app.error_code(Method::POST, "/users", body, 422).await,
            code
        );
    }
    for body in [
        json!({ "username": "1abc" }),
        json!({ "primaryEmail": "not-an-email" }),
        json!({ "primaryPhone": "+1 555" }),
        json!({ "name": 5 }),
        json!({ "password": "" }),
    ] {
        let code = app.error_code(Method::POST, "/users", body, 400).await;
        assert_eq!(code, "guard.invalid_input");
    }

    // List: creation order, q over id/email/phone/username/name, pagination mandatory.
    let res = app.api(Method::GET, "/users").await.send().await.unwrap();
    assert_eq!(res.headers()["total-number"], "2");
    let list: serde_json::Value = res.json().await.unwrap();
    assert_eq!(field(&list, "id"), [alice_id, bob_id]);
    assert_eq!(
        field(&app.get_ok("/users?q=EXAMPLE.COM").await, "id"),
        [alice_id]
    );
    assert_eq!(field(&app.get_ok("/users?q=5550").await, "id"), [bob_id]);
    assert_eq!(
        field(&app.get_ok("/users?search=bob").await, "id"),
        [bob_id]
    );

    // excludeOrganizationId leaves out members; with excludeRoleId it is refused.
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap();
    app.create(
        &format!("/organizations/{org_id}/users"),
        json!({ "userIds": [alice_id] }),
    )
    .await;
    let rest = app
        .get_ok(&format!("/users?excludeOrganizationId={org_id}"))
        .await;
    assert_eq!(field(&rest, "id"), [bob_id]);
    let (status, _) = app
        .api_get(&format!(
            "/users?excludeOrganizationId={org_id}&excludeRoleId=r"
        ))
        .await;
    assert_eq!(status, 400);

    // Patch: nullable identifiers clear, taken ones are refused, unknown user → 404.
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("/users/{alice_id}"),
            &json!({ "primaryEmail": null, "name": "Alice A." }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["primaryEmail"], json!(null));
    assert_eq!(patched["name"], "Alice A.");
    assert_eq!(patched["username"], "alice");
    let code = app
        .error_code(
            Method::PATCH,
            &format!("/users/{bob_id}"),
            json!({ "username": "alice" }),
            422,
        )
        .await;
    assert_eq!(code, "user.username_already_in_use");
    let (status, same) = app
        .api_json(
            Method::PATCH,
            &format!("/users/{alice_id}"),
            &json!({ "username": "alice" }),
        )
        .await;
    assert_eq!((status, &same["username"]), (200, &json!("alice")));
    let code = app
        .error_code(Method::PATCH, "/users/nope", json!({ "name": "x" }), 404)
        .await;
    assert_eq!(code, "entity.not_exists_with_id");
    let (status, body) = app.api_get("/users/nope").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );

    // Delete cascades to memberships.
    for expected in [204, 404] {
        assert_eq!(app.delete(&format!("/users/{alice_id}")).await.0, expected);
    }
    let members = app.get_ok(&format!("/organizations/{org_id}/users")).await;
    assert_eq!(members, json!([]));
}
