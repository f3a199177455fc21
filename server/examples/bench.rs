//! Benchmark of the hot paths named in the organization issue, against the real server on
//! loopback with a fresh database:
//! - `GET /api/organizations/:id/users` (page of 20) for an organization with 100,000 members,
//!   each holding a role;
//! - `GET /api/organizations?showFeatured=true`, a page holding the 100,000-member organization;
//! - `GET /api/users/:id/organizations` for a user in 1,000 organizations, unchanged between
//!   reads (the replica's copy is current) and changed before every read (the list is built);
//! - `client_credentials` organization-token issuance under concurrent load.
//!
//! `cargo run --release -p server --example bench -- sqlite|postgres [members] [seconds]`
//! (PostgreSQL: `BENCH_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/test`; a
//! database `tessera_bench_*` is created and dropped). See `scripts/bench.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::report;

/// The server binary's allocator, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use server::config::Settings;
use server::domain::ids;
use server::startup::Application;
use server::storage::relations::{
    ORGANIZATION_APPLICATION_ROLES, ORGANIZATION_APPLICATIONS, ORGANIZATION_USER_ROLES,
    ORGANIZATION_USERS,
};
use server::storage::{
    ApplicationRow, DEFAULT_TENANT, NewApplication, OrganizationRoleRow, OrganizationRow,
    OrganizationScopeRow, Store, UserRow,
};

const BOOTSTRAP_ID: &str = "bench-m2m";
const BOOTSTRAP_SECRET: &str = "bench-secret-0123456789abcdef0123";
const BATCH: usize = 1_000;

struct Fixture {
    big_org: String,
    busy_user: String,
    /// One of the busy user's organizations (edited to make its list change).
    busy_org: String,
    robot_org: String,
    robot_id: String,
    robot_secret: String,
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let backend = args.first().map(String::as_str).unwrap_or("sqlite");
    let members: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seconds: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);

    let dir = tempfile::tempdir().unwrap();
    let (url, pg) = common::database(backend, dir.path()).await;

    let mut settings = Settings::for_database(&url);
    settings.bootstrap.m2m_client_id = Some(BOOTSTRAP_ID.into());
    settings.bootstrap.m2m_client_secret = Some(BOOTSTRAP_SECRET.into());
    let app = Application::build(settings, common::leptos_options())
        .await
        .unwrap();
    let base = format!("http://{}", app.address);
    let store = app.state.store.clone();
    tokio::spawn(app.run_until_stopped());

    println!("backend {backend}: seeding {members} members…");
    let started = Instant::now();
    let fixture = seed(&store, members).await;
    // As after any bulk import: statistics for the planner (autovacuum would do it later).
    store.analyze().await.unwrap();
    println!("seeded in {:.1} s", started.elapsed().as_secs_f64());

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()
        .unwrap();
    let token = management_token(&client, &base).await;

    // Membership lookups, one request at a time: the first page (what the console opens),
    // then pages spread over the whole organization (OFFSET grows with the page number).
    let pages = (members / 20).max(1);
    for (label, spread) in [("first page", false), ("random pages", true)] {
        let mut latencies = Vec::new();
        for i in 0..600 {
            let page = if spread { 1 + (i * 7919) % pages } else { 1 };
            let url = format!(
                "{base}/api/organizations/{}/users?page={page}&page_size=20",
                fixture.big_org
            );
            let (elapsed, body) = timed_get(&client, &url, &token).await;
            latencies.push(elapsed);
            assert_eq!(body.as_array().unwrap().len(), 20.min(members));
        }
        report(
            &format!("GET /api/organizations/:id/users, {label} of 20 ({members} members)"),
            &mut latencies[100..].to_vec(),
        );
    }

    // The console's organization list: member counts and three members of each organization
    // on the page, the 100,000-member one among them.
    let mut latencies = Vec::new();
    for _ in 0..200 {
        let url = format!("{base}/api/organizations?showFeatured=true&page_size=20");
        let (elapsed, body) = timed_get(&client, &url, &token).await;
        latencies.push(elapsed);
        let big = body
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == fixture.big_org.as_str())
            .expect("the big organization is on the first page");
        assert_eq!(big["usersCount"], members);
        assert_eq!(
            big["featuredUsers"].as_array().unwrap().len(),
            3.min(members)
        );
    }
    report(
        &format!(
            "GET /api/organizations?showFeatured=true (page of 20, one with {members} members)"
        ),
        &mut latencies[50..].to_vec(),
    );

    let mut latencies = Vec::new();
    for _ in 0..300 {
        let url = format!("{base}/api/users/{}/organizations", fixture.busy_user);
        let (elapsed, body) = timed_get(&client, &url, &token).await;
        latencies.push(elapsed);
        assert_eq!(body.as_array().unwrap().len(), 1_000);
    }
    report(
        "GET /api/users/:id/organizations (user in 1,000 organizations, unchanged)",
        &mut latencies[50..].to_vec(),
    );
    // Each read after an edit of one of the user's organizations: the list is built again.
    let mut latencies = Vec::new();
    for i in 0..100 {
        let edit = client
            .patch(format!("{base}/api/organizations/{}", fixture.busy_org))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "description": format!("edit {i}") }))
            .send()
            .await
            .unwrap();
        assert_eq!(edit.status(), 200);
        let url = format!("{base}/api/users/{}/organizations", fixture.busy_user);
        let (elapsed, body) = timed_get(&client, &url, &token).await;
        latencies.push(elapsed);
        let edited = body
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == fixture.busy_org.as_str())
            .unwrap();
        assert_eq!(edited["description"], format!("edit {i}"));
    }
    report(
        "GET /api/users/:id/organizations (user in 1,000 organizations, changed before each read)",
        &mut latencies[10..].to_vec(),
    );

    // Organization tokens under load.
    for concurrency in [16, 64] {
        let (count, mut latencies, elapsed) =
            token_load(&client, &base, &fixture, concurrency, seconds).await;
        let rate = count as f64 / elapsed.as_secs_f64();
        report(
            &format!("client_credentials org token, {concurrency} concurrent: {rate:.0} tokens/s"),
            &mut latencies,
        );
    }
    // The same load from `wrk` (Debian's package), a separate process, when it is installed:
    // the in-process client above takes part of the two cores from the server.
    for concurrency in [16, 64] {
        wrk_token_load(&base, &fixture, concurrency, seconds);
    }

    store.close().await;
    // BENCH_KEEP=1 leaves the database behind for inspection.
    if backend == "sqlite" && std::env::var_os("BENCH_KEEP").is_some() {
        println!("database kept in {}", dir.keep().display());
    }
    if let Some((_, name)) = &pg
        && std::env::var_os("BENCH_KEEP").is_some()
    {
        println!("database kept: {name}");
        return;
    }
    common::drop_database(pg).await;
}

async fn seed(store: &Store, members: usize) -> Fixture {
    let now = 1_700_000_000_000_i64;
    let org = |id: String, name: String| OrganizationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id,
        name,
        description: None,
        custom_data: "{}".into(),
        is_mfa_required: false,
        color: "{}".into(),
        branding: "{}".into(),
        custom_css: None,
        created_at: now,
    };
    let role = |name: &str, kind: &str| OrganizationRoleRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: ids::generate(ids::LONG),
        name: name.into(),
        description: None,
        role_type: kind.into(),
    };
    let mut scopes = Vec::new();
    for name in ["read:docs", "write:docs", "admin:docs"] {
        let scope = OrganizationScopeRow {
            tenant_id: DEFAULT_TENANT.into(),
            id: ids::generate(ids::LONG),
            name: name.into(),
            description: None,
        };
        store.organization_scope_insert(&scope).await.unwrap();
        scopes.push(scope.id);
    }
    let member_role = role("member", "User");
    let machine_role = role("machine", "MachineToMachine");
    store
        .organization_role_insert(&member_role, &scopes[..1], &[])
        .await
        .unwrap();
    store
        .organization_role_insert(&machine_role, &scopes, &[])
        .await
        .unwrap();

    // The big organization: `members` users, each a member holding `member`.
    let big_org = ids::generate(ids::SHORT);
    // Created first, so the first page of the organization list shows it.
    store
        .organization_insert(&OrganizationRow {
            created_at: now - 1,
            ..org(big_org.clone(), "Big".into())
        })
        .await
        .unwrap();
    let mut created = 0;
    while created < members {
        let n = BATCH.min(members - created);
        let users: Vec<UserRow> = (0..n)
            .map(|i| UserRow {
                username: Some(format!("user_{}", created + i)),
                name: Some(format!("User {}", created + i)),
                ..UserRow::new(DEFAULT_TENANT, ids::generate(ids::SHORT), now)
            })
            .collect();
        store.users_insert_many(&users).await.unwrap();
        let ids: Vec<String> = users.iter().map(|u| u.id.clone()).collect();
        let joined = now + created as i64;
        store
            .relation_add(
                &ORGANIZATION_USERS,
                DEFAULT_TENANT,
                &[&big_org],
                &ids,
                joined,
            )
            .await
            .unwrap();
        let scopes: Vec<Vec<&str>> = ids.iter().map(|u| vec![big_org.as_str(), u]).collect();
        store
            .relation_add_each(
                &ORGANIZATION_USER_ROLES,
                DEFAULT_TENANT,
                &scopes,
                std::slice::from_ref(&member_role.id),
                now,
            )
            .await
            .unwrap();
        created += n;
    }

    // A user in 1,000 organizations, holding `member` in each.
    let busy = UserRow {
        username: Some("busy".into()),
        ..UserRow::new(DEFAULT_TENANT, ids::generate(ids::SHORT), now)
    };
    store
        .users_insert_many(std::slice::from_ref(&busy))
        .await
        .unwrap();
    let mut org_ids = Vec::new();
    for i in 0..1_000 {
        let id = ids::generate(ids::SHORT);
        store
            .organization_insert(&org(id.clone(), format!("Org {i}")))
            .await
            .unwrap();
        org_ids.push(id);
    }
    let org_scopes: Vec<Vec<&str>> = org_ids.iter().map(|o| vec![o.as_str()]).collect();
    store
        .relation_add_each(
            &ORGANIZATION_USERS,
            DEFAULT_TENANT,
            &org_scopes,
            std::slice::from_ref(&busy.id),
            now,
        )
        .await
        .unwrap();
    let member_scopes: Vec<Vec<&str>> = org_ids
        .iter()
        .map(|o| vec![o.as_str(), busy.id.as_str()])
        .collect();
    store
        .relation_add_each(
            &ORGANIZATION_USER_ROLES,
            DEFAULT_TENANT,
            &member_scopes,
            std::slice::from_ref(&member_role.id),
            now,
        )
        .await
        .unwrap();

    // An M2M app in its own organization holding the machine role (three permissions).
    let robot_org = ids::generate(ids::SHORT);
    store
        .organization_insert(&org(robot_org.clone(), "Robots".into()))
        .await
        .unwrap();
    let robot_secret = server::domain::secrets::generate();
    let robot = ApplicationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: ids::generate(ids::LONG),
        name: "Robot".into(),
        description: None,
        app_type: "MachineToMachine".into(),
        secret_digest: Some(server::domain::secrets::digest_hex(&robot_secret)),
        oidc_client_metadata: "{}".into(),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at: now,
    };
    store
        .application_insert(&NewApplication {
            row: robot.clone(),
            role_ids: Vec::new(),
        })
        .await
        .unwrap();
    store
        .relation_add(
            &ORGANIZATION_APPLICATIONS,
            DEFAULT_TENANT,
            &[&robot_org],
            std::slice::from_ref(&robot.id),
            now,
        )
        .await
        .unwrap();
    store
        .relation_add(
            &ORGANIZATION_APPLICATION_ROLES,
            DEFAULT_TENANT,
            &[&robot_org, &robot.id],
            std::slice::from_ref(&machine_role.id),
            now,
        )
        .await
        .unwrap();
    Fixture {
        big_org,
        busy_user: busy.id,
        busy_org: org_ids[0].clone(),
        robot_org,
        robot_id: robot.id,
        robot_secret,
    }
}

/// A GET answered 200: the time to the last byte of the body, and the body parsed afterwards
/// (parsing is the client's business, not the server's latency).
async fn timed_get(client: &reqwest::Client, url: &str, token: &str) -> (Duration, Value) {
    let t = Instant::now();
    let res = client.get(url).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {url}");
    let bytes = res.bytes().await.unwrap();
    let elapsed = t.elapsed();
    (elapsed, serde_json::from_slice(&bytes).unwrap())
}

async fn management_token(client: &reqwest::Client, base: &str) -> String {
    let res = client
        .post(format!("{base}/oidc/token"))
        .basic_auth(BOOTSTRAP_ID, Some(BOOTSTRAP_SECRET))
        .form(&[
            ("grant_type", "client_credentials"),
            ("resource", "https://default.logto.app/api"),
            ("scope", "all"),
        ])
        .send()
        .await
        .unwrap();
    let body: Value = res.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_string()
}

/// `concurrency` clients asking for organization tokens back to back for `seconds`.
async fn token_load(
    client: &reqwest::Client,
    base: &str,
    fixture: &Fixture,
    concurrency: usize,
    seconds: u64,
) -> (usize, Vec<Duration>, Duration) {
    let stop = Arc::new(AtomicBool::new(false));
    let url = format!("{base}/oidc/token");
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, url, stop) = (client.clone(), url.clone(), stop.clone());
        let (id, secret, org) = (
            fixture.robot_id.clone(),
            fixture.robot_secret.clone(),
            fixture.robot_org.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                let res = client
                    .post(&url)
                    .basic_auth(&id, Some(&secret))
                    .form(&[
                        ("grant_type", "client_credentials"),
                        ("organization_id", org.as_str()),
                        ("scope", "read:docs write:docs"),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 200);
                let _ = res.bytes().await.unwrap();
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    let elapsed = started.elapsed();
    (all.len(), all, elapsed)
}

/// Runs `wrk` against the token endpoint and prints its throughput and latency percentiles;
/// prints why not when `wrk` is missing. Every response must be 200.
fn wrk_token_load(base: &str, fixture: &Fixture, concurrency: usize, seconds: u64) {
    use base64::Engine;
    let credentials = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", fixture.robot_id, fixture.robot_secret));
    let script = format!(
        "wrk.method = \"POST\"\n\
         wrk.body = \"grant_type=client_credentials&organization_id={}&scope=read%3Adocs%20write%3Adocs\"\n\
         wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n\
         wrk.headers[\"Authorization\"] = \"Basic {credentials}\"\n",
        fixture.robot_org
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("token.lua");
    std::fs::write(&path, script).unwrap();
    let output = std::process::Command::new("wrk")
        .args([
            "-t1",
            &format!("-c{concurrency}"),
            &format!("-d{seconds}s"),
            "--latency",
            "-s",
        ])
        .arg(&path)
        .arg(format!("{base}/oidc/token"))
        .output();
    let Ok(output) = output else {
        println!("wrk not installed: the external load run is skipped (apt-get install wrk)");
        return;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        !text.contains("Non-2xx") && !text.contains("Socket errors"),
        "wrk saw failures:\n{text}"
    );
    let line = |prefix: &str| {
        text.lines()
            .map(str::trim)
            .find(|l| l.starts_with(prefix))
            .and_then(|l| l.split_whitespace().last())
            .unwrap_or("?")
            .to_string()
    };
    println!(
        "client_credentials org token, wrk {concurrency} connections: {} tokens/s, p50 {}, p99 {}",
        line("Requests/sec:"),
        line("50%"),
        line("99%"),
    );
}
