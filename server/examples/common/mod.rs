//! What the benchmarks share: a fresh database per run, the server's page options, and the
//! latency report.
#![allow(dead_code)]

use std::time::Duration;

use leptos::config::LeptosOptions;
use server::domain::ids;

/// A fresh database: a SQLite file in `dir`, or a new PostgreSQL database (from
/// `BENCH_POSTGRES_URL`) whose `(server, name)` is returned so it can be dropped.
pub async fn database(backend: &str, dir: &std::path::Path) -> (String, Option<(String, String)>) {
    match backend {
        "sqlite" => (format!("sqlite://{}", dir.join("bench.db").display()), None),
        "postgres" => {
            let base = std::env::var("BENCH_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
            let name = format!("tessera_bench_{}", ids::generate(8));
            admin_sql(&base, &format!("CREATE DATABASE \"{name}\"")).await;
            let mut url = url::Url::parse(&base).unwrap();
            url.set_path(&name);
            (url.to_string(), Some((base, name)))
        }
        other => panic!("unknown backend {other}: use sqlite or postgres"),
    }
}

pub async fn drop_database(pg: Option<(String, String)>) {
    if let Some((base, name)) = pg {
        admin_sql(
            &base,
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        )
        .await;
    }
}

pub fn leptos_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("tessera")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .build()
}

pub async fn admin_sql(base: &str, sql: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(base).await.unwrap();
    sqlx::Executor::execute(&mut conn, sql).await.unwrap();
}

/// Prints p50 / p90 / p99 / max of the latencies.
pub fn report(what: &str, latencies: &mut [Duration]) {
    latencies.sort();
    let at = |q: f64| {
        let i = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies[i].as_secs_f64() * 1000.0
    };
    println!(
        "{what}\n  n={} p50={:.2} ms p90={:.2} ms p99={:.2} ms max={:.2} ms",
        latencies.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}
