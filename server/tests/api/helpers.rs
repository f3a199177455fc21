use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use leptos::config::LeptosOptions;
use reqwest::{Client, Method, RequestBuilder, Response};
use serde_json::Value;
use server::clock::Clock;
use server::config::Settings;
use server::startup::Application;
use server::state::AppState;
use server::storage::Store;
use tokio::sync::OnceCell;

pub const BOOTSTRAP_ID: &str = "bootstrap-m2m";
pub const BOOTSTRAP_SECRET: &str = "bootstrap-secret-0123456789abcdef";
pub const MANAGEMENT_API: &str = "https://default.logto.app/api";

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a scenario once per backend: `both_backends!(name, scenario_fn)`.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $scenario:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$scenario($crate::helpers::Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$scenario($crate::helpers::Backend::Postgres).await
            }
        }
    };
}

/// A fresh database: a SQLite file in a temporary folder, or a new PostgreSQL database that is
/// dropped when this value goes away.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// `None` for PostgreSQL when TEST_POSTGRES_URL is not set (the test is then skipped).
    /// When it is set but unreachable, the test fails rather than skips.
    pub async fn new(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("tessera.db").display());
                Some(TestDb {
                    url,
                    _dir: Some(dir),
                    pg: None,
                })
            }
            Backend::Postgres => {
                let Ok(base) = std::env::var("TEST_POSTGRES_URL") else {
                    eprintln!("TEST_POSTGRES_URL not set: PostgreSQL variant skipped");
                    return None;
                };
                let name = format!("tessera_test_{}", server::domain::ids::generate(16));
                let mut admin = sqlx_connect(&base).await;
                sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE \"{name}\"").as_str())
                    .await
                    .expect("create test database");
                let mut url = url::Url::parse(&base).expect("TEST_POSTGRES_URL is a URL");
                url.set_path(&name);
                Some(TestDb {
                    url: url.to_string(),
                    _dir: None,
                    pg: Some((base, name)),
                })
            }
        }
    }
}

async fn sqlx_connect(url: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    sqlx::PgConnection::connect(url)
        .await
        .unwrap_or_else(|e| panic!("TEST_POSTGRES_URL is set but PostgreSQL is unreachable: {e}"))
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((base, name)) = self.pg.take() {
            // Dropped from its own thread and runtime: Drop cannot await.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(rt) = rt {
                    rt.block_on(async {
                        let mut admin = sqlx_connect(&base).await;
                        let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                        let _ = sqlx::Executor::execute(&mut admin, sql.as_str()).await;
                    });
                }
            })
            .join();
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub state: AppState,
    pub store: Store,
    token: OnceCell<String>,
    _db: Arc<TestDb>,
}

pub fn leptos_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("tessera")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .build()
}

/// Starts the server with the bootstrap M2M credential; `None` when the backend is unavailable.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(
    backend: Backend,
    adjust: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    if std::env::var_os("TEST_LOG").is_some() {
        server::telemetry::init();
    }
    let db = Arc::new(TestDb::new(backend).await?);
    Some(serve(db, adjust).await)
}

/// [`spawn_app`] on a clock that stands still until `app.state.clock.advance(ms)`, for rules
/// about time that a test must cross without waiting.
pub async fn spawn_app_pinned(backend: Backend) -> Option<TestApp> {
    spawn_app_pinned_with(backend, |_| {}).await
}

/// [`spawn_app_pinned`] with its own settings.
pub async fn spawn_app_pinned_with(
    backend: Backend,
    adjust: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    let db = Arc::new(TestDb::new(backend).await?);
    Some(serve_on(db, adjust, Clock::pinned(Clock::system().now_ms())).await)
}

impl TestApp {
    /// A second server over the same database, as another replica behind a load balancer;
    /// it reads the same clock (a pinned one moves for both).
    pub async fn replica(&self) -> TestApp {
        self.replica_with(|_| {}).await
    }

    /// A store over the same database that no server here shares, as an operator's script
    /// would open: only the database can tell the servers what it writes.
    pub async fn outside_store(&self) -> Store {
        Store::connect(&self._db.url, 2)
            .await
            .expect("store connects")
    }

    /// [`TestApp::replica`] with its own settings.
    pub async fn replica_with(&self, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        serve_on(self._db.clone(), adjust, self.state.clock.clone()).await
    }
}

async fn serve(db: Arc<TestDb>, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    serve_on(db, adjust, Clock::system()).await
}

async fn serve_on(db: Arc<TestDb>, adjust: impl FnOnce(&mut Settings), clock: Clock) -> TestApp {
    let mut settings = Settings::for_database(&db.url);
    settings.bootstrap.m2m_client_id = Some(BOOTSTRAP_ID.into());
    settings.bootstrap.m2m_client_secret = Some(BOOTSTRAP_SECRET.into());
    adjust(&mut settings);
    let app = Application::build_with_clock(settings, leptos_options(), clock)
        .await
        .expect("application builds");
    let address = format!("http://{}", app.address);
    let state = app.state.clone();
    tokio::spawn(app.run_until_stopped());
    let client = Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        client,
        store: state.store.clone(),
        state,
        token: OnceCell::new(),
        _db: db,
    }
}

pub fn basic(id: &str, secret: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{id}:{secret}")))
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `POST /oidc/token` with a form body and optional Basic credentials.
    pub async fn post_token(&self, auth: Option<(&str, &str)>, form: &[(&str, &str)]) -> Response {
        let mut req = self.client.post(self.url("/oidc/token")).form(form);
        if let Some((id, secret)) = auth {
            req = req.header("authorization", basic(id, secret));
        }
        req.send().await.expect("token request")
    }

    /// `GET` on the server with the test client (cookies kept, redirects not followed).
    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// client_credentials for the Management API with the bootstrap credential.
    pub async fn bootstrap_token(&self, scope: &str) -> Response {
        self.post_token(
            Some((BOOTSTRAP_ID, BOOTSTRAP_SECRET)),
            &[
                ("grant_type", "client_credentials"),
                ("resource", MANAGEMENT_API),
                ("scope", scope),
            ],
        )
        .await
    }

    /// A Management API token from the bootstrap credential (cached per app).
    pub async fn management_token(&self) -> String {
        self.token
            .get_or_init(|| async {
                let res = self.bootstrap_token("all").await;
                assert_eq!(res.status(), 200, "bootstrap token");
                let body: Value = res.json().await.expect("token json");
                body["access_token"]
                    .as_str()
                    .expect("access_token")
                    .to_string()
            })
            .await
            .clone()
    }

    /// A Management API request with a valid token.
    pub async fn api(&self, method: Method, path: &str) -> RequestBuilder {
        let token = self.management_token().await;
        self.client
            .request(method, self.url(&format!("/api{path}")))
            .bearer_auth(token)
    }

    pub async fn api_json(&self, method: Method, path: &str, body: &Value) -> (u16, Value) {
        let res = self
            .api(method, path)
            .await
            .json(body)
            .send()
            .await
            .expect("request");
        read(res).await
    }

    pub async fn api_get(&self, path: &str) -> (u16, Value) {
        let res = self
            .api(Method::GET, path)
            .await
            .send()
            .await
            .expect("request");
        read(res).await
    }

    pub async fn create_org(&self, name: &str) -> Value {
        let (status, body) = self
            .api_json(
                Method::POST,
                "/organizations",
                &serde_json::json!({ "name": name }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        body
    }
}

/// Status and JSON body (Null when empty).
pub async fn read(res: Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Verifies a JWT against the published JWKS as a resource server would (ES256, `at+jwt`,
/// issuer and the given audience) and returns its claims.
pub async fn verify_jwt(app: &TestApp, token: &str, audience: &str) -> Value {
    use jsonwebtoken::{Algorithm, DecodingKey, Validation};
    let header = jsonwebtoken::decode_header(token).unwrap();
    assert_eq!(header.alg, Algorithm::ES256);
    assert_eq!(header.typ.as_deref(), Some("at+jwt"));
    let kid = header.kid.unwrap();
    let (_, jwks) = read(app.get("/oidc/jwks").await).await;
    let jwk = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == kid.as_str())
        .unwrap();
    assert_eq!(jwk["kty"], "EC");
    assert_eq!(jwk["crv"], "P-256");
    let key =
        DecodingKey::from_ec_components(jwk["x"].as_str().unwrap(), jwk["y"].as_str().unwrap())
            .unwrap();
    let mut validation = Validation::new(Algorithm::ES256);
    validation.set_audience(&[audience]);
    validation.set_issuer(&[app.state.issuer.as_ref()]);
    jsonwebtoken::decode::<Value>(token, &key, &validation)
        .unwrap()
        .claims
}

impl TestApp {
    /// POST a JSON body and return the created entity, asserting the create status.
    pub async fn create(&self, path: &str, body: Value) -> Value {
        let (status, created) = self.api_json(Method::POST, path, &body).await;
        assert_eq!(status, created_status(path), "POST {path}: {created}");
        created
    }

    /// The status of a request with a JSON body (for 201/204 relation routes).
    pub async fn status_of(&self, method: Method, path: &str, body: Value) -> u16 {
        self.api_json(method, path, &body).await.0
    }

    /// The `code` of an error response, asserting its status.
    pub async fn error_code(&self, method: Method, path: &str, body: Value, status: u16) -> String {
        let (got, body) = self.api_json(method, path, &body).await;
        assert_eq!(got, status, "{path}: {body}");
        body["code"].as_str().unwrap_or_default().to_string()
    }

    /// A Management API DELETE: status and JSON body (Null when empty).
    pub async fn delete(&self, path: &str) -> (u16, Value) {
        read(self.api(Method::DELETE, path).await.send().await.unwrap()).await
    }

    /// A GET's JSON body, asserting 200.
    pub async fn get_ok(&self, path: &str) -> Value {
        let (status, body) = self.api_get(path).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

/// The `field` of every item of a JSON array.
pub fn field<'a>(list: &'a Value, field: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[field].as_str().unwrap())
        .collect()
}

/// What a create answers: 200 for users, applications, roles and SSO connectors (as Logto),
/// 201 for everything else.
pub fn created_status(path: &str) -> u16 {
    match path {
        "/users" | "/applications" | "/roles" | "/sso-connectors" => 200,
        _ => 201,
    }
}
