//! Security tests of console writes: the built-in Management API access cannot be changed,
//! multi-step writes are all or nothing, and writes reach the next organization token even
//! while a replica serves client grants from memory.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, BOOTSTRAP_SECRET, Backend, read, spawn_app, spawn_app_with};
use crate::security_fixtures::{MAPI_RESOURCE, MAPI_SCOPE, call, call_owned, id_of, sign_in};

// Built-in Management API access stays out of the console's reach.
both_backends!(console_management_api_is_fixed, mapi_fixed_impl);
async fn mapi_fixed_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let (status, body) = call(&app, "delete_resource", &[("id", MAPI_RESOURCE)]).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = call(
        &app,
        "delete_resource_scope",
        &[("id", MAPI_RESOURCE), ("scope_id", MAPI_SCOPE)],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = call(
        &app,
        "create_resource_scope",
        &[
            ("id", MAPI_RESOURCE),
            ("name", "sneaky"),
            ("description", ""),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    // Another resource's id in the path with the Management API's scope: not found there.
    let other = id_of(
        &app,
        "/resources",
        json!({ "name": "Docs", "indicator": "https://docs.example" }),
    )
    .await;
    let (status, body) = call(
        &app,
        "delete_resource_scope",
        &[("id", &other), ("scope_id", MAPI_SCOPE)],
    )
    .await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = call(&app, "delete_application", &[("id", BOOTSTRAP_ID)]).await;
    assert_eq!(status, 400, "{body}");

    // An organization role never holds the Management API's permission, not even beside a
    // good one (all or nothing).
    let role = id_of(
        &app,
        "/organization-roles",
        json!({ "name": "robot", "type": "MachineToMachine" }),
    )
    .await;
    let perm = id_of(&app, "/organization-scopes", json!({ "name": "read:org" })).await;
    let (status, body) = call(
        &app,
        "assign_organization_role_permissions",
        &[
            ("id", &role),
            ("scope_ids[0]", &perm),
            ("resource_scope_ids[0]", MAPI_SCOPE),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = call(&app, "organization_role_permissions", &[("id", &role)]).await;
    assert_eq!(status, 200, "{body}");
    let held: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(held["scopes"], json!([]), "{held}");
    assert_eq!(held["resource_scopes"], json!([]), "{held}");

    // The bootstrap app in an organization: its organization-scoped tokens carry the
    // organization, and the Management API refuses them.
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, body) = call(
        &app,
        "add_organization_members",
        &[
            ("id", &org),
            ("member_kind", "applications"),
            ("member_ids[0]", BOOTSTRAP_ID),
            ("role_ids[0]", &role),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let res = app
        .post_token(
            Some((BOOTSTRAP_ID, BOOTSTRAP_SECRET)),
            &[
                ("grant_type", "client_credentials"),
                ("resource", crate::helpers::MANAGEMENT_API),
                ("organization_id", &org),
                ("scope", "all"),
            ],
        )
        .await;
    let (status, token) = read(res).await;
    assert_eq!(status, 200, "{token}");
    assert_eq!(token["scope"], "", "{token}");
    let res = app
        .client
        .get(app.url("/api/applications"))
        .bearer_auth(token["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    // A SPA cannot join an organization (400, not 500).
    let spa = id_of(
        &app,
        "/applications",
        json!({ "name": "Web", "type": "SPA" }),
    )
    .await;
    let (status, body) = call(
        &app,
        "add_organization_members",
        &[
            ("id", &org),
            ("member_kind", "applications"),
            ("member_ids[0]", &spa),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
}

// Multi-step writes are all or nothing.
both_backends!(console_writes_all_or_nothing, all_or_nothing_impl);
async fn all_or_nothing_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let ada = id_of(&app, "/users", json!({ "username": "ada" })).await;
    let (status, body) = call(
        &app,
        "add_organization_members",
        &[
            ("id", &org),
            ("member_kind", "users"),
            ("member_ids[0]", &ada),
            ("member_ids[1]", "nobody"),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (_, users) = app.api_get(&format!("/organizations/{org}/users")).await;
    assert_eq!(users, json!([]), "{users}");
    let role = id_of(&app, "/organization-roles", json!({ "name": "editor" })).await;
    let perm = id_of(&app, "/organization-scopes", json!({ "name": "read:org" })).await;
    let (status, body) = call(
        &app,
        "assign_organization_role_permissions",
        &[
            ("id", &role),
            ("scope_ids[0]", &perm),
            ("resource_scope_ids[0]", "no-such-scope"),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (_, scopes) = app
        .api_get(&format!("/organization-roles/{role}/scopes"))
        .await;
    assert_eq!(scopes, json!([]), "{scopes}");
    // Many distinct ids (more than SQLite binds in one statement) are refused, not a 500.
    let mut form: Vec<(String, String)> = vec![("id".into(), role.clone())];
    for i in 0..33_000 {
        form.push((format!("resource_scope_ids[{i}]"), format!("{i:x}")));
    }
    let (status, body) = call_owned(&app, "assign_organization_role_permissions", &form).await;
    assert!(status < 500, "{status} {}", &body[..body.len().min(300)]);
}

// Console writes reach the very next organization token even while this replica trusts
// its remembered grants (the poller would take a minute to notice).
both_backends!(console_writes_forget_cached_grants, cached_grants_impl);
async fn cached_grants_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.oidc.client_grants_poll_ms = 60_000).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let robot = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let (robot, secret) = (
        robot["id"].as_str().unwrap().to_string(),
        robot["secret"].as_str().unwrap().to_string(),
    );
    let read_scope = id_of(&app, "/organization-scopes", json!({ "name": "read:docs" })).await;
    let role = id_of(
        &app,
        "/organization-roles",
        json!({ "name": "editor", "type": "MachineToMachine", "organizationScopeIds": [read_scope] }),
    )
    .await;
    let (status, body) = call(
        &app,
        "add_organization_members",
        &[
            ("id", &org),
            ("member_kind", "applications"),
            ("member_ids[0]", &robot),
            ("role_ids[0]", &role),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let form = [
        ("grant_type", "client_credentials"),
        ("organization_id", org.as_str()),
        ("scope", "read:docs renamed:docs"),
    ];
    let token = || async { read(app.post_token(Some((&robot, &secret)), &form).await).await };
    for _ in 0..3 {
        let (status, body) = token().await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["scope"], "read:docs");
    }
    let hits = app.state.client_grants.hits();
    let _ = token().await;
    assert!(
        app.state.client_grants.hits() > hits,
        "the grant is served from memory"
    );

    // Renaming the permission: the next token names it anew.
    let (status, body) = call(
        &app,
        "save_organization_scope",
        &[
            ("id", &read_scope),
            ("name", "renamed:docs"),
            ("description", ""),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = token().await;
    assert_eq!(body["scope"], "renamed:docs", "{body}");
    // Taking the role away.
    let (status, body) = call(
        &app,
        "set_organization_member_roles",
        &[
            ("id", &org),
            ("member_kind", "applications"),
            ("member_id", &robot),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = token().await;
    assert_eq!(body["scope"], "", "{body}");
    // Removing the member.
    let (status, body) = call(
        &app,
        "remove_organization_member",
        &[
            ("id", &org),
            ("member_kind", "applications"),
            ("member_id", &robot),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = token().await;
    assert_eq!(status, 403, "{body}");
    // Deleting the application: its secret no longer works from memory either.
    let (status, _) = call(
        &app,
        "add_organization_members",
        &[
            ("id", &org),
            ("member_kind", "applications"),
            ("member_ids[0]", &robot),
        ],
    )
    .await;
    assert_eq!(status, 200);
    for _ in 0..2 {
        assert_eq!(token().await.0, 200);
    }
    let (status, body) = call(&app, "delete_application", &[("id", &robot)]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = token().await;
    assert_eq!(status, 401, "{body}");
}
