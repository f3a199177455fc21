//! Global roles from their holders' side: `/api/users/:id/roles` and
//! `/api/applications/:id/roles`, with Logto's statuses, bodies and type rules.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, field, spawn_app};
use crate::people::create_user;

both_backends!(users_hold_user_roles, user_roles_impl);
async fn user_roles_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let id = create_user(&app, "dee").await;
    let reader = app
        .create("/roles", json!({ "name": "reader", "description": "r" }))
        .await;
    let writer = app
        .create("/roles", json!({ "name": "writer", "description": "w" }))
        .await;
    let robot = app
        .create(
            "/roles",
            json!({ "name": "robot", "description": "m", "type": "MachineToMachine" }),
        )
        .await;
    let (reader, writer, robot) = (
        reader["id"].as_str().unwrap(),
        writer["id"].as_str().unwrap(),
        robot["id"].as_str().unwrap(),
    );
    let path = format!("/users/{id}/roles");

    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "roleIds": [reader, reader] }))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body,
        json!({ "roleIds": [reader, reader], "addedRoleIds": [reader] })
    );
    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "roleIds": [reader, writer] }))
        .await;
    assert_eq!(
        (status, body["addedRoleIds"].clone()),
        (201, json!([writer]))
    );
    let list = app.get_ok(&path).await;
    assert_eq!(field(&list, "name"), ["reader", "writer"]);
    let list = app.get_ok(&format!("{path}?q=writ")).await;
    assert_eq!(field(&list, "name"), ["writer"]);

    // A machine's role is refused, an unknown one is a 404; nothing changes.
    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "roleIds": [robot] }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("user.invalid_role_type"))
    );
    let (status, body) = app
        .api_json(Method::PUT, &path, &json!({ "roleIds": [writer, "nope"] }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
    assert_eq!(
        field(&app.get_ok(&path).await, "name"),
        ["reader", "writer"]
    );

    let (status, body) = app
        .api_json(Method::PUT, &path, &json!({ "roleIds": [writer] }))
        .await;
    assert_eq!((status, body), (200, json!({ "roleIds": [writer] })));
    assert_eq!(app.delete(&format!("{path}/{reader}")).await.0, 404);
    assert_eq!(app.delete(&format!("{path}/{writer}")).await.0, 204);
    assert_eq!(app.get_ok(&path).await, json!([]));

    let (status, body) = app.delete(&format!("/users/nobody/roles/{writer}")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
    let (status, body) = app.api_get("/users/nobody/roles").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
    let (status, body) = app.api_json(Method::POST, &path, &json!({})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("guard.invalid_input"))
    );
}

both_backends!(machines_hold_machine_roles, application_roles_impl);
async fn application_roles_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let robot = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let spa = app
        .create("/applications", json!({ "name": "Web", "type": "SPA" }))
        .await;
    let m2m = app
        .create(
            "/roles",
            json!({ "name": "billing", "description": "b", "type": "MachineToMachine" }),
        )
        .await;
    let user_role = app
        .create("/roles", json!({ "name": "viewer", "description": "v" }))
        .await;
    let (robot, spa) = (robot["id"].as_str().unwrap(), spa["id"].as_str().unwrap());
    let (m2m, user_role) = (
        m2m["id"].as_str().unwrap(),
        user_role["id"].as_str().unwrap(),
    );
    let path = format!("/applications/{robot}/roles");

    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "roleIds": [m2m] }))
        .await;
    assert_eq!(
        (status, body["addedRoleIds"].clone()),
        (201, json!([m2m])),
        "{body}"
    );
    assert_eq!(field(&app.get_ok(&path).await, "name"), ["billing"]);
    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "roleIds": [user_role] }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("application.invalid_role_type"))
    );
    let spa_path = format!("/applications/{spa}/roles");
    let (status, body) = app
        .api_json(Method::POST, &spa_path, &json!({ "roleIds": [m2m] }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("application.invalid_type"))
    );

    // PUT answers 200 without a body, as Logto.
    let res = app
        .api(Method::PUT, &path)
        .await
        .json(&json!({ "roleIds": [] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(app.get_ok(&path).await, json!([]));
    assert_eq!(app.delete(&format!("{path}/{m2m}")).await.0, 404);
}

both_backends!(
    the_bootstrap_credential_keeps_its_access,
    bootstrap_access_impl
);
async fn bootstrap_access_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let bootstrap = crate::helpers::BOOTSTRAP_ID;
    let path = format!("/applications/{bootstrap}/roles");
    let (status, body) = app
        .api_json(Method::PUT, &path, &json!({ "roleIds": [] }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("application.managed_by_configuration"))
    );
    let role = server::storage::MANAGEMENT_API_ROLE_ID;
    let (status, _) = app.delete(&format!("{path}/{role}")).await;
    assert_eq!(status, 400);
    // Still allowed in.
    assert_eq!(app.api_get("/users").await.0, 200);
}
