//! `/api/organization-roles`: CRUD, names unique across types, creation with permissions in one
//! transaction, the list with permissions, and the `/scopes` and `/resource-scopes` relations.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, field, read, spawn_app};

/// An API resource named "Docs API" with one permission, `all`; returns (scope id, resource id).
async fn docs_api(app: &crate::helpers::TestApp) -> (String, String) {
    let resource = app
        .create(
            "/resources",
            json!({ "name": "Docs API", "indicator": "https://docs.example/api" }),
        )
        .await;
    let resource_id = resource["id"].as_str().unwrap().to_string();
    let scope = app
        .create(
            &format!("/resources/{resource_id}/scopes"),
            json!({ "name": "all" }),
        )
        .await;
    (scope["id"].as_str().unwrap().to_string(), resource_id)
}

both_backends!(organization_role_routes, organization_role_routes_impl);
async fn organization_role_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let read_docs = app
        .create("/organization-scopes", json!({ "name": "read:docs" }))
        .await;
    let write_docs = app
        .create("/organization-scopes", json!({ "name": "write:docs" }))
        .await;
    let (read_id, write_id) = (
        read_docs["id"].as_str().unwrap(),
        write_docs["id"].as_str().unwrap(),
    );
    let (api_all, api_id) = docs_api(&app).await;

    // Create with permissions of both kinds; the response is the plain role.
    let editor = app
        .create(
            "/organization-roles",
            json!({
                "name": "editor",
                "description": "Edits documents",
                "organizationScopeIds": [write_id, read_id, read_id],
                "resourceScopeIds": [api_all],
            }),
        )
        .await;
    assert_eq!(editor["type"], "User");
    assert_eq!(editor["tenantId"], "default");
    assert_eq!(editor["id"].as_str().unwrap().len(), 21);
    assert!(editor.get("scopes").is_none());
    let editor_id = editor["id"].as_str().unwrap();
    let machine = app
        .create(
            "/organization-roles",
            json!({ "name": "Machine", "type": "MachineToMachine" }),
        )
        .await;
    assert_eq!(machine["description"], json!(null));
    let machine_id = machine["id"].as_str().unwrap();

    // Names are unique across both types.
    for body in [
        json!({ "name": "editor", "type": "MachineToMachine" }),
        json!({ "name": "Machine" }),
    ] {
        let code = app
            .error_code(Method::POST, "/organization-roles", body, 422)
            .await;
        assert_eq!(code, "entity.unique_integrity_violation");
    }
    // An unknown permission leaves no role behind.
    let code = app
        .error_code(
            Method::POST,
            "/organization-roles",
            json!({ "name": "ghost", "organizationScopeIds": [read_id, "nope"] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    let code = app
        .error_code(
            Method::POST,
            "/organization-roles",
            json!({ "name": "ghost", "resourceScopeIds": ["nope"] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    // Validation.
    for body in [
        json!({}),
        json!({ "name": "" }),
        json!({ "name": "x", "type": "Admin" }),
        json!({ "name": "x", "organizationScopeIds": "a" }),
        json!({ "name": "x", "organizationScopeIds": [""] }),
        json!({ "name": "x".repeat(129) }),
    ] {
        let code = app
            .error_code(Method::POST, "/organization-roles", body, 400)
            .await;
        assert_eq!(code, "guard.invalid_input");
    }

    // The list: by name (byte order), with permissions, paginated, searchable, filterable.
    let res = app
        .api(Method::GET, "/organization-roles")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "2");
    let (_, list) = read(res).await;
    assert_eq!(field(&list, "name"), ["Machine", "editor"]);
    assert_eq!(
        field(&list[1]["scopes"], "name"),
        ["read:docs", "write:docs"]
    );
    assert_eq!(list[1]["resourceScopes"][0]["id"], api_all.as_str());
    assert_eq!(list[1]["resourceScopes"][0]["name"], "all");
    assert_eq!(
        list[1]["resourceScopes"][0]["resource"]["id"],
        api_id.as_str()
    );
    assert_eq!(list[0]["scopes"], json!([]));
    let list = app.get_ok("/organization-roles?q=EDITS").await;
    assert_eq!(field(&list, "name"), ["editor"]);
    let list = app
        .get_ok("/organization-roles?type=MachineToMachine")
        .await;
    assert_eq!(field(&list, "name"), ["Machine"]);
    let res = app
        .api(Method::GET, "/organization-roles?page=2&page_size=1")
        .await
        .send()
        .await
        .unwrap();
    let links: Vec<&str> = res
        .headers()
        .get_all("link")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        links.iter().any(|l| l.ends_with("rel=\"prev\"")),
        "{links:?}"
    );
    let (_, list) = read(res).await;
    assert_eq!(field(&list, "name"), ["editor"]);
    let (status, _) = app.api_get("/organization-roles?page_size=101").await;
    assert_eq!(status, 400);

    // Get, patch, 404s.
    let got = app
        .get_ok(&format!("/organization-roles/{editor_id}"))
        .await;
    assert_eq!(got, editor);
    let (status, body) = app.api_get("/organization-roles/nope").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_found"))
    );
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("/organization-roles/{editor_id}"),
            &json!({ "name": "Editor", "description": null }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["name"], "Editor");
    assert_eq!(patched["description"], json!(null));
    assert_eq!(patched["type"], "User");
    let code = app
        .error_code(
            Method::PATCH,
            &format!("/organization-roles/{editor_id}"),
            json!({ "name": "Machine" }),
            422,
        )
        .await;
    assert_eq!(code, "entity.unique_integrity_violation");
    let code = app
        .error_code(
            Method::PATCH,
            "/organization-roles/nope",
            json!({ "name": "x" }),
            404,
        )
        .await;
    assert_eq!(code, "entity.not_exists");

    // `/scopes` relation routes.
    let scopes_path = format!("/organization-roles/{editor_id}/scopes");
    let scopes = app.get_ok(&scopes_path).await;
    assert_eq!(field(&scopes, "name"), ["read:docs", "write:docs"]);
    assert_eq!(scopes[0]["tenantId"], "default");
    assert_eq!(app.delete(&format!("{scopes_path}/{read_id}")).await.0, 204);
    let (status, body) = app.delete(&format!("{scopes_path}/{read_id}")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_found"))
    );
    let (status, body) = app
        .api_json(
            Method::POST,
            &scopes_path,
            &json!({ "organizationScopeIds": [read_id, write_id] }),
        )
        .await;
    assert_eq!((status, body), (201, json!(null)));
    let code = app
        .error_code(
            Method::POST,
            &scopes_path,
            json!({ "organizationScopeIds": [] }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");
    let code = app
        .error_code(
            Method::POST,
            &scopes_path,
            json!({ "organizationScopeIds": ["nope"] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    let status = app
        .status_of(
            Method::PUT,
            &scopes_path,
            json!({ "organizationScopeIds": [write_id] }),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(
        field(&app.get_ok(&scopes_path).await, "name"),
        ["write:docs"]
    );
    let code = app
        .error_code(
            Method::PUT,
            &scopes_path,
            json!({ "organizationScopeIds": [read_id, read_id] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.unique_integrity_violation");
    let status = app
        .status_of(
            Method::PUT,
            &scopes_path,
            json!({ "organizationScopeIds": [] }),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(app.get_ok(&scopes_path).await, json!([]));
    let (status, body) = app.api_get("/organization-roles/nope/scopes").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_found"))
    );

    // `/resource-scopes` relation routes.
    let resource_path = format!("/organization-roles/{machine_id}/resource-scopes");
    let status = app
        .status_of(
            Method::POST,
            &resource_path,
            json!({ "scopeIds": [api_all] }),
        )
        .await;
    assert_eq!(status, 201);
    let scopes = app.get_ok(&resource_path).await;
    assert_eq!(scopes[0]["id"], api_all.as_str());
    assert_eq!(scopes[0]["resourceId"], api_id.as_str());
    assert!(scopes[0]["createdAt"].is_number());
    assert_eq!(
        app.delete(&format!("{resource_path}/{api_all}")).await.0,
        204
    );
    assert_eq!(app.get_ok(&resource_path).await, json!([]));

    // Deleting a permission removes it from roles; deleting a role works once.
    app.status_of(
        Method::PUT,
        &scopes_path,
        json!({ "organizationScopeIds": [read_id] }),
    )
    .await;
    assert_eq!(
        app.delete(&format!("/organization-scopes/{read_id}"))
            .await
            .0,
        204
    );
    assert_eq!(app.get_ok(&scopes_path).await, json!([]));
    for expected in [204, 404] {
        assert_eq!(
            app.delete(&format!("/organization-roles/{editor_id}"))
                .await
                .0,
            expected
        );
    }
}
