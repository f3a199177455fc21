//! `/api/roles`: global roles with their permissions, users and applications; the Management
//! API's own access is one of them.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, MANAGEMENT_API, field, read, spawn_app};

both_backends!(role_routes, role_routes_impl);
async fn role_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // The seeded Management API access role is listed and fixed.
    let roles = app.get_ok("/roles?type=MachineToMachine").await;
    assert_eq!(field(&roles, "id"), ["management-api-access"]);
    assert_eq!(app.delete("/roles/management-api-access").await.0, 400);

    // An M2M role with `all` on the Management API grants a new app access.
    let ops = app
        .create(
            "/roles",
            json!({
                "name": "Ops",
                "description": "Automation",
                "type": "MachineToMachine",
                "scopeIds": ["management-api-all"],
            }),
        )
        .await;
    let ops_id = ops["id"].as_str().unwrap();
    assert_eq!(ops["isDefault"], false);
    let code = app
        .error_code(
            Method::POST,
            "/roles",
            json!({ "name": "Ops", "description": "again" }),
            422,
        )
        .await;
    assert_eq!(code, "role.name_in_use");
    let code = app
        .error_code(Method::POST, "/roles", json!({ "name": "x" }), 400)
        .await;
    assert_eq!(code, "guard.invalid_input");
    assert_eq!(
        field(
            &app.get_ok(&format!("/roles/{ops_id}/scopes")).await,
            "name"
        ),
        ["all"]
    );

    let robot = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let (robot_id, secret) = (
        robot["id"].as_str().unwrap(),
        robot["secret"].as_str().unwrap(),
    );
    let form = [
        ("grant_type", "client_credentials"),
        ("resource", MANAGEMENT_API),
        ("scope", "all"),
    ];
    let (_, body) = read(app.post_token(Some((robot_id, secret)), &form).await).await;
    assert_eq!(body["scope"], "");
    let status = app
        .status_of(
            Method::POST,
            &format!("/roles/{ops_id}/applications"),
            json!({ "applicationIds": [robot_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, body) = read(app.post_token(Some((robot_id, secret)), &form).await).await;
    assert_eq!(body["scope"], "all");
    let apps = app.get_ok(&format!("/roles/{ops_id}/applications")).await;
    assert_eq!(field(&apps, "id"), [robot_id]);

    // Type rules: users take User roles only, applications M2M roles only.
    let user = app.create("/users", json!({ "username": "dana" })).await;
    let user_id = user["id"].as_str().unwrap();
    let code = app
        .error_code(
            Method::POST,
            &format!("/roles/{ops_id}/users"),
            json!({ "userIds": [user_id] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let viewer = app
        .create(
            "/roles",
            json!({ "name": "Viewer", "description": "Reads" }),
        )
        .await;
    let viewer_id = viewer["id"].as_str().unwrap();
    let code = app
        .error_code(
            Method::POST,
            &format!("/roles/{viewer_id}/applications"),
            json!({ "applicationIds": [robot_id] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let status = app
        .status_of(
            Method::POST,
            &format!("/roles/{viewer_id}/users"),
            json!({ "userIds": [user_id] }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        field(
            &app.get_ok(&format!("/roles/{viewer_id}/users")).await,
            "id"
        ),
        [user_id]
    );

    // Patch, removal of holders and permissions, delete.
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("/roles/{viewer_id}"),
            &json!({ "description": "Reads everything" }),
        )
        .await;
    assert_eq!(
        (status, &patched["description"]),
        (200, &json!("Reads everything"))
    );
    assert_eq!(
        app.delete(&format!("/roles/{viewer_id}/users/{user_id}"))
            .await
            .0,
        204
    );
    assert_eq!(
        app.delete(&format!("/roles/{viewer_id}/users/{user_id}"))
            .await
            .0,
        404
    );
    assert_eq!(
        app.delete(&format!("/roles/{ops_id}/scopes/management-api-all"))
            .await
            .0,
        204
    );
    let (_, body) = read(app.post_token(Some((robot_id, secret)), &form).await).await;
    assert_eq!(body["scope"], "");
    assert_eq!(app.delete(&format!("/roles/{ops_id}")).await.0, 204);
    assert_eq!(app.delete(&format!("/roles/{ops_id}")).await.0, 404);
    let (status, _) = app.api_get(&format!("/roles/{ops_id}/users")).await;
    assert_eq!(status, 404);
}

both_backends!(role_list_holders, role_list_holders_impl);
async fn role_list_holders_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let editor = app
        .create(
            "/roles",
            json!({ "name": "Editor", "description": "Edits", "type": "User" }),
        )
        .await;
    let editor_id = editor["id"].as_str().unwrap();
    app.create(
        "/roles",
        json!({ "name": "Unused", "description": "Nobody", "type": "User" }),
    )
    .await;
    let mut users = Vec::new();
    for name in ["dora", "eve", "finn", "gus"] {
        let user = app
            .create("/users", json!({ "username": name, "name": name }))
            .await;
        users.push(user["id"].as_str().unwrap().to_string());
    }
    let status = app
        .status_of(
            Method::POST,
            &format!("/roles/{editor_id}/users"),
            json!({ "userIds": users }),
        )
        .await;
    assert_eq!(status, 201);

    let res = app
        .api(Method::GET, "/roles?page_size=10")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "3");
    let (_, roles) = read(res).await;
    let by_name = |name: &str| {
        roles
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()
            .clone()
    };
    let listed = by_name("Editor");
    assert_eq!(listed["usersCount"], 4);
    assert_eq!(listed["applicationsCount"], 0);
    assert_eq!(listed["featuredApplications"], json!([]));
    let mut first: Vec<String> = users.clone();
    first.sort();
    first.truncate(3);
    assert_eq!(field(&listed["featuredUsers"], "id"), first);
    let shown = &listed["featuredUsers"][0];
    assert_eq!(shown["avatar"], json!(null));
    let name = users.iter().position(|u| *u == first[0]).unwrap();
    assert_eq!(shown["name"], ["dora", "eve", "finn", "gus"][name]);
    // The role fields are all there too.
    assert_eq!(listed["id"], editor_id);
    assert_eq!(listed["type"], "User");
    assert_eq!(listed["isDefault"], false);

    let unused = by_name("Unused");
    assert_eq!(
        (
            unused["usersCount"].clone(),
            unused["featuredUsers"].clone()
        ),
        (json!(0), json!([]))
    );
    // The Management API role is held by the bootstrap application.
    let access = by_name("Logto Management API access");
    assert_eq!(access["applicationsCount"], 1);
    assert_eq!(
        access["featuredApplications"][0]["id"],
        crate::helpers::BOOTSTRAP_ID
    );
    assert_eq!(
        access["featuredApplications"][0]["type"],
        "MachineToMachine"
    );

    // Roles the given user or application already holds are left out.
    let roles = app
        .get_ok(&format!("/roles?excludeUserId={}", users[0]))
        .await;
    assert!(!field(&roles, "name").contains(&"Editor"));
    assert_eq!(roles.as_array().unwrap().len(), 2);
    let roles = app
        .get_ok(&format!(
            "/roles?excludeApplicationId={}",
            crate::helpers::BOOTSTRAP_ID
        ))
        .await;
    assert_eq!(sorted(field(&roles, "name")), ["Editor", "Unused"]);
}

fn sorted(mut names: Vec<&str>) -> Vec<&str> {
    names.sort_unstable();
    names
}
