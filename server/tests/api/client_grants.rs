//! Organization tokens for machines come from grants each replica keeps in memory: a change
//! through the same replica applies to the very next token, a change through another replica
//! (seen through the database's grants revision) within a bounded time.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, read, spawn_app, spawn_app_with};

/// An organization with a machine-to-machine member holding a role with two permissions.
struct Setup {
    org_id: String,
    robot: String,
    secret: String,
    role_id: String,
    write_scope_id: String,
}

async fn setup(app: &TestApp) -> Setup {
    let org = app.create_org("Acme").await;
    let robot = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let read_scope = app
        .create("/organization-scopes", json!({ "name": "read:docs" }))
        .await;
    let write_scope = app
        .create("/organization-scopes", json!({ "name": "write:docs" }))
        .await;
    let role = app
        .create(
            "/organization-roles",
            json!({
                "name": "editor",
                "type": "MachineToMachine",
                "organizationScopeIds": [read_scope["id"], write_scope["id"]],
            }),
        )
        .await;
    let setup = Setup {
        org_id: org["id"].as_str().unwrap().into(),
        robot: robot["id"].as_str().unwrap().into(),
        secret: robot["secret"].as_str().unwrap().into(),
        role_id: role["id"].as_str().unwrap().into(),
        write_scope_id: write_scope["id"].as_str().unwrap().into(),
    };
    let path = format!("/organizations/{}/applications", setup.org_id);
    let body = json!({ "applicationIds": [setup.robot] });
    assert_eq!(app.status_of(Method::POST, &path, body).await, 201);
    let path = format!(
        "/organizations/{}/applications/{}/roles",
        setup.org_id, setup.robot
    );
    let body = json!({ "organizationRoleIds": [setup.role_id] });
    assert_eq!(app.status_of(Method::POST, &path, body).await, 201);
    setup
}

/// The organization token's outcome: the granted scope, or the error code.
async fn outcome(app: &TestApp, s: &Setup) -> String {
    let form = [
        ("grant_type", "client_credentials"),
        ("organization_id", s.org_id.as_str()),
        ("scope", "read:docs write:docs"),
    ];
    let (status, body) = read(app.post_token(Some((&s.robot, &s.secret)), &form).await).await;
    match status {
        200 => body["scope"].as_str().unwrap().to_string(),
        _ => format!("{status} {}", body["error"].as_str().unwrap_or_default()),
    }
}

/// Asks until an answer comes from the replica's memory (after its first poll, once the grant
/// was kept), so that the change that follows has something to undo.
async fn warm(app: &TestApp, s: &Setup, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let hits = app.state.client_grants.hits();
        assert_eq!(outcome(app, s).await, expected);
        if app.state.client_grants.hits() > hits {
            return;
        }
        assert!(Instant::now() < deadline, "no answer came from memory");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Asks `app` until the outcome is `expected`; returns how long that took.
async fn converges(app: &TestApp, s: &Setup, expected: &str) -> Duration {
    let began = Instant::now();
    loop {
        let got = outcome(app, s).await;
        if got == expected {
            return began.elapsed();
        }
        assert!(
            began.elapsed() < Duration::from_secs(5),
            "still `{got}`, expected `{expected}`"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

both_backends!(same_replica_changes_apply_at_once, same_replica_impl);
async fn same_replica_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let s = setup(&app).await;
    warm(&app, &s, "read:docs write:docs").await;

    // Each change is seen by the very next token, with no wait.
    let path = format!(
        "/organization-roles/{}/scopes/{}",
        s.role_id, s.write_scope_id
    );
    assert_eq!(app.delete(&path).await.0, 204);
    assert_eq!(outcome(&app, &s).await, "read:docs");

    warm(&app, &s, "read:docs").await;
    let path = format!("/organization-scopes/{}", s.write_scope_id);
    let scopes = app.get_ok("/organization-scopes?q=read").await;
    let read_id = scopes[0]["id"].as_str().unwrap().to_string();
    assert_eq!(app.delete(&path).await.0, 204);
    let renamed = json!({ "name": "read:all" });
    let path = format!("/organization-scopes/{read_id}");
    assert_eq!(app.api_json(Method::PATCH, &path, &renamed).await.0, 200);
    assert_eq!(outcome(&app, &s).await, "");

    warm(&app, &s, "").await;
    let path = format!("/organizations/{}/applications/{}", s.org_id, s.robot);
    assert_eq!(app.delete(&path).await.0, 204);
    assert_eq!(outcome(&app, &s).await, "403 access_denied");

    let path = format!("/applications/{}", s.robot);
    assert_eq!(app.delete(&path).await.0, 204);
    assert_eq!(outcome(&app, &s).await, "401 invalid_client");
}

both_backends!(other_replicas_follow_within_a_bound, other_replica_impl);
async fn other_replica_impl(backend: Backend) {
    let Some(a) = spawn_app(backend).await else {
        return;
    };
    let b = a.replica().await;
    let s = setup(&a).await;
    let bound = b.state.client_grants.max_staleness() + Duration::from_secs(1);
    let mut slowest = Duration::ZERO;

    // Changes made through `a` reach `b` through the database's revision: a permission taken
    // from the role, a role taken from the app, the membership, and an organization deleted
    // (its memberships go by cascade).
    warm(&b, &s, "read:docs write:docs").await;
    let path = format!(
        "/organization-roles/{}/scopes/{}",
        s.role_id, s.write_scope_id
    );
    assert_eq!(a.delete(&path).await.0, 204);
    slowest = slowest.max(converges(&b, &s, "read:docs").await);

    warm(&b, &s, "read:docs").await;
    let path = format!(
        "/organizations/{}/applications/{}/roles/{}",
        s.org_id, s.robot, s.role_id
    );
    assert_eq!(a.delete(&path).await.0, 204);
    slowest = slowest.max(converges(&b, &s, "").await);

    warm(&b, &s, "").await;
    let path = format!("/organizations/{}/applications/{}", s.org_id, s.robot);
    assert_eq!(a.delete(&path).await.0, 204);
    slowest = slowest.max(converges(&b, &s, "403 access_denied").await);

    let path = format!("/organizations/{}/applications", s.org_id);
    let body = json!({ "applicationIds": [s.robot] });
    assert_eq!(a.status_of(Method::POST, &path, body).await, 201);
    slowest = slowest.max(converges(&b, &s, "").await);
    warm(&b, &s, "").await;
    let path = format!("/organizations/{}", s.org_id);
    assert_eq!(a.delete(&path).await.0, 204);
    slowest = slowest.max(converges(&b, &s, "403 access_denied").await);

    assert!(
        slowest < bound,
        "a change took {slowest:?} to reach the other replica"
    );
}

both_backends!(changes_made_outside_the_api_are_seen, outside_the_api_impl);
async fn outside_the_api_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let s = setup(&app).await;
    warm(&app, &s, "read:docs write:docs").await;
    // Straight into the database, as an operator's script would: only the database's
    // triggers can tell the replica.
    let removed = app
        .outside_store()
        .await
        .relation_remove(
            &server::storage::relations::ORGANIZATION_APPLICATIONS,
            server::storage::DEFAULT_TENANT,
            &[&s.org_id],
            &s.robot,
        )
        .await
        .expect("membership removed");
    assert!(removed);
    let took = converges(&app, &s, "403 access_denied").await;
    let bound = app.state.client_grants.max_staleness() + Duration::from_secs(1);
    assert!(took < bound, "the change took {took:?} to be seen");
}

both_backends!(this_replicas_store_writes_apply_at_once, store_writes_impl);
/// Whoever calls the storage layer on this replica (the Management API, the console, a sign-in
/// flow), the write counts at commit: with polling too slow to notice anything, the very next
/// token sees each change.
async fn store_writes_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.oidc.client_grants_poll_ms = 600_000).await
    else {
        return;
    };
    let s = setup(&app).await;
    let tenant = server::storage::DEFAULT_TENANT;
    use server::storage::relations::{ORGANIZATION_APPLICATIONS, ORGANIZATION_ROLE_SCOPES};

    warm(&app, &s, "read:docs write:docs").await;
    let role = [s.role_id.as_str()];
    let removed = app
        .store
        .relation_remove(&ORGANIZATION_ROLE_SCOPES, tenant, &role, &s.write_scope_id)
        .await
        .unwrap();
    assert!(removed);
    assert_eq!(outcome(&app, &s).await, "read:docs");

    warm(&app, &s, "read:docs").await;
    let org = [s.org_id.as_str()];
    let removed = app
        .store
        .relation_remove(&ORGANIZATION_APPLICATIONS, tenant, &org, &s.robot)
        .await
        .unwrap();
    assert!(removed);
    assert_eq!(outcome(&app, &s).await, "403 access_denied");

    // A write that changes nothing cached leaves what is kept in use.
    let robot = [s.robot.clone()];
    app.store
        .relation_add(&ORGANIZATION_APPLICATIONS, tenant, &org, &robot, 0)
        .await
        .unwrap();
    warm(&app, &s, "").await;
    let hits = app.state.client_grants.hits();
    app.store
        .config_set(tenant, "unrelated", "{}")
        .await
        .unwrap();
    assert_eq!(outcome(&app, &s).await, "");
    assert_eq!(app.state.client_grants.hits(), hits + 1);

    assert!(
        app.store
            .application_delete(tenant, &s.robot)
            .await
            .unwrap()
    );
    assert_eq!(outcome(&app, &s).await, "401 invalid_client");
}

both_backends!(console_deletes_apply_at_once, console_deletes_impl);
async fn console_deletes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let s = setup(&app).await;
    let console = |endpoint: &'static str, form: Vec<(&'static str, String)>| {
        let request = app
            .client
            .post(app.url(&format!("/console/fn/{endpoint}")))
            .header("origin", app.address.clone())
            .form(&form);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    let admin = vec![
        ("username", "root".to_string()),
        ("password", "longenough1".to_string()),
        ("password_confirm", "longenough1".to_string()),
    ];
    assert!(console("create_first_admin", admin).await < 400);

    // The console deletes organizations and apps without the Management API router.
    warm(&app, &s, "read:docs write:docs").await;
    let org = vec![("id", s.org_id.clone())];
    assert_eq!(console("delete_organization", org).await, 200);
    assert_eq!(outcome(&app, &s).await, "403 access_denied");

    let other = app.create_org("Other").await;
    let s = Setup {
        org_id: other["id"].as_str().unwrap().into(),
        ..s
    };
    let path = format!("/organizations/{}/applications", s.org_id);
    let body = json!({ "applicationIds": [s.robot] });
    assert_eq!(app.status_of(Method::POST, &path, body).await, 201);
    warm(&app, &s, "").await;
    let robot = vec![("id", s.robot.clone())];
    assert_eq!(console("delete_application", robot).await, 200);
    assert_eq!(outcome(&app, &s).await, "401 invalid_client");
}
