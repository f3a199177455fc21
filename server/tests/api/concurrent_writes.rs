//! Several writers at once on the replace and insert routes: every request gets an answer a
//! client can act on, never a 5xx (SQLite used to fail a transaction at once with "database is
//! locked" when another writer committed between its read and its write).

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};

const WRITERS: usize = 8;
const RUN_FOR: Duration = Duration::from_secs(3);

struct Fixture {
    org: String,
    users: Vec<String>,
    apps: Vec<String>,
    role: String,
    scopes: Vec<String>,
    resource_scopes: Vec<String>,
}

async fn id_of(app: &TestApp, path: &str, body: Value) -> String {
    app.create(path, body).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn fixture(app: &TestApp) -> Fixture {
    let org = app.create_org("Busy").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut users = Vec::new();
    let mut apps = Vec::new();
    let mut scopes = Vec::new();
    let mut resource_scopes = Vec::new();
    let resource = id_of(
        app,
        "/resources",
        json!({ "name": "Busy", "indicator": "https://busy.example/api" }),
    )
    .await;
    for i in 0..4 {
        users.push(id_of(app, "/users", json!({ "username": format!("busy{i}") })).await);
        apps.push(
            id_of(
                app,
                "/applications",
                json!({ "name": format!("Robot {i}"), "type": "MachineToMachine" }),
            )
            .await,
        );
        scopes.push(
            id_of(
                app,
                "/organization-scopes",
                json!({ "name": format!("s{i}") }),
            )
            .await,
        );
        resource_scopes.push(
            id_of(
                app,
                &format!("/resources/{resource}/scopes"),
                json!({ "name": format!("api:{i}") }),
            )
            .await,
        );
    }
    let role = id_of(app, "/organization-roles", json!({ "name": "busy" })).await;
    Fixture {
        org,
        users,
        apps,
        role,
        scopes,
        resource_scopes,
    }
}

/// The `n`th request of writer `w`: a replace with a varying subset, or an insert.
fn request(f: &Fixture, w: usize, n: usize) -> (Method, String, Value) {
    let pick = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .enumerate()
            .filter(|(i, _)| !(n + w + i).is_multiple_of(3))
            .map(|(_, id)| id.clone())
            .collect()
    };
    let org = &f.org;
    match (w + n) % 7 {
        0 => (
            Method::PUT,
            format!("/organizations/{org}/users"),
            json!({ "userIds": pick(&f.users) }),
        ),
        1 => (
            Method::PUT,
            format!("/organizations/{org}/applications"),
            json!({ "applicationIds": pick(&f.apps) }),
        ),
        2 => (
            Method::PUT,
            format!("/organizations/{org}/jit/email-domains"),
            json!({ "emailDomains": [format!("w{w}.example"), format!("n{}.example", n % 5)] }),
        ),
        3 => (
            Method::PUT,
            format!("/organization-roles/{}/scopes", f.role),
            json!({ "organizationScopeIds": pick(&f.scopes) }),
        ),
        4 => (
            Method::PUT,
            format!("/organization-roles/{}/resource-scopes", f.role),
            json!({ "scopeIds": pick(&f.resource_scopes) }),
        ),
        5 => (
            Method::POST,
            "/organizations".to_string(),
            json!({ "name": format!("org {w}-{n}") }),
        ),
        _ => (
            Method::POST,
            "/users".to_string(),
            json!({ "username": format!("u{w}x{n}") }),
        ),
    }
}

both_backends!(
    no_server_errors_under_concurrent_writers,
    no_server_errors_under_concurrent_writers_impl
);
async fn no_server_errors_under_concurrent_writers_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let fixture = Arc::new(fixture(&app).await);
    let app = Arc::new(app);
    let started = Instant::now();
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (app, fixture) = (app.clone(), fixture.clone());
        writers.push(tokio::spawn(async move {
            let mut answers = Vec::new();
            let mut n = 0;
            while started.elapsed() < RUN_FOR {
                let (method, path, body) = request(&fixture, w, n);
                let res = app
                    .api(method.clone(), &path)
                    .await
                    .json(&body)
                    .send()
                    .await;
                let status = res.map(|r| r.status().as_u16()).unwrap_or(0);
                answers.push((status, format!("{method} {path}")));
                n += 1;
            }
            answers
        }));
    }
    let mut total = 0;
    let mut failed = Vec::new();
    for writer in writers {
        for (status, request) in writer.await.unwrap() {
            total += 1;
            if !(200..500).contains(&status) {
                failed.push((status, request));
            }
        }
    }
    assert!(
        total > WRITERS * 10,
        "too few requests to mean anything: {total}"
    );
    let count = failed.len();
    failed.truncate(20);
    assert!(count == 0, "{count} of {total} failed, first: {failed:?}");
    // The last replace of each relation left one consistent state behind.
    let (status, users) = app
        .api_get(&format!("/organizations/{}/users", fixture.org))
        .await;
    assert_eq!(status, 200, "{users}");
}
