//! Operational metrics in Prometheus' format: requests by route and status with their latency,
//! tokens issued by grant, sign-ins by outcome, and the database pool. Each server owns its
//! registry (no process-wide recorder), so servers embedded side by side count apart. Recording
//! is a few atomic additions; nothing here touches the database on a request.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::storage::PoolUse;

/// Request latencies from a millisecond to ten seconds.
const LATENCY_BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    /// The route's pattern (`/api/organizations/{id}`), never the requested path, so ids do
    /// not make a series each; `unmatched` for anything no route took.
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LatencyLabels {
    method: &'static str,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct GrantLabels {
    grant_type: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SignInLabels {
    /// `hosted` (end users) or `console` (administrators).
    surface: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

/// Where a sign-in was attempted.
#[derive(Clone, Copy)]
pub enum Surface {
    Hosted,
    Console,
}

/// How a sign-in attempt ended.
#[derive(Clone, Copy)]
pub enum Outcome {
    Success,
    /// Wrong identifier or password (or a refused registration).
    Failure,
    /// Refused by the brute-force limits before any password work.
    Limited,
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<LatencyLabels, Histogram>,
    tokens: Family<GrantLabels, Counter>,
    sign_ins: Family<SignInLabels, Counter>,
    pool: Family<PoolLabels, Gauge>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("tessera");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<LatencyLabels, Histogram>::new_with_constructor(
            (|| Histogram::new(LATENCY_BUCKETS)) as fn() -> Histogram,
        );
        let tokens = Family::<GrantLabels, Counter>::default();
        let sign_ins = Family::<SignInLabels, Counter>::default();
        let pool = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route pattern and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request (until its headers), by method and route pattern",
            latency.clone(),
        );
        registry.register(
            "tokens_issued",
            "Tokens issued by the token endpoint, by grant type",
            tokens.clone(),
        );
        registry.register(
            "sign_ins",
            "Sign-in attempts by surface (hosted, console) and outcome",
            sign_ins.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Database connections by state (in_use, idle, max)",
            pool.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            tokens,
            sign_ins,
            pool,
        }
    }

    /// `method` is one of a fixed few (unknown ones count as `other`).
    pub fn request(&self, method: &'static str, route: &str, status: u16, seconds: f64) {
        let route = route.to_owned();
        self.requests
            .get_or_create(&RequestLabels {
                method,
                route: route.clone(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&LatencyLabels { method, route })
            .observe(seconds);
    }

    /// `grant_type` is the endpoint's parsed grant type, one of a fixed few.
    pub fn token_issued(&self, grant_type: &'static str) {
        self.tokens.get_or_create(&GrantLabels { grant_type }).inc();
    }

    pub fn sign_in(&self, surface: Surface, outcome: Outcome) {
        let surface = match surface {
            Surface::Hosted => "hosted",
            Surface::Console => "console",
        };
        let outcome = match outcome {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Limited => "limited",
        };
        self.sign_ins
            .get_or_create(&SignInLabels { surface, outcome })
            .inc();
    }

    /// The exposition text, with the pool's state as of now.
    pub fn render(&self, pool: PoolUse) -> String {
        for (state, value) in [
            ("in_use", pool.in_use),
            ("idle", pool.idle),
            ("max", pool.max),
        ] {
            self.pool
                .get_or_create(&PoolLabels { state })
                .set(i64::from(value));
        }
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}
