//! The console's organization template server functions: a role's permissions are given all
//! or nothing, with the Management API's refusals.

use crate::both_backends;
use crate::console_client::{call_json as call, sign_in};
use crate::helpers::{Backend, TestApp, spawn_app};

async fn created_id(app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> String {
    let (status, body) = call(app, endpoint, form).await;
    assert_eq!(status, 200, "{body}");
    body["id"].as_str().unwrap().to_string()
}

both_backends!(
    console_role_permissions_are_all_or_nothing,
    role_permissions_all_or_nothing_impl
);
async fn role_permissions_all_or_nothing_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let role = [
        ("name", "editor"),
        ("description", ""),
        ("role_type", "User"),
    ];
    let role_id = created_id(&app, "create_organization_role", &role).await;
    let scope = [("name", "read:docs"), ("description", "")];
    let scope_id = created_id(&app, "save_organization_scope", &scope).await;
    let permissions = [("id", role_id.as_str())];

    // A valid organization permission next to a Management API one: the whole assignment is
    // refused, and the role keeps none of it.
    let assign = [
        ("id", role_id.as_str()),
        ("scope_ids[0]", scope_id.as_str()),
        ("resource_scope_ids[0]", "management-api-all"),
    ];
    let (status, body) = call(&app, "assign_organization_role_permissions", &assign).await;
    assert_eq!(status, 400, "{body}");
    let message = body["Invalid"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("Management API permissions"), "{body}");
    let (status, body) = call(&app, "organization_role_permissions", &permissions).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scopes"], serde_json::json!([]), "{body}");
    assert_eq!(body["resource_scopes"], serde_json::json!([]), "{body}");

    // An unknown API permission leaves nothing behind either.
    let assign = [
        ("id", role_id.as_str()),
        ("scope_ids[0]", scope_id.as_str()),
        ("resource_scope_ids[0]", "no-such-permission"),
    ];
    let (status, body) = call(&app, "assign_organization_role_permissions", &assign).await;
    assert_eq!(status, 400, "{body}");
    let (_, body) = call(&app, "organization_role_permissions", &permissions).await;
    assert_eq!(body["scopes"], serde_json::json!([]), "{body}");

    // The organization permission alone is given, and taken back.
    let assign = [
        ("id", role_id.as_str()),
        ("scope_ids[0]", scope_id.as_str()),
    ];
    let (status, body) = call(&app, "assign_organization_role_permissions", &assign).await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = call(&app, "organization_role_permissions", &permissions).await;
    assert_eq!(body["role"]["id"], role_id.as_str(), "{body}");
    assert_eq!(body["scopes"][0]["id"], scope_id.as_str(), "{body}");
    let remove = [
        ("id", role_id.as_str()),
        ("scope_id", scope_id.as_str()),
        ("api", "false"),
    ];
    let (status, body) = call(&app, "remove_organization_role_permission", &remove).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(&app, "remove_organization_role_permission", &remove).await;
    assert_eq!(status, 404, "{body}");

    // An unknown type filter is the API's invalid-input line, on the `type` field.
    let list = [
        ("q", ""),
        ("role_type", "Robot"),
        ("page", "1"),
        ("page_size", "20"),
    ];
    let (status, body) = call(&app, "list_organization_roles", &list).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["Invalid"]["field"], "type", "{body}");
}
