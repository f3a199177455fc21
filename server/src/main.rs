#![recursion_limit = "256"]
//! The Tessera server binary.

use leptos::config::LeptosOptions;
use server::config::Settings;
use server::startup::Application;

/// mimalloc instead of glibc's allocator: requests allocate and free many small buffers on
/// whichever worker thread runs them, which glibc's arenas handle slowly (see the README's
/// benchmark section for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let settings = Settings::load()?;
    let leptos_options = leptos_options()?;
    let app = Application::build(settings, leptos_options).await?;
    tracing::info!(address = %app.address, issuer = %app.state.issuer, "Tessera is listening");
    app.run_until_stopped().await?;
    Ok(())
}

/// cargo-leptos (serve/watch) sets `LEPTOS_*` variables; a plain run gets the same defaults.
fn leptos_options() -> anyhow::Result<LeptosOptions> {
    if std::env::var_os("LEPTOS_SITE_ROOT").is_some() {
        return Ok(leptos::config::get_configuration(None)?.leptos_options);
    }
    Ok(LeptosOptions::builder()
        .output_name("tessera")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .build())
}
