//! The console's organization members server functions (`app/src/api/organization_members.rs`):
//! members join with their roles all or nothing, a member's roles can be set to none, and the
//! just-in-time provisioning section keeps the Management API's refusals on its form field.

use serde_json::{Value, json};

use crate::both_backends;
use crate::console_client::{call_json as call, id_of, sign_in};
use crate::helpers::{Backend, TestApp, field, spawn_app};

/// An organization's members of one kind through the console's list: each one's id and the
/// names of its roles there.
async fn members_of(app: &TestApp, org: &str, endpoint: &str) -> Vec<(String, Vec<String>)> {
    let list = [("id", org), ("q", ""), ("page", "1"), ("page_size", "20")];
    let (status, body) = call(app, endpoint, &list).await;
    assert_eq!(status, 200, "{body}");
    let names = |m: &Value| -> Vec<String> {
        let roles = &m["organizationRoles"];
        field(roles, "name")
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap().to_string(), names(m)))
        .collect()
}

/// Adds one member of `kind` (`users` or `applications`) with one role.
async fn add(app: &TestApp, org: &str, kind: &str, member: &str, role: &str) -> (u16, Value) {
    let form = [
        ("id", org),
        ("member_kind", kind),
        ("member_ids[0]", member),
        ("role_ids[0]", role),
    ];
    call(app, "add_organization_members", &form).await
}

both_backends!(
    console_members_join_with_their_roles_all_or_nothing,
    members_all_or_nothing_impl
);
async fn members_all_or_nothing_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let user = id_of(&app, "/users", json!({ "username": "ada" })).await;
    let robot = id_of(
        &app,
        "/applications",
        json!({ "name": "Robot", "type": "MachineToMachine" }),
    )
    .await;
    let editor = id_of(&app, "/organization-roles", json!({ "name": "editor" })).await;
    let machine = id_of(
        &app,
        "/organization-roles",
        json!({ "name": "machine", "type": "MachineToMachine" }),
    )
    .await;

    // A role that does not exist: the user does not join either.
    let (status, body) = add(&app, &org, "users", &user, "no-such-role").await;
    assert_eq!(status, 400, "{body}");
    assert!(body["Invalid"]["message"].is_string(), "{body}");
    let users = members_of(&app, &org, "list_organization_users").await;
    assert!(users.is_empty(), "{users:?}");
    let (_, api) = app.api_get(&format!("/organizations/{org}/users")).await;
    assert_eq!(api, json!([]), "{api}");

    // A User role for an application: refused by the type rule, and the app stays out.
    let (status, body) = add(&app, &org, "applications", &robot, &editor).await;
    assert_eq!(status, 400, "{body}");
    let message = body["Invalid"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("users take User roles"), "{body}");
    let apps = members_of(&app, &org, "list_organization_applications").await;
    assert!(apps.is_empty(), "{apps:?}");

    // The right roles: members join holding them.
    assert_eq!(add(&app, &org, "users", &user, &editor).await.0, 200);
    assert_eq!(
        add(&app, &org, "applications", &robot, &machine).await.0,
        200
    );
    let users = members_of(&app, &org, "list_organization_users").await;
    assert_eq!(users, [(user.clone(), vec!["editor".to_owned()])]);
    let apps = members_of(&app, &org, "list_organization_applications").await;
    assert_eq!(apps, [(robot.clone(), vec!["machine".to_owned()])]);

    // No roles at all: for an application too, which the Management API's PUT refuses.
    for (kind, member, path) in [
        ("users", user.as_str(), "users"),
        ("applications", robot.as_str(), "applications"),
    ] {
        let set = [
            ("id", org.as_str()),
            ("member_kind", kind),
            ("member_id", member),
        ];
        let (status, body) = call(&app, "set_organization_member_roles", &set).await;
        assert_eq!(status, 200, "{body}");
        let roles = app
            .get_ok(&format!("/organizations/{org}/{path}/{member}/roles"))
            .await;
        assert_eq!(roles, json!([]), "{kind}");
    }
    let set = [
        ("id", org.as_str()),
        ("member_kind", "users"),
        ("member_id", user.as_str()),
        ("role_ids[0]", editor.as_str()),
    ];
    assert_eq!(
        call(&app, "set_organization_member_roles", &set).await.0,
        200
    );

    // Outsiders: only those not in the organization.
    let other = id_of(&app, "/users", json!({ "username": "bob" })).await;
    let outside = [("id", org.as_str()), ("q", " ")];
    let (status, body) = call(&app, "users_outside_organization", &outside).await;
    assert_eq!(status, 200, "{body}");
    let ids: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [other.as_str()], "{body}");
    let (status, body) = call(&app, "applications_outside_organization", &outside).await;
    assert_eq!(status, 200, "{body}");
    let ids = field(&body["items"], "id");
    assert!(!ids.is_empty() && !ids.contains(&robot.as_str()), "{body}");

    // Removing: once, then the member is gone.
    let remove = [
        ("id", org.as_str()),
        ("member_kind", "users"),
        ("member_id", user.as_str()),
    ];
    assert_eq!(
        call(&app, "remove_organization_member", &remove).await.0,
        200
    );
    let (status, body) = call(&app, "remove_organization_member", &remove).await;
    assert_eq!(status, 404, "{body}");
    let set = [
        ("id", org.as_str()),
        ("member_kind", "users"),
        ("member_id", user.as_str()),
    ];
    let (status, body) = call(&app, "set_organization_member_roles", &set).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["Invalid"]["message"],
        "Only members of the organization can hold its roles."
    );
}

both_backends!(console_jit_settings, console_jit_impl);
async fn console_jit_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let add = |domain: String| {
        let org = org.clone();
        let app = &app;
        async move {
            let form = [("id", org.as_str()), ("domain", domain.as_str())];
            call(app, "add_jit_email_domain", &form).await
        }
    };
    assert_eq!(add("@Example.COM ".into()).await.0, 200);
    let (status, body) = add("example.com".into()).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body,
        json!({ "Invalid": { "field": "email_domain", "message": "This domain is already in the list." } })
    );
    let (status, body) = add("a".repeat(129)).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["Invalid"]["field"], "email_domain", "{body}");

    let connector = id_of(
        &app,
        "/sso-connectors",
        json!({ "providerName": "OIDC", "connectorName": "Okta" }),
    )
    .await;
    let (status, body) = call(&app, "all_sso_connectors", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(field(&body, "id"), [connector.as_str()]);
    let relation = [
        ("id", org.as_str()),
        ("relation", "sso-connectors"),
        ("ids[0]", connector.as_str()),
    ];
    assert_eq!(call(&app, "set_jit_relation", &relation).await.0, 200);
    let (status, body) = call(&app, "organization_jit", &[("id", org.as_str())]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["email_domains"], json!(["example.com"]), "{body}");
    assert_eq!(field(&body["sso_connectors"], "id"), [connector.as_str()]);

    // A repeated id is refused as the Management API's PUT refuses it.
    let repeated = [
        ("id", org.as_str()),
        ("relation", "sso-connectors"),
        ("ids[0]", connector.as_str()),
        ("ids[1]", connector.as_str()),
    ];
    assert_eq!(call(&app, "set_jit_relation", &repeated).await.0, 400);

    let remove = [("id", org.as_str()), ("domain", "example.com")];
    assert_eq!(call(&app, "remove_jit_email_domain", &remove).await.0, 200);
    assert_eq!(call(&app, "remove_jit_email_domain", &remove).await.0, 404);

    // An organization that does not exist.
    let gone = [("id", "no-such-org"), ("relation", "roles")];
    assert_eq!(call(&app, "set_jit_relation", &gone).await.0, 404);
    assert_eq!(
        call(&app, "organization_jit", &[("id", "no-such-org")])
            .await
            .0,
        404
    );
}
