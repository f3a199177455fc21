#![recursion_limit = "256"]
//! The Tessera server binary: `tessera [serve]` runs the server, `tessera migrate` applies the
//! database migrations and exits. A start-up failure is one line on standard error naming what
//! failed, and exit status 1.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leptos::config::LeptosOptions;
use server::config::{Settings, redact_url};
use server::startup::{self, Application};

/// mimalloc instead of glibc's allocator: requests allocate and free many small buffers on
/// whichever worker thread runs them, which glibc's arenas handle slowly (see the README's
/// benchmark section for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tessera: a Logto-compatible identity server (OpenID Provider, Management API, console).
///
/// Settings come from the environment (`TESSERA__SECTION__KEY`, `DATABASE_URL`); see the README.
#[derive(Parser)]
#[command(name = "tessera", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return failed(&anyhow::anyhow!("cannot start the async runtime: {e}")),
    };
    let result = runtime.block_on(async {
        server::telemetry::init();
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve().await,
            Command::Migrate => migrate().await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failed(&e),
    }
}

/// One line: what failed, then why. A cause whose words the line already holds is left out
/// (storage errors repeat their driver's message).
fn failed(e: &anyhow::Error) -> ExitCode {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    eprintln!("tessera: {line}");
    ExitCode::FAILURE
}

async fn serve() -> anyhow::Result<()> {
    let settings = Settings::load()?;
    let leptos_options = leptos_options()?;
    let app = Application::build(settings, leptos_options).await?;
    tracing::info!(address = %app.address, issuer = %app.state.issuer, "Tessera is listening");
    app.run_until_stopped().await?;
    Ok(())
}

async fn migrate() -> anyhow::Result<()> {
    let settings = Settings::load()?;
    let store = startup::open_store(&settings).await?;
    store.close().await;
    println!(
        "migrations applied to {}",
        redact_url(&settings.database.url)
    );
    Ok(())
}

/// cargo-leptos (serve/watch) sets `LEPTOS_*` variables; a plain run gets the same defaults.
fn leptos_options() -> anyhow::Result<LeptosOptions> {
    if std::env::var_os("LEPTOS_SITE_ROOT").is_some() {
        return Ok(leptos::config::get_configuration(None)?.leptos_options);
    }
    // A release build with `hash-files` writes the hashes next to the binary; Leptos then
    // links the hashed names (and would fail on every page without the file).
    let hashed = server::http::static_files::hash_file().is_some();
    Ok(LeptosOptions::builder()
        .output_name("tessera")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .hash_files(hashed)
        .build())
}
