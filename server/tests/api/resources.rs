//! `/api/resources` and `/api/resources/:id/scopes`, and the API permissions organization roles
//! hold on them.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, field, spawn_app};

both_backends!(resource_routes, resource_routes_impl);
async fn resource_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let api = app
        .create(
            "/resources",
            json!({ "name": "Docs API", "indicator": "https://docs.example.com" }),
        )
        .await;
    assert_eq!(api["accessTokenTtl"], 3600);
    assert_eq!(api["isDefault"], false);
    assert_eq!(api["scopes"], json!([]));
    let api_id = api["id"].as_str().unwrap();
    let code = app
        .error_code(
            Method::POST,
            "/resources",
            json!({ "name": "Again", "indicator": "https://docs.example.com" }),
            422,
        )
        .await;
    assert_eq!(code, "resource.resource_identifier_in_use");
    for body in [
        json!({ "name": "x" }),
        json!({ "name": "x", "indicator": "https://x", "accessTokenTtl": -1 }),
    ] {
        let code = app.error_code(Method::POST, "/resources", body, 400).await;
        assert_eq!(code, "guard.invalid_input");
    }

    // Permissions: single tokens, unique per resource, by name.
    let scopes_path = format!("/resources/{api_id}/scopes");
    let write = app
        .create(
            &scopes_path,
            json!({ "name": "write:docs", "description": "Write" }),
        )
        .await;
    assert_eq!(write["resourceId"], api_id);
    app.create(&scopes_path, json!({ "name": "read:docs" }))
        .await;
    let code = app
        .error_code(
            Method::POST,
            &scopes_path,
            json!({ "name": "read:docs" }),
            422,
        )
        .await;
    assert_eq!(code, "scope.name_exists");
    let code = app
        .error_code(
            Method::POST,
            &scopes_path,
            json!({ "name": "read docs" }),
            400,
        )
        .await;
    assert_eq!(code, "scope.name_with_space");
    let scopes = app.get_ok(&scopes_path).await;
    assert_eq!(field(&scopes, "name"), ["read:docs", "write:docs"]);
    let scopes = app.get_ok(&format!("{scopes_path}?q=WRITE")).await;
    assert_eq!(field(&scopes, "name"), ["write:docs"]);
    let (status, _) = app.api_get("/resources/nope/scopes").await;
    assert_eq!(status, 404);
    let write_id = write["id"].as_str().unwrap();
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("{scopes_path}/{write_id}"),
            &json!({ "description": null }),
        )
        .await;
    assert_eq!((status, &patched["description"]), (200, &json!(null)));

    // The list with scopes; the Management API is listed but fixed.
    let all = app.get_ok("/resources?includeScopes=true").await;
    let docs = all
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == api_id)
        .unwrap();
    assert_eq!(docs["scopes"].as_array().unwrap().len(), 2);
    let code = app
        .error_code(
            Method::PATCH,
            "/resources/management-api",
            json!({ "name": "Mine" }),
            400,
        )
        .await;
    assert_eq!(code, "resource.cannot_modify_management_api");
    let (status, body) = app.delete("/resources/management-api").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("resource.cannot_delete_management_api"))
    );
    let code = app
        .error_code(
            Method::POST,
            "/resources/management-api/scopes",
            json!({ "name": "more" }),
            400,
        )
        .await;
    assert_eq!(code, "resource.cannot_modify_management_api");
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("/resources/{api_id}"),
            &json!({ "name": "Docs", "accessTokenTtl": 600 }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["accessTokenTtl"], 600);

    // An organization role holding an API permission loses it when the scope goes, and
    // deleting the resource removes its permissions.
    let role = app
        .create(
            "/organization-roles",
            json!({ "name": "writer", "resourceScopeIds": [write_id] }),
        )
        .await;
    let role_scopes = format!(
        "/organization-roles/{}/resource-scopes",
        role["id"].as_str().unwrap()
    );
    assert_eq!(
        field(&app.get_ok(&role_scopes).await, "name"),
        ["write:docs"]
    );
    assert_eq!(
        app.delete(&format!("{scopes_path}/{write_id}")).await.0,
        204
    );
    assert_eq!(
        app.delete(&format!("{scopes_path}/{write_id}")).await.0,
        404
    );
    assert_eq!(app.get_ok(&role_scopes).await, json!([]));
    assert_eq!(app.delete(&format!("/resources/{api_id}")).await.0, 204);
    let (status, body) = app.delete(&format!("/resources/{api_id}")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
}

both_backends!(one_default_resource, one_default_resource_impl);
async fn one_default_resource_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let mut ids = Vec::new();
    for (name, indicator) in [
        ("A", "https://a.example.com"),
        ("B", "https://b.example.com"),
    ] {
        let r = app
            .create(
                "/resources",
                json!({ "name": name, "indicator": indicator }),
            )
            .await;
        ids.push(r["id"].as_str().unwrap().to_string());
    }
    let default_of = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["isDefault"] == true)
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    for id in [&ids[0], &ids[1]] {
        let (status, body) = app
            .api_json(
                Method::PATCH,
                &format!("/resources/{id}/is-default"),
                &json!({ "isDefault": true }),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["isDefault"], true);
        assert_eq!(body["id"], id.as_str());
        // Setting a new default takes the flag from the previous one.
        assert_eq!(
            default_of(&app.get_ok("/resources").await),
            vec![id.clone()]
        );
    }
    let (status, body) = app
        .api_json(
            Method::PATCH,
            &format!("/resources/{}/is-default", ids[1]),
            &json!({ "isDefault": false }),
        )
        .await;
    assert_eq!((status, &body["isDefault"]), (200, &json!(false)));
    assert!(default_of(&app.get_ok("/resources").await).is_empty());

    let path = format!("/resources/{}/is-default", ids[0]);
    let code = app.error_code(Method::PATCH, &path, json!({}), 400).await;
    assert_eq!(code, "guard.invalid_input");
    let code = app
        .error_code(Method::PATCH, &path, json!({ "isDefault": "yes" }), 400)
        .await;
    assert_eq!(code, "guard.invalid_input");
    let code = app
        .error_code(
            Method::PATCH,
            "/resources/nope/is-default",
            json!({ "isDefault": true }),
            404,
        )
        .await;
    assert_eq!(code, "entity.not_exists_with_id");
    let code = app
        .error_code(
            Method::PATCH,
            "/resources/management-api/is-default",
            json!({ "isDefault": true }),
            400,
        )
        .await;
    assert_eq!(code, "resource.cannot_modify_management_api");
}
