//! Machine-to-machine applications in organizations (Logto's
//! `packages/core/src/routes/organization/application/`) and their organization tokens
//! (`packages/core/src/oidc/grants/client-credentials.ts`): membership and role type rules, and
//! tokens verified against `/oidc/jwks`.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, field, read, spawn_app, verify_jwt};

const REPORTS_API: &str = "https://reports.example/api";

/// Creates an application; returns `(id, secret)`.
async fn application(app: &TestApp, name: &str, kind: &str) -> (String, Option<String>) {
    let created = app
        .create("/applications", json!({ "name": name, "type": kind }))
        .await;
    (
        created["id"].as_str().unwrap().to_string(),
        created["secret"].as_str().map(str::to_string),
    )
}

async fn token(app: &TestApp, id: &str, secret: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let mut fields = vec![("grant_type", "client_credentials")];
    fields.extend_from_slice(form);
    read(app.post_token(Some((id, secret)), &fields).await).await
}

both_backends!(
    organization_application_routes,
    organization_application_routes_impl
);
async fn organization_application_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap();
    let apps_path = format!("/organizations/{org_id}/applications");
    let (robot, _) = application(&app, "Robot", "MachineToMachine").await;
    let (spa, _) = application(&app, "Web", "SPA").await;
    let machine = app
        .create(
            "/organization-roles",
            json!({ "name": "machine", "type": "MachineToMachine" }),
        )
        .await;
    let machine_id = machine["id"].as_str().unwrap();
    let human = app
        .create("/organization-roles", json!({ "name": "human" }))
        .await;
    let human_id = human["id"].as_str().unwrap();

    // Only M2M apps can be members; POST answers 201 with no body.
    let (status, body) = app
        .api_json(
            Method::POST,
            &apps_path,
            &json!({ "applicationIds": [robot] }),
        )
        .await;
    assert_eq!((status, body), (201, Value::Null));
    let code = app
        .error_code(
            Method::POST,
            &apps_path,
            json!({ "applicationIds": [spa] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let code = app
        .error_code(
            Method::POST,
            &apps_path,
            json!({ "applicationIds": ["nope"] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    let code = app
        .error_code(
            Method::POST,
            &apps_path,
            json!({ "applicationIds": [] }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");

    // Roles: M2M only, members only, PUT never empty.
    let robot_roles = format!("{apps_path}/{robot}/roles");
    let status = app
        .status_of(
            Method::POST,
            &robot_roles,
            json!({ "organizationRoleIds": [machine_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let code = app
        .error_code(
            Method::POST,
            &robot_roles,
            json!({ "organizationRoleIds": [human_id] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let code = app
        .error_code(
            Method::PUT,
            &robot_roles,
            json!({ "organizationRoleIds": [] }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");
    let code = app
        .error_code(
            Method::GET,
            &format!("{apps_path}/{spa}/roles"),
            Value::Null,
            422,
        )
        .await;
    assert_eq!(code, "organization.require_membership");
    let roles = app.get_ok(&robot_roles).await;
    assert_eq!(field(&roles, "name"), ["machine"]);

    // The list carries the app's roles and never a secret.
    let res = app.api(Method::GET, &apps_path).await.send().await.unwrap();
    assert_eq!(res.headers()["total-number"], "1");
    let (_, list) = read(res).await;
    assert_eq!(field(&list, "id"), [robot.as_str()]);
    assert_eq!(field(&list[0]["organizationRoles"], "name"), ["machine"]);
    assert!(list[0].get("secret").is_none());
    assert_eq!(
        app.get_ok(&format!("{apps_path}?q=nobody")).await,
        json!([])
    );

    // The app's organizations, and the candidate list for the "add" dialog.
    let orgs = app
        .get_ok(&format!("/applications/{robot}/organizations"))
        .await;
    assert_eq!(field(&orgs, "id"), [org_id]);
    assert_eq!(field(&orgs[0]["organizationRoles"], "name"), ["machine"]);
    let (status, _) = app.api_get("/applications/nope/organizations").await;
    assert_eq!(status, 404);
    let candidates = app
        .get_ok(&format!(
            "/applications?types=MachineToMachine&excludeOrganizationId={org_id}"
        ))
        .await;
    assert!(!field(&candidates, "id").contains(&robot.as_str()));

    // Removing a role, then the membership (roles go with it).
    assert_eq!(
        app.delete(&format!("{robot_roles}/{machine_id}")).await.0,
        204
    );
    let status = app
        .status_of(
            Method::PUT,
            &robot_roles,
            json!({ "organizationRoleIds": [machine_id] }),
        )
        .await;
    assert_eq!(status, 204);
    let status = app
        .status_of(Method::PUT, &apps_path, json!({ "applicationIds": [] }))
        .await;
    assert_eq!(status, 204);
    assert_eq!(app.get_ok(&apps_path).await, json!([]));
    app.create(&apps_path, json!({ "applicationIds": [robot] }))
        .await;
    assert_eq!(app.get_ok(&robot_roles).await, json!([]));
}

both_backends!(organization_tokens_for_machines, organization_tokens_impl);
async fn organization_tokens_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap();
    let audience = format!("urn:logto:organization:{org_id}");
    let (robot, secret) = application(&app, "Robot", "MachineToMachine").await;
    let secret = secret.unwrap();
    let read_scope = app
        .create("/organization-scopes", json!({ "name": "read:docs" }))
        .await;
    let write_scope = app
        .create("/organization-scopes", json!({ "name": "write:docs" }))
        .await;
    let reports = app
        .create(
            "/resources",
            json!({ "name": "Reports", "indicator": REPORTS_API }),
        )
        .await;
    let export = app
        .create(
            &format!("/resources/{}/scopes", reports["id"].as_str().unwrap()),
            json!({ "name": "export" }),
        )
        .await;
    let role = app
        .create(
            "/organization-roles",
            json!({
                "name": "reader",
                "type": "MachineToMachine",
                "organizationScopeIds": [read_scope["id"]],
                "resourceScopeIds": [export["id"]],
            }),
        )
        .await;
    let role_id = role["id"].as_str().unwrap();
    let org_form = [
        ("organization_id", org_id),
        ("scope", "read:docs write:docs"),
    ];

    // Not a member → 403 access_denied (also for an unknown organization).
    for form in [
        org_form.to_vec(),
        vec![("organization_id", "nope")],
        vec![
            ("organization_id", org_id),
            ("resource", "https://default.logto.app/api"),
        ],
        vec![("organization_id", org_id), ("resource", "https://unknown")],
    ] {
        let (status, body) = token(&app, &robot, &secret, &form).await;
        assert_eq!(status, 403, "{body}");
        assert_eq!(body["error"], "access_denied");
        assert_eq!(
            body["error_description"],
            "app has not associated with the organization"
        );
    }

    // The client is authenticated before membership is looked at, with the same answers as
    // without `organization_id`: a wrong secret or an unknown client → 401, a web app → 400.
    let (status, body) = token(&app, &robot, "wrong-secret", &org_form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, body) = token(&app, "no-such-app", &secret, &org_form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (web, web_secret) = application(&app, "Web", "Traditional").await;
    let (status, body) = token(&app, &web, &web_secret.unwrap(), &org_form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unauthorized_client"))
    );

    // A member without roles gets an organization token with no scopes.
    app.create(
        &format!("/organizations/{org_id}/applications"),
        json!({ "applicationIds": [robot] }),
    )
    .await;
    let (status, body) = token(&app, &robot, &secret, &org_form).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "");
    assert_eq!(body["expires_in"], 3600);
    let claims = verify_jwt(&app, body["access_token"].as_str().unwrap(), &audience).await;
    assert_eq!(claims["scope"], "");
    assert_eq!(claims["sub"], robot.as_str());
    assert_eq!(claims["client_id"], robot.as_str());

    // Roles are read live: the next token carries the role's permissions ∩ requested.
    let status = app
        .status_of(
            Method::POST,
            &format!("/organizations/{org_id}/applications/{robot}/roles"),
            json!({ "organizationRoleIds": [role_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, body) = token(&app, &robot, &secret, &org_form).await;
    assert_eq!(body["scope"], "read:docs");
    let claims = verify_jwt(&app, body["access_token"].as_str().unwrap(), &audience).await;
    assert_eq!(claims["scope"], "read:docs");
    assert!(claims.get("organization_id").is_none());
    // No scope requested → none granted.
    let (_, body) = token(&app, &robot, &secret, &[("organization_id", org_id)]).await;
    assert_eq!(body["scope"], "");
    // A permission two roles hold is granted once.
    let editor = app
        .create(
            "/organization-roles",
            json!({
                "name": "editor",
                "type": "MachineToMachine",
                "organizationScopeIds": [read_scope["id"], write_scope["id"]],
            }),
        )
        .await;
    let status = app
        .status_of(
            Method::POST,
            &format!("/organizations/{org_id}/applications/{robot}/roles"),
            json!({ "organizationRoleIds": [editor["id"]] }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, body) = token(&app, &robot, &secret, &org_form).await;
    assert_eq!(body["scope"], "read:docs write:docs");
    let status = app
        .status_of(
            Method::DELETE,
            &format!(
                "/organizations/{org_id}/applications/{robot}/roles/{}",
                editor["id"].as_str().unwrap()
            ),
            json!({}),
        )
        .await;
    assert_eq!(status, 204);

    // With a resource: an API token carrying organization_id, scopes from the org roles.
    let (status, body) = token(
        &app,
        &robot,
        &secret,
        &[
            ("organization_id", org_id),
            ("resource", REPORTS_API),
            ("scope", "export"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "export");
    let claims = verify_jwt(&app, body["access_token"].as_str().unwrap(), REPORTS_API).await;
    assert_eq!(claims["organization_id"], org_id);
    assert_eq!(claims["scope"], "export");
    let (status, body) = token(
        &app,
        &robot,
        &secret,
        &[("organization_id", org_id), ("resource", "https://unknown")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_target"))
    );

    // Leaving the organization takes effect on the next request.
    let (status, _) = app
        .delete(&format!("/organizations/{org_id}/applications/{robot}"))
        .await;
    assert_eq!(status, 204);
    let (status, _) = token(&app, &robot, &secret, &org_form).await;
    assert_eq!(status, 403);
}
