//! Benchmark of the end-user hot paths, against the real server on loopback with a fresh
//! database:
//! - `refresh_token` + `organization_id` → organization token (what `getOrganizationToken`
//!   sends), under concurrent load: a confidential web app (no rotation) and a public SPA
//!   (every exchange rotates, so each one writes);
//! - whether sign-ins (argon2id) stall other requests: latency of `GET /oidc/jwks` idle and
//!   while browsers sign in back to back.
//!
//! `cargo run --release -p server --example bench_people -- sqlite|postgres [seconds]`
//! (PostgreSQL: `BENCH_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/test`; a
//! database `tessera_bench_*` is created and dropped). See `scripts/bench.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::report;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use server::config::Settings;
use server::domain::{ids, passwords, secrets};
use server::startup::Application;
use server::storage::relations::{ORGANIZATION_USER_ROLES, ORGANIZATION_USERS};
use server::storage::{
    ApplicationRow, DEFAULT_TENANT, GrantRow, NewApplication, OrganizationRoleRow, OrganizationRow,
    OrganizationScopeRow, Store, UserRow,
};

const USERS: usize = 256;
const PASSWORD: &str = "correct horse battery";
const REDIRECT: &str = "https://app.example.com/callback";
const SCOPES: &str =
    "openid offline_access profile urn:logto:scope:organizations read:docs write:docs";

struct Fixture {
    org: String,
    web_id: String,
    web_secret: String,
    spa_id: String,
    /// One refresh token per user, per app.
    web_tokens: Vec<String>,
    spa_tokens: Vec<String>,
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let backend = args.first().map(String::as_str).unwrap_or("sqlite");
    let seconds: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10);

    let dir = tempfile::tempdir().unwrap();
    let (url, pg) = common::database(backend, dir.path()).await;
    let mut settings = Settings::for_database(&url);
    // The load generator signs in from one address: lift the per-IP limit for the run.
    settings.oidc.sign_in_per_ip_per_minute = 1_000_000;
    settings.oidc.sign_in_per_account_per_minute = 1_000_000;
    let app = Application::build(settings, common::leptos_options())
        .await
        .unwrap();
    let base = format!("http://{}", app.address);
    let store = app.state.store.clone();
    tokio::spawn(app.run_until_stopped());
    let fixture = seed(&store).await;
    store.analyze().await.unwrap();
    println!("backend {backend}");

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    for concurrency in [16, 64] {
        let (count, mut latencies, elapsed) =
            exchange_load(&client, &base, &fixture, false, concurrency, seconds).await;
        report(
            &format!(
                "refresh_token → organization token, confidential app, {concurrency} concurrent: {:.0}/s",
                count as f64 / elapsed.as_secs_f64()
            ),
            &mut latencies,
        );
    }
    let (count, mut latencies, elapsed) =
        exchange_load(&client, &base, &fixture, true, 16, seconds).await;
    report(
        &format!(
            "refresh_token → organization token, public app (rotating), 16 concurrent: {:.0}/s",
            count as f64 / elapsed.as_secs_f64()
        ),
        &mut latencies,
    );

    // Other requests while sign-ins run: argon2id works on the blocking pool.
    let mut idle = jwks_latencies(&client, &base, 300).await;
    report("GET /oidc/jwks, idle", &mut idle);
    let stop = Arc::new(AtomicBool::new(false));
    let sign_ins = Arc::new(AtomicUsize::new(0));
    let mut browsers = Vec::new();
    for _ in 0..4 {
        let (base, stop, sign_ins, spa) = (
            base.clone(),
            stop.clone(),
            sign_ins.clone(),
            fixture.spa_id.clone(),
        );
        browsers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                sign_in(&base, &spa).await;
                sign_ins.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    let before = sign_ins.load(Ordering::Relaxed);
    let mut busy = jwks_latencies(&client, &base, 300).await;
    let rate = (sign_ins.load(Ordering::Relaxed) - before) as f64 / started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    for b in browsers {
        b.await.unwrap();
    }
    report(
        &format!("GET /oidc/jwks while 4 browsers sign in back to back ({rate:.1} sign-ins/s)"),
        &mut busy,
    );

    store.close().await;
    common::drop_database(pg).await;
}

/// One full browser sign-in: `/oidc/auth`, then the hosted form, up to the code.
async fn sign_in(base: &str, client_id: &str) {
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    let res = browser
        .get(format!("{base}/oidc/auth"))
        .query(&[
            ("client_id", client_id),
            ("redirect_uri", REDIRECT),
            ("response_type", "code"),
            ("scope", "openid"),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = browser
        .post(format!("{base}/oidc/interaction/sign-in"))
        .header("origin", base)
        .form(&[("identifier", "person_0"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let to = res.headers()["location"].to_str().unwrap();
    assert!(to.starts_with(REDIRECT), "{to}");
}

async fn jwks_latencies(client: &reqwest::Client, base: &str, n: usize) -> Vec<Duration> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let res = client
            .get(format!("{base}/oidc/jwks"))
            .send()
            .await
            .unwrap();
        let _ = res.bytes().await.unwrap();
        out.push(t.elapsed());
    }
    out
}

/// `concurrency` SDKs asking for organization tokens back to back for `seconds`, each with
/// its own user's refresh token (public clients follow the rotation).
async fn exchange_load(
    client: &reqwest::Client,
    base: &str,
    fixture: &Fixture,
    public: bool,
    concurrency: usize,
    seconds: u64,
) -> (usize, Vec<Duration>, Duration) {
    let stop = Arc::new(AtomicBool::new(false));
    let url = format!("{base}/oidc/token");
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let (client, url, stop, org) = (
            client.clone(),
            url.clone(),
            stop.clone(),
            fixture.org.clone(),
        );
        let (id, secret) = if public {
            (fixture.spa_id.clone(), None)
        } else {
            (fixture.web_id.clone(), Some(fixture.web_secret.clone()))
        };
        let mut token = if public {
            fixture.spa_tokens[worker].clone()
        } else {
            fixture.web_tokens[worker].clone()
        };
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                let mut req = client.post(&url);
                let mut form = vec![
                    ("grant_type", "refresh_token".to_string()),
                    ("refresh_token", token.clone()),
                    ("organization_id", org.clone()),
                ];
                match &secret {
                    Some(s) => req = req.basic_auth(&id, Some(s)),
                    None => form.push(("client_id", id.clone())),
                }
                let res = req.form(&form).send().await.unwrap();
                assert_eq!(res.status(), 200);
                let body: serde_json::Value = res.json().await.unwrap();
                latencies.push(t.elapsed());
                assert_eq!(body["scope"], "read:docs write:docs");
                if let Some(next) = body["refresh_token"].as_str() {
                    token = next.to_string();
                }
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
    (all.len(), all, started.elapsed())
}

async fn seed(store: &Store) -> Fixture {
    let now = server::clock::Clock::system().now_ms();
    let org = ids::generate(ids::SHORT);
    store
        .organization_insert(&OrganizationRow {
            tenant_id: DEFAULT_TENANT.into(),
            id: org.clone(),
            name: "Bench".into(),
            description: None,
            custom_data: "{}".into(),
            is_mfa_required: false,
            color: "{}".into(),
            branding: "{}".into(),
            custom_css: None,
            created_at: now,
        })
        .await
        .unwrap();
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
    let role = OrganizationRoleRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: ids::generate(ids::LONG),
        name: "editor".into(),
        description: None,
        role_type: "User".into(),
    };
    store
        .organization_role_insert(&role, &scopes[..2], &[])
        .await
        .unwrap();
    let hash = passwords::hash(PASSWORD.into()).await.unwrap();
    let users: Vec<UserRow> = (0..USERS)
        .map(|i| UserRow {
            username: Some(format!("person_{i}")),
            password_encrypted: Some(hash.clone()),
            ..UserRow::new(DEFAULT_TENANT, ids::generate(ids::SHORT), now)
        })
        .collect();
    store.users_insert_many(&users).await.unwrap();
    let user_ids: Vec<String> = users.iter().map(|u| u.id.clone()).collect();
    store
        .relation_add(&ORGANIZATION_USERS, DEFAULT_TENANT, &[&org], &user_ids, now)
        .await
        .unwrap();
    let pairs: Vec<Vec<&str>> = user_ids.iter().map(|u| vec![org.as_str(), u]).collect();
    store
        .relation_add_each(
            &ORGANIZATION_USER_ROLES,
            DEFAULT_TENANT,
            &pairs,
            std::slice::from_ref(&role.id),
            now,
        )
        .await
        .unwrap();
    let web_secret = secrets::generate();
    let app = |kind: &str| ApplicationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: ids::generate(ids::LONG),
        name: kind.into(),
        description: None,
        app_type: kind.into(),
        oidc_client_metadata: format!(
            r#"{{"redirectUris":["{REDIRECT}"],"postLogoutRedirectUris":[]}}"#
        ),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at: now,
    };
    let web = app("Traditional");
    let spa = app("SPA");
    for (a, secret) in [(&web, Some(&web_secret)), (&spa, None)] {
        store
            .application_insert(&NewApplication {
                row: a.clone(),
                role_ids: Vec::new(),
                secret_digest: secret.map(|s| secrets::digest_hex(s)),
            })
            .await
            .unwrap();
    }
    // A grant and a refresh token per user and app, as after each user's sign-in.
    let mut tokens = [Vec::new(), Vec::new()];
    for (slot, client) in [&web, &spa].into_iter().enumerate() {
        for user in &user_ids {
            let grant = GrantRow {
                id: ids::generate(ids::LONG),
                tenant_id: DEFAULT_TENANT.into(),
                client_id: client.id.clone(),
                user_id: user.clone(),
                scopes: SCOPES.into(),
                resources: r#"["urn:logto:resource:organizations"]"#.into(),
                nonce: None,
                auth_time: now,
                created_at: now,
                expires_at: now + 86_400_000,
            };
            let code = server::storage::CodeRow {
                code_digest: secrets::digest_hex(&secrets::generate()),
                redirect_uri: REDIRECT.into(),
                code_challenge: None,
                expires_at: now,
            };
            store.grant_insert_with_code(&grant, &code).await.unwrap();
            let token = secrets::generate();
            store
                .refresh_token_insert(
                    DEFAULT_TENANT,
                    &grant.id,
                    &secrets::digest_hex(&token),
                    now,
                    now + 86_400_000,
                )
                .await
                .unwrap();
            tokens[slot].push(token);
        }
    }
    let [web_tokens, spa_tokens] = tokens;
    Fixture {
        org,
        web_id: web.id,
        web_secret,
        spa_id: spa.id,
        web_tokens,
        spa_tokens,
    }
}
