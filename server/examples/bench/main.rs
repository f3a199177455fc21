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
//!
//! `seed` builds the data set through the store, `membership_reads` times the reads one at a
//! time and `token_load` the token endpoint under concurrent load.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;
mod membership_reads;
mod seed;
mod token_load;

/// The server binary's allocator, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use serde_json::Value;
use server::config::Settings;
use server::startup::Application;

const BOOTSTRAP_ID: &str = "bench-m2m";
const BOOTSTRAP_SECRET: &str = "bench-secret-0123456789abcdef0123";

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
    let fixture = seed::seed(&store, members).await;
    // As after any bulk import: statistics for the planner (autovacuum would do it later).
    store.analyze().await.unwrap();
    println!("seeded in {:.1} s", started.elapsed().as_secs_f64());

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()
        .unwrap();
    let token = management_token(&client, &base).await;

    membership_reads::run(&client, &base, &token, &fixture, members).await;
    token_load::run(&client, &base, &fixture, seconds).await;

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
