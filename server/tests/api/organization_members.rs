//! `/api/organizations/:id/users…` (Logto's `packages/core/src/routes/organization/user/`):
//! membership semantics, member roles by id and by name, bulk grants, scopes, the type and
//! membership rules and the cascades.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, field, read, spawn_app};

async fn user(app: &TestApp, username: &str) -> String {
    let created = app
        .create("/users", json!({ "username": username, "name": username }))
        .await;
    created["id"].as_str().unwrap().to_string()
}

async fn role(app: &TestApp, name: &str, kind: &str, scopes: &[&str]) -> String {
    let created = app
        .create(
            "/organization-roles",
            json!({ "name": name, "type": kind, "organizationScopeIds": scopes }),
        )
        .await;
    created["id"].as_str().unwrap().to_string()
}

fn role_names(user: &Value) -> Vec<&str> {
    field(&user["organizationRoles"], "name")
}

/// The item of a list with this id.
fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == id)
        .unwrap()
}

/// Ids of members that joined in the same request, in list order (then by id).
fn sorted(ids: &[&str]) -> Vec<String> {
    let mut ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    ids.sort();
    ids
}

fn ids(list: &Value) -> Vec<String> {
    field(list, "id").into_iter().map(str::to_string).collect()
}

both_backends!(organization_user_routes, organization_user_routes_impl);
async fn organization_user_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap();
    let users_path = format!("/organizations/{org_id}/users");
    let (alice, bob, carol) = (
        user(&app, "alice").await,
        user(&app, "bob").await,
        user(&app, "carol").await,
    );
    let read_scope = app
        .create("/organization-scopes", json!({ "name": "read" }))
        .await;
    let read_id = read_scope["id"].as_str().unwrap();
    let viewer = role(&app, "viewer", "User", &[read_id]).await;
    let admin = role(&app, "admin", "User", &[]).await;
    let machine = role(&app, "machine", "MachineToMachine", &[]).await;

    // POST echoes the raw ids; existing members and repeats are ignored.
    let (status, body) = app
        .api_json(
            Method::POST,
            &users_path,
            &json!({ "userIds": [alice, bob, alice] }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(body, json!({ "userIds": [alice, bob, alice] }));
    app.create(&users_path, json!({ "userIds": [alice] })).await;
    for (body, status, code) in [
        (json!({ "userIds": [] }), 400, "guard.invalid_input"),
        (json!({}), 400, "guard.invalid_input"),
        (
            json!({ "userIds": ["nope"] }),
            422,
            "entity.relation_foreign_key_not_found",
        ),
    ] {
        assert_eq!(
            app.error_code(Method::POST, &users_path, body, status)
                .await,
            code
        );
    }
    let code = app
        .error_code(
            Method::POST,
            "/organizations/nope/users",
            json!({ "userIds": [alice] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");

    // Roles by id and by name; unknown names are listed; M2M roles are refused.
    let alice_roles = format!("{users_path}/{alice}/roles");
    let (status, body) = app
        .api_json(
            Method::POST,
            &alice_roles,
            &json!({ "organizationRoleIds": [viewer], "organizationRoleNames": ["admin", "viewer"] }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let mut granted: Vec<&str> = body["organizationRoleIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    granted.sort();
    let mut expected = vec![viewer.as_str(), admin.as_str()];
    expected.sort();
    assert_eq!(granted, expected);
    let (status, body) = app
        .api_json(
            Method::POST,
            &alice_roles,
            &json!({ "organizationRoleNames": ["ghost", "phantom"] }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["code"], "organization.role_names_not_found");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("ghost and phantom")
    );
    let code = app
        .error_code(
            Method::POST,
            &alice_roles,
            json!({ "organizationRoleIds": [machine] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let code = app
        .error_code(
            Method::POST,
            &alice_roles,
            json!({ "organizationRoleIds": ["nope"] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    let (status, body) = app.api_json(Method::POST, &alice_roles, &json!({})).await;
    assert_eq!((status, body), (201, json!({ "organizationRoleIds": [] })));

    // Non-members cannot hold roles: every …/:userId/roles route answers 422.
    let carol_roles = format!("{users_path}/{carol}/roles");
    for (method, path, body) in [
        (Method::GET, carol_roles.clone(), json!(null)),
        (
            Method::POST,
            carol_roles.clone(),
            json!({ "organizationRoleIds": [viewer] }),
        ),
        (
            Method::PUT,
            carol_roles.clone(),
            json!({ "organizationRoleIds": [viewer] }),
        ),
        (
            Method::DELETE,
            format!("{carol_roles}/{viewer}"),
            json!(null),
        ),
        (
            Method::GET,
            format!("/organizations/nope/users/{alice}/roles"),
            json!(null),
        ),
    ] {
        let code = app.error_code(method, &path, body, 422).await;
        assert_eq!(code, "organization.require_membership");
    }
    // The bulk route refuses non-members and M2M roles as a whole.
    let bulk = format!("{users_path}/roles");
    let code = app
        .error_code(
            Method::POST,
            &bulk,
            json!({ "userIds": [bob, carol], "organizationRoleIds": [viewer] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    assert_eq!(
        app.get_ok(&format!("{users_path}/{bob}/roles")).await,
        json!([])
    );
    let code = app
        .error_code(
            Method::POST,
            &bulk,
            json!({ "userIds": [bob], "organizationRoleIds": [machine] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let code = app
        .error_code(
            Method::POST,
            &bulk,
            json!({ "userIds": [bob], "organizationRoleIds": [] }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");
    let status = app
        .status_of(
            Method::POST,
            &bulk,
            json!({ "userIds": [bob, alice], "organizationRoleIds": [viewer] }),
        )
        .await;
    assert_eq!(status, 201);

    // The member list: joining order, roles by name, filters, pagination headers.
    let res = app
        .api(Method::GET, &users_path)
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "2");
    let (_, list) = read(res).await;
    // Alice and Bob joined in one request: same time, then by id.
    let joined = sorted(&[&alice, &bob]);
    assert_eq!(ids(&list), joined);
    assert_eq!(role_names(by_id(&list, &alice)), ["admin", "viewer"]);
    assert_eq!(role_names(by_id(&list, &bob)), ["viewer"]);
    assert_eq!(by_id(&list, &alice)["username"], "alice");
    assert!(by_id(&list, &alice)["lastSignInAt"].is_null());
    let list = app
        .get_ok(&format!("{users_path}?organizationRoleId={admin}"))
        .await;
    assert_eq!(field(&list, "id"), [alice.as_str()]);
    // `q` searches ids too, and a random id may hold "bo".
    let list = app.get_ok(&format!("{users_path}?q=BO")).await;
    let expected: Vec<&str> = joined
        .iter()
        .map(String::as_str)
        .filter(|id| *id == bob || id.contains("bo"))
        .collect();
    assert_eq!(field(&list, "id"), expected);
    let list = app
        .get_ok(&format!("{users_path}?page=2&page_size=1"))
        .await;
    assert_eq!(ids(&list), [joined[1].clone()]);
    assert_eq!(app.get_ok("/organizations/nope/users").await, json!([]));
    let (status, _) = app.api_get(&format!("{users_path}?page=0")).await;
    assert_eq!(status, 400);

    // A member's roles and scopes.
    let roles = app.get_ok(&alice_roles).await;
    assert_eq!(field(&roles, "name"), ["admin", "viewer"]);
    assert_eq!(roles[0]["type"], "User");
    let scopes = app.get_ok(&format!("{users_path}/{alice}/scopes")).await;
    assert_eq!(field(&scopes, "name"), ["read"]);
    assert_eq!(
        app.get_ok(&format!("{users_path}/{carol}/scopes")).await,
        json!([])
    );

    // PUT roles replaces; DELETE one role; missing pair → 404.
    let status = app
        .status_of(
            Method::PUT,
            &alice_roles,
            json!({ "organizationRoleNames": ["admin"] }),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(field(&app.get_ok(&alice_roles).await, "name"), ["admin"]);
    let (status, _) = app.delete(&format!("{alice_roles}/{admin}")).await;
    assert_eq!(status, 204);
    let (status, body) = app.delete(&format!("{alice_roles}/{admin}")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_found"))
    );
    let status = app
        .status_of(
            Method::PUT,
            &alice_roles,
            json!({ "organizationRoleIds": [admin, viewer] }),
        )
        .await;
    assert_eq!(status, 204);

    // PUT members: survivors keep their roles, departing ones lose them, new ones join.
    let status = app
        .status_of(
            Method::PUT,
            &users_path,
            json!({ "userIds": [alice, carol, carol] }),
        )
        .await;
    assert_eq!(status, 204);
    let list = app.get_ok(&users_path).await;
    assert_eq!(sorted(&field(&list, "id")), sorted(&[&alice, &carol]));
    assert_eq!(role_names(by_id(&list, &alice)), ["admin", "viewer"]);
    app.create(&users_path, json!({ "userIds": [bob] })).await;
    assert_eq!(
        app.get_ok(&format!("{users_path}/{bob}/roles")).await,
        json!([])
    );

    // The user's organizations.
    let other = app.create_org("Other").await;
    let other_id = other["id"].as_str().unwrap();
    app.create(
        &format!("/organizations/{other_id}/users"),
        json!({ "userIds": [alice] }),
    )
    .await;
    let patch = json!({ "customData": { "plan": "pro", "seats": [1, 2] }, "isMfaRequired": true });
    let (status, _) = app
        .api_json(Method::PATCH, &format!("/organizations/{org_id}"), &patch)
        .await;
    assert_eq!(status, 200);
    let orgs = app.get_ok(&format!("/users/{alice}/organizations")).await;
    assert_eq!(field(&orgs, "name"), ["Acme", "Other"]);
    assert_eq!(role_names(&orgs[0]), ["admin", "viewer"]);
    assert_eq!(orgs[1]["organizationRoles"], json!([]));
    // The database builds this document; it must be exactly the organization's wire shape.
    let mut expected = app.get_ok(&format!("/organizations/{org_id}")).await;
    expected["organizationRoles"] = orgs[0]["organizationRoles"].clone();
    assert_eq!(orgs[0], expected);
    assert_eq!(orgs[0]["isMfaRequired"], true);
    assert_eq!(orgs[1]["isMfaRequired"], false);
    let (status, body) = app.api_get("/users/nope/organizations").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );

    // The featured list shows real counts.
    let featured = app.get_ok("/organizations?showFeatured=true").await;
    assert_eq!(featured[0]["usersCount"], 3);
    assert_eq!(featured[1]["usersCount"], 1);

    // Cascades: deleting a role removes it from members; removing a member removes its roles;
    // deleting the organization removes every membership.
    let (status, _) = app.delete(&format!("/organization-roles/{admin}")).await;
    assert_eq!(status, 204);
    assert_eq!(field(&app.get_ok(&alice_roles).await, "name"), ["viewer"]);
    let (status, _) = app.delete(&format!("{users_path}/{alice}")).await;
    assert_eq!(status, 204);
    let (status, body) = app.delete(&format!("{users_path}/{alice}")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_found"))
    );
    app.create(&users_path, json!({ "userIds": [alice] })).await;
    assert_eq!(app.get_ok(&alice_roles).await, json!([]));
    let (status, _) = app.delete(&format!("/organizations/{org_id}")).await;
    assert_eq!(status, 204);
    let orgs = app.get_ok(&format!("/users/{alice}/organizations")).await;
    assert_eq!(field(&orgs, "name"), ["Other"]);

    // PUT with an empty list removes everyone.
    let status = app
        .status_of(
            Method::PUT,
            &format!("/organizations/{other_id}/users"),
            json!({ "userIds": [] }),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(
        app.get_ok(&format!("/users/{alice}/organizations")).await,
        json!([])
    );
}
