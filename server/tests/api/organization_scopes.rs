//! `/api/organization-scopes`: CRUD, unique names, order by name, optional pagination, errors.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, read, spawn_app};

fn names(body: &Value) -> Vec<&str> {
    body.as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect()
}

both_backends!(organization_scope_routes, organization_scope_routes_impl);
async fn organization_scope_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let mut ids = Vec::new();
    for (name, description) in [
        ("write:docs", json!("Edit documents")),
        ("Read:docs", json!(null)),
        ("admin", json!("All")),
    ] {
        let (status, scope) = app
            .api_json(
                Method::POST,
                "/organization-scopes",
                &json!({ "name": name, "description": description }),
            )
            .await;
        assert_eq!(status, 201, "{scope}");
        assert_eq!(scope["tenantId"], "default");
        assert_eq!(scope["name"], name);
        assert_eq!(scope["description"], description);
        assert_eq!(scope["id"].as_str().unwrap().len(), 21);
        ids.push(scope["id"].as_str().unwrap().to_string());
    }

    // Without page parameters: everything, by name (byte order), no pagination headers.
    let res = app
        .api(Method::GET, "/organization-scopes")
        .await
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("total-number").is_none());
    let (_, all) = read(res).await;
    assert_eq!(names(&all), ["Read:docs", "admin", "write:docs"]);
    let res = app
        .api(Method::GET, "/organization-scopes?page=2&page_size=2")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "3");
    let (_, page) = read(res).await;
    assert_eq!(names(&page), ["write:docs"]);
    let (_, found) = app.api_get("/organization-scopes?q=DOCS").await;
    assert_eq!(names(&found), ["Read:docs", "write:docs"]);

    let (status, dup) = app
        .api_json(
            Method::POST,
            "/organization-scopes",
            &json!({ "name": "admin" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(dup["code"], "entity.unique_integrity_violation");

    let (status, got) = app
        .api_get(&format!("/organization-scopes/{}", ids[0]))
        .await;
    assert_eq!(status, 200);
    assert_eq!(got["name"], "write:docs");

    let path = format!("/organization-scopes/{}", ids[0]);
    let (status, patched) = app
        .api_json(Method::PATCH, &path, &json!({ "description": null }))
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["name"], "write:docs");
    assert_eq!(patched["description"], Value::Null);
    let (status, dup) = app
        .api_json(Method::PATCH, &path, &json!({ "name": "admin" }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(dup["code"], "entity.unique_integrity_violation");
    let (status, renamed) = app
        .api_json(Method::PATCH, &path, &json!({ "name": "edit:docs" }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(renamed["name"], "edit:docs");

    for body in [
        json!({}),
        json!({ "name": "" }),
        json!({ "name": "x".repeat(129) }),
        json!({ "name": "a", "description": 3 }),
    ] {
        let (status, err) = app
            .api_json(Method::POST, "/organization-scopes", &body)
            .await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(err["code"], "guard.invalid_input");
    }

    let res = app.api(Method::DELETE, &path).await.send().await.unwrap();
    assert_eq!(res.status(), 204);
    let (status, err) = app.api_get(&path).await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_exists_with_id");
    let (status, err) = app
        .api_json(Method::PATCH, &path, &json!({ "name": "z" }))
        .await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_exists");
    let res = app.api(Method::DELETE, &path).await.send().await.unwrap();
    let (status, err) = read(res).await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_found");
    // A freed name can be taken again.
    let (status, _) = app
        .api_json(
            Method::POST,
            "/organization-scopes",
            &json!({ "name": "edit:docs" }),
        )
        .await;
    assert_eq!(status, 201);
}
