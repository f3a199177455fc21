//! Organization tokens (`client_credentials` with `organization_id`) under concurrent load,
//! from in-process clients and from `wrk`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::report;
use crate::seed::Fixture;

pub async fn run(client: &reqwest::Client, base: &str, fixture: &Fixture, seconds: u64) {
    // Organization tokens under load.
    for concurrency in [16, 64] {
        let (count, mut latencies, elapsed) =
            token_load(client, base, fixture, concurrency, seconds).await;
        let rate = count as f64 / elapsed.as_secs_f64();
        report(
            &format!("client_credentials org token, {concurrency} concurrent: {rate:.0} tokens/s"),
            &mut latencies,
        );
    }
    // The same load from `wrk` (Debian's package), a separate process, when it is installed:
    // the in-process client above takes part of the two cores from the server.
    for concurrency in [16, 64] {
        wrk_token_load(base, fixture, concurrency, seconds);
    }
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
