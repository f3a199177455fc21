//! Builds the application: storage, keys, bootstrap credentials, and one router for `/oidc`,
//! `/api` and the console pages.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use app::ports::HostedBackend;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::trace::TraceLayer;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, Session, SessionManagerLayer, cookie::SameSite};

use crate::caches::client_grants::{self, ClientGrants, Freshness};
use crate::clock::Clock;
use crate::config::{Settings, redact_url};
use crate::console::{self, ADMIN_KEY, ConsoleService, HostedService};
use crate::domain::passkeys::RelyingParty;
use crate::domain::{admins, applications};
use crate::http::limits::BODY_LIMIT;
use crate::http::{body_timeout, csp, csrf, headers, metrics, page_cache, serve};
use crate::mail::Mailer;
use crate::oidc::keys::{Alg, SigningKeys};
use crate::oidc::limits::SignInLimits;
use crate::state::{AppState, SharedState};
use crate::storage::{DEFAULT_TENANT, SessionStore, Store};
use crate::{management_api, oidc};

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub address: SocketAddr,
    pub state: AppState,
}

impl Application {
    pub async fn build(settings: Settings, leptos_options: LeptosOptions) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, leptos_options, Clock::system()).await
    }

    /// [`Application::build`] on a given clock (tests pin one to cross time limits at once).
    pub async fn build_with_clock(
        settings: Settings,
        leptos_options: LeptosOptions,
        clock: Clock,
    ) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&settings.server.address)
            .await
            .with_context(|| format!("cannot listen on {}", settings.server.address))?;
        let address = listener.local_addr()?;
        let public_url: Arc<str> = settings.public_url(&address.to_string()).into();
        let store = open_store(&settings).await?.with_clock(clock.clone());
        let restored = store
            .ensure_management_api(&settings.management_api.indicator)
            .await?;
        if restored.any() {
            tracing::warn!(?restored, "built-in Management API access restored");
        }

        let alg = Alg::parse(&settings.oidc.signing_alg)
            .ok_or_else(|| anyhow::anyhow!("unsupported signing algorithm"))?;
        let keys = Arc::new(
            SigningKeys::load_or_create(
                store.clone(),
                alg,
                Duration::from_millis(settings.oidc.signing_key_activation_delay_ms),
                clock.clone(),
            )
            .await?,
        );
        if settings.oidc.signing_keys_poll_ms > 0 {
            oidc::keys::watch(
                keys.clone(),
                Duration::from_millis(settings.oidc.signing_keys_poll_ms),
            );
        }
        bootstrap(&settings, &store, clock.now_ms()).await?;

        let sessions = store.session_store().await?;
        tokio::spawn(
            sessions
                .clone()
                .continuously_delete_expired(Duration::from_secs(3600)),
        );

        let sign_in_limits = Arc::new(SignInLimits::new(
            settings.oidc.sign_in_per_ip_per_minute,
            settings.oidc.sign_in_per_account_per_minute,
        ));
        let client_grants = Arc::new(ClientGrants::new(client_grants_freshness(
            &settings, &store,
        )));
        let state = AppState::new(SharedState {
            client_grants,
            sign_in_limits,
            config_cache: Arc::default(),
            organization_lists: Arc::default(),
            metrics: Arc::default(),
            passkeys: RelyingParty::from_public_url(&public_url).map(Arc::new),
            mailer: Mailer::start(&settings.email)?,
            issuer: format!("{public_url}/oidc").into(),
            public_url,
            settings: Arc::new(settings),
            store,
            keys,
            clock,
            leptos_options,
        });
        let router = build_router(state.clone(), sessions);
        Ok(Application {
            listener,
            router,
            address,
            state,
        })
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let server = &self.state.settings.server;
        let limits = serve::ConnectionLimits {
            quiet: Duration::from_millis(server.header_read_timeout_ms),
            drain: Duration::from_millis(server.body_read_timeout_ms),
        };
        serve::serve(self.listener, self.router, limits, shutdown_signal()).await
    }
}

/// Connects to the configured database and applies the migrations (also `tessera migrate`).
pub async fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    let url = &settings.database.url;
    tracing::info!(database = %redact_url(url), "connecting");
    let store = Store::connect(url, settings.database.max_connections)
        .await
        .with_context(|| format!("cannot connect to the database {}", redact_url(url)))?;
    store
        .migrate()
        .await
        .with_context(|| format!("migrating {} failed", redact_url(url)))?;
    Ok(store)
}

/// When this replica may trust the grants it remembers; with polling off, never.
fn client_grants_freshness(settings: &Settings, store: &Store) -> Arc<Freshness> {
    let interval = Duration::from_millis(settings.oidc.client_grants_poll_ms);
    let freshness = Arc::new(Freshness::new(interval, store.changes()));
    if !interval.is_zero() {
        client_grants::watch(store.clone(), freshness.clone(), interval);
    }
    freshness
}

async fn bootstrap(settings: &Settings, store: &Store, now: i64) -> anyhow::Result<()> {
    let b = &settings.bootstrap;
    if let (Some(user), Some(password)) = (&b.admin_username, &b.admin_password) {
        admins::ensure_bootstrap(store, user, password, now).await?;
        tracing::info!(username = %user, "bootstrap admin ready");
    }
    if let (Some(id), Some(secret)) = (&b.m2m_client_id, &b.m2m_client_secret) {
        applications::ensure_bootstrap(store, DEFAULT_TENANT, id, secret, now).await?;
        tracing::info!(client_id = %id, "bootstrap M2M app ready");
    }
    Ok(())
}

pub fn build_router(state: AppState, sessions: SessionStore) -> Router {
    let secure = state.public_url.starts_with("https://");
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name("tessera.sid")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(12)));

    let console = Arc::new(ConsoleService::new(state.clone()));
    let hosted: Arc<dyn HostedBackend> = Arc::new(HostedService::new(state.clone()));
    let provide_backend = move || {
        console::context::provide_ports(&console);
        provide_context(Arc::clone(&hosted));
        csp::provide_page_nonce();
    };
    let routes = generate_route_list(app::App);
    let options = state.leptos_options.clone();
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, provide_backend.clone(), move || {
            app::shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            provide_backend,
            app::shell,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(session_layer)
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    csrf::require_same_origin,
                ))
                .layer(middleware::from_fn_with_state(state.clone(), console_guard))
                .layer(middleware::from_fn(
                    crate::console::server_fn_errors::client_errors,
                )),
        );

    let [nosniff, frame, referrer, permissions] = headers::layers();
    let body_read = Duration::from_millis(state.settings.server.body_read_timeout_ms);
    let mut router = Router::new();
    if state.settings.metrics.enabled {
        router = router.route("/metrics", get(metrics::metrics_get));
    }
    router
        .route(
            "/",
            get(|| async { Redirect::to("/console/organizations") }),
        )
        .route(
            "/console",
            get(|| async { Redirect::to("/console/organizations") }),
        )
        .nest("/api", management_api::router(state.clone()))
        .nest("/oidc", oidc::router(state.clone()))
        .nest(
            "/pkg",
            crate::http::static_files::pkg_router(&state.leptos_options),
        )
        .merge(pages)
        .route_layer(middleware::from_fn(metrics::tag_route))
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn_with_state(
                    Arc::clone(&state.metrics),
                    metrics::count_requests,
                ))
                .layer(TraceLayer::new_for_http())
                .layer(nosniff)
                .layer(frame)
                .layer(referrer)
                .layer(permissions)
                .option_layer(headers::strict_transport_security(&state.public_url))
                .layer(middleware::from_fn(csp::content_security_policy))
                .layer(middleware::from_fn(page_cache::no_store_pages))
                .layer(middleware::from_fn_with_state(
                    body_read,
                    body_timeout::limit_body_time,
                ))
                .layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .with_state(state)
}

/// Console pages need a signed-in admin; without one, the sign-in page (or the first-run page
/// while no admin exists). Server functions check the session themselves.
async fn console_guard(
    State(state): State<AppState>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    // HEAD renders the page as GET does (without the body), so it is guarded alike.
    if !matches!(*req.method(), Method::GET | Method::HEAD)
        || !path.starts_with("/console/")
        || path.starts_with("/console/fn/")
    {
        return next.run(req).await;
    }
    let signed_in = matches!(session.get::<String>(ADMIN_KEY).await, Ok(Some(_)));
    let on_sign_in = path == "/console/sign-in";
    let on_setup = path == "/console/setup";
    if signed_in {
        if on_sign_in || on_setup {
            return Redirect::to("/console/organizations").into_response();
        }
        return next.run(req).await;
    }
    let needs_setup = match admins::needs_setup(&state.store).await {
        Ok(v) => v,
        Err(e) => {
            tracing::error!(error = %e, "admin lookup failed");
            return crate::http::error::ApiError::internal().into_response();
        }
    };
    match (needs_setup, on_setup, on_sign_in) {
        (true, false, _) => Redirect::to("/console/setup").into_response(),
        (false, true, _) | (false, false, false) => {
            Redirect::to("/console/sign-in").into_response()
        }
        _ => next.run(req).await,
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
