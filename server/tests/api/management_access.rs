//! Tenant-wide administration stays out of organizations' reach, and the built-in Management
//! API access cannot be destroyed through the API (and comes back at start-up if the database
//! lost it).

use reqwest::Method;
use serde_json::{Value, json};
use server::storage::DEFAULT_TENANT;
use server::storage::relations::{ORGANIZATION_ROLE_RESOURCE_SCOPES, ROLE_SCOPES};

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, Backend, MANAGEMENT_API, TestApp, read, spawn_app};
use crate::people::*;

const ALL: &str = "management-api-all";
const CODE: &str = "organization_role.management_api_scopes_not_assignable";

/// `client_credentials` for the Management API with `scope=all`, in an organization's context.
async fn management_token_in(app: &TestApp, id: &str, secret: &str, org_id: &str) -> (u16, Value) {
    let form = [
        ("organization_id", org_id),
        ("resource", MANAGEMENT_API),
        ("scope", "all"),
    ];
    client_credentials(app, id, secret, &form).await
}

async fn client_credentials(
    app: &TestApp,
    id: &str,
    secret: &str,
    form: &[(&str, &str)],
) -> (u16, Value) {
    let mut fields = vec![("grant_type", "client_credentials")];
    fields.extend_from_slice(form);
    read(app.post_token(Some((id, secret)), &fields).await).await
}

async fn get_users_with(app: &TestApp, token: &str) -> u16 {
    app.client
        .get(app.url("/api/users"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// An organization with a machine-to-machine app as a member holding `role`; returns the org
/// id and the app's id and secret. The app has no Management API access of its own.
async fn member_app(app: &TestApp, role: &str) -> (String, String, String) {
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap().to_string();
    let robot = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let id = robot["id"].as_str().unwrap().to_string();
    let secret = robot["secret"].as_str().unwrap().to_string();
    let path = format!("/organizations/{org_id}/applications");
    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "applicationIds": [id] }))
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .api_json(
            Method::POST,
            &format!("{path}/{id}/roles"),
            &json!({ "organizationRoleIds": [role] }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    (org_id, id, secret)
}

both_backends!(
    organization_roles_never_hold_management_permissions,
    organization_roles_never_hold_management_permissions_impl
);
async fn organization_roles_never_hold_management_permissions_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // On create, for either role type.
    for role_type in ["User", "MachineToMachine"] {
        let body = json!({ "name": format!("admin-{role_type}"), "type": role_type,
                           "resourceScopeIds": [ALL] });
        let code = app
            .error_code(Method::POST, "/organization-roles", body, 422)
            .await;
        assert_eq!(code, CODE);
    }
    let (_, roles) = app.api_get("/organization-roles").await;
    assert_eq!(roles, json!([]), "nothing half-written");

    // On every relation route.
    let role = app
        .create(
            "/organization-roles",
            json!({ "name": "machine", "type": "MachineToMachine" }),
        )
        .await;
    let role_id = role["id"].as_str().unwrap();
    let path = format!("/organization-roles/{role_id}/resource-scopes");
    for method in [Method::POST, Method::PUT] {
        let code = app
            .error_code(method, &path, json!({ "scopeIds": [ALL] }), 422)
            .await;
        assert_eq!(code, CODE);
    }
    let (status, held) = app.api_get(&path).await;
    assert_eq!((status, held), (200, json!([])));

    // An app that is a member with that role gets no Management API permission.
    let (org_id, id, secret) = member_app(&app, role_id).await;
    let (status, body) = management_token_in(&app, &id, &secret, &org_id).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "");
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(get_users_with(&app, token).await, 401);
}

both_backends!(
    management_api_refuses_organization_tokens,
    management_api_refuses_organization_tokens_impl
);
/// Even where a role holds `all` (rows written before the rule, or by hand), a token issued in
/// an organization's context is refused: 401, whatever its scope.
async fn management_api_refuses_organization_tokens_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let now = app.state.clock.now_ms();
    let role = app
        .create(
            "/organization-roles",
            json!({ "name": "machine", "type": "MachineToMachine" }),
        )
        .await;
    let role_id = role["id"].as_str().unwrap().to_string();
    app.store
        .relation_add(
            &ORGANIZATION_ROLE_RESOURCE_SCOPES,
            DEFAULT_TENANT,
            &[&role_id],
            &[ALL.to_string()],
            now,
        )
        .await
        .unwrap();
    let (org_id, id, secret) = member_app(&app, &role_id).await;
    let (status, body) = management_token_in(&app, &id, &secret, &org_id).await;
    assert_eq!(status, 200, "{body}");
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(get_users_with(&app, token).await, 401);

    // The same for a person's organization token through refresh_token + organization_id.
    let user_role = app
        .create("/organization-roles", json!({ "name": "people" }))
        .await;
    let user_role_id = user_role["id"].as_str().unwrap().to_string();
    app.store
        .relation_add(
            &ORGANIZATION_ROLE_RESOURCE_SCOPES,
            DEFAULT_TENANT,
            &[&user_role_id],
            &[ALL.to_string()],
            now,
        )
        .await
        .unwrap();
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user_id = create_user(&app, "mallory").await;
    let path = format!("/organizations/{org_id}/users");
    let (status, _) = app
        .api_json(Method::POST, &path, &json!({ "userIds": [user_id] }))
        .await;
    assert_eq!(status, 201);
    let (status, _) = app
        .api_json(
            Method::POST,
            &format!("{path}/{user_id}/roles"),
            &json!({ "organizationRoleIds": [user_role_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let code = sign_in_for_code(
        &app,
        &browser(),
        &client_id,
        "mallory",
        &format!("{ORG_SCOPES} all"),
        &[("resource", MANAGEMENT_API)],
    )
    .await;
    let (status, tokens) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let rt = tokens["refresh_token"].as_str().unwrap();
    let (status, body) = refresh(
        &app,
        &client_id,
        rt,
        &[("organization_id", &org_id), ("resource", MANAGEMENT_API)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        get_users_with(&app, body["access_token"].as_str().unwrap()).await,
        401
    );
}

both_backends!(
    built_in_access_is_protected,
    built_in_access_is_protected_impl
);
async fn built_in_access_is_protected_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let refused = [
        (
            Method::DELETE,
            format!("/roles/management-api-access/scopes/{ALL}"),
            400,
        ),
        (
            Method::DELETE,
            "/roles/management-api-access".to_string(),
            400,
        ),
        (Method::DELETE, "/resources/management-api".to_string(), 400),
        (
            Method::DELETE,
            format!("/resources/management-api/scopes/{ALL}"),
            400,
        ),
        (
            Method::PATCH,
            format!("/resources/management-api/scopes/{ALL}"),
            400,
        ),
        // The bootstrap credential is the environment's: the API cannot lock it out.
        (Method::DELETE, format!("/applications/{BOOTSTRAP_ID}"), 400),
        (
            Method::DELETE,
            format!("/roles/management-api-access/applications/{BOOTSTRAP_ID}"),
            400,
        ),
    ];
    for (method, path, expected) in refused {
        let status = app
            .status_of(method.clone(), &path, json!({ "name": "x" }))
            .await;
        assert_eq!(status, expected, "{method} {path}");
    }
    // A user role never gets Management API permissions (as Logto).
    let code = app
        .error_code(
            Method::POST,
            "/roles",
            json!({ "name": "people", "description": "d", "scopeIds": [ALL] }),
            400,
        )
        .await;
    assert_eq!(
        code,
        "role.management_api_scopes_not_assignable_to_user_role"
    );
    // Everything still works.
    let (_, body) = read(app.bootstrap_token("all").await).await;
    assert_eq!(body["scope"], "all", "{body}");
    let (status, scopes) = app.api_get("/roles/management-api-access/scopes").await;
    assert_eq!(status, 200);
    assert_eq!(scopes[0]["id"], ALL);
}

both_backends!(
    start_up_restores_built_in_access,
    start_up_restores_built_in_access_impl
);
/// Rows removed behind the API's back (by hand, or by a release that allowed it) come back at
/// the next start, so the bootstrap credential works again.
async fn start_up_restores_built_in_access_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // Another role has taken the built-in role's name meanwhile (renamed first, as the API
    // allows), and then the built-in row goes.
    let (status, _) = app
        .api_json(
            Method::PATCH,
            "/roles/management-api-access",
            &json!({ "name": "renamed" }),
        )
        .await;
    assert_eq!(status, 200);
    app.create(
        "/roles",
        json!({ "name": "Logto Management API access", "description": "squat" }),
    )
    .await;
    let removed = app
        .store
        .relation_remove(
            &ROLE_SCOPES,
            DEFAULT_TENANT,
            &["management-api-access"],
            ALL,
        )
        .await
        .unwrap();
    assert!(removed);
    let (_, body) = read(app.bootstrap_token("all").await).await;
    assert_eq!(body["scope"], "", "the lockout this guards against: {body}");
    assert!(
        app.store
            .role_delete(DEFAULT_TENANT, "management-api-access")
            .await
            .unwrap()
    );

    let restarted = app.replica().await;
    let (status, body) = read(restarted.bootstrap_token("all").await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "all", "{body}");
    let (status, apps) = restarted
        .api_get("/roles/management-api-access/applications")
        .await;
    assert_eq!(status, 200, "{apps}");
    assert!(
        apps.as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == BOOTSTRAP_ID),
        "bootstrap app holds the restored role: {apps}"
    );
    let (_, role) = restarted.api_get("/roles/management-api-access").await;
    assert_eq!(role["name"], "Logto Management API access (built-in)");
}
