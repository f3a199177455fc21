//! Settings: defaults in code, overridden by `TESSERA__SECTION__KEY` environment variables and the
//! `DATABASE_URL` shortcut. Validated once at start-up.

use std::fmt;

use serde::Deserialize;

use crate::http::client_ip::TrustedProxies;

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    #[serde(default)]
    pub bootstrap: BootstrapSettings,
    pub management_api: ManagementApiSettings,
    pub oidc: OidcSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    #[serde(default)]
    pub email: EmailSettings,
}

/// Where mail goes (`mail/`): `outbox` (files, the default), `smtp`, or `disabled` (flows that
/// need mail answer 501 `connector.not_found`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSettings {
    #[serde(default = "default_transport")]
    pub transport: String,
    /// The sender, e.g. `Tessera <no-reply@example.com>`.
    #[serde(default = "default_from")]
    pub from: String,
    /// lettre's URL form: `smtp://user:pass@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host:465` (TLS).
    #[serde(default)]
    pub smtp_url: Option<String>,
    /// Folder of the outbox transport: `outbox.jsonl` and one file per message.
    #[serde(default = "default_outbox_dir")]
    pub outbox_dir: String,
}

impl Default for EmailSettings {
    fn default() -> Self {
        EmailSettings {
            transport: default_transport(),
            from: default_from(),
            smtp_url: None,
            outbox_dir: default_outbox_dir(),
        }
    }
}

fn default_transport() -> String {
    "outbox".into()
}

fn default_from() -> String {
    "Tessera <no-reply@localhost>".into()
}

fn default_outbox_dir() -> String {
    "data/outbox".into()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    /// Address to listen on, e.g. `127.0.0.1:3000`.
    pub address: String,
    /// Public base URL (scheme, host, port) as clients see it; the issuer is `{public_url}/oidc`.
    #[serde(default)]
    pub public_url: Option<String>,
    /// Milliseconds a client has to send a request's line and headers, counted from the end of
    /// the previous request on a kept-alive connection, or from connecting.
    pub header_read_timeout_ms: u64,
    /// Milliseconds a client has to send a request body once the server waits for it; slower
    /// bodies are answered 408.
    pub body_read_timeout_ms: u64,
    /// Reverse proxies whose `X-Forwarded-For` / `Forwarded` headers name the client (a
    /// comma-separated list of CIDR blocks); from anyone else those headers are ignored.
    #[serde(default)]
    pub trusted_proxies: TrustedProxies,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    pub url: String,
    pub max_connections: u32,
}

impl fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &redact_url(&self.url))
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

/// Credentials applied at every start, for automation and first runs.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BootstrapSettings {
    pub admin_username: Option<String>,
    pub admin_password: Option<String>,
    pub m2m_client_id: Option<String>,
    pub m2m_client_secret: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementApiSettings {
    /// Resource indicator (audience) of the Management API.
    pub indicator: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcSettings {
    /// Algorithm for newly generated signing keys: ES256 (default), ES384 or RS256.
    pub signing_alg: String,
    /// Sign-in and registration attempts allowed per client IP per minute.
    pub sign_in_per_ip_per_minute: u32,
    /// Sign-in attempts allowed per account identifier per minute.
    pub sign_in_per_account_per_minute: u32,
    /// How often (milliseconds) each replica reads the database's client grants revision to
    /// learn of changes made through other replicas; such a change applies there within three
    /// intervals at most. 0 turns the per-replica memory of grants off.
    pub client_grants_poll_ms: u64,
    /// How often (milliseconds) each replica reads the signing keys' revision to publish keys
    /// rotated through other replicas. 0 turns polling off (keys are then reloaded only when a
    /// token with an unknown `kid` arrives, at most every ten seconds).
    pub signing_keys_poll_ms: u64,
    /// How long (milliseconds) after a rotation the new key starts signing; until then it is
    /// only published, so every replica and every resource server reading the JWKS knows it
    /// first. Keep it well above `signing_keys_poll_ms`.
    pub signing_key_activation_delay_ms: u64,
}

/// Prometheus metrics at `/metrics`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// Whether `/metrics` is served (default true); when false it answers 404.
    #[serde(default = "enabled")]
    pub enabled: bool,
    /// When set, a scraper must send `Authorization: Bearer <token>`; otherwise anyone who can
    /// reach the server may read the counts (no secrets or ids are in them).
    #[serde(default)]
    pub bearer_token: Option<String>,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        MetricsSettings {
            enabled: true,
            bearer_token: None,
        }
    }
}

fn enabled() -> bool {
    true
}

impl Settings {
    /// Reads the environment on top of the defaults.
    pub fn load() -> anyhow::Result<Self> {
        let mut builder = config::Config::builder()
            .set_default("server.address", default_address())?
            .set_default("server.header_read_timeout_ms", 10_000)?
            .set_default("server.body_read_timeout_ms", 30_000)?
            .set_default("database.url", "sqlite://data/tessera.db")?
            .set_default("database.max_connections", 10)?
            .set_default("management_api.indicator", "https://default.logto.app/api")?
            .set_default("oidc.signing_alg", "ES256")?
            .set_default("oidc.sign_in_per_ip_per_minute", 60)?
            .set_default("oidc.sign_in_per_account_per_minute", 10)?
            .set_default("oidc.client_grants_poll_ms", 50)?
            .set_default("oidc.signing_keys_poll_ms", 1000)?
            .set_default("oidc.signing_key_activation_delay_ms", 10_000)?
            .add_source(
                config::Environment::with_prefix("TESSERA")
                    .prefix_separator("__")
                    .separator("__"),
            );
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database.url", url)?;
        }
        let settings: Settings = builder
            .build()
            .and_then(config::Config::try_deserialize)
            .map_err(|e| name_the_variable(&e.to_string(), std::env::vars()))?;
        settings.validate()?;
        Ok(settings)
    }

    /// Settings for tests and embedding: everything default but the database.
    pub fn for_database(url: &str) -> Self {
        Settings {
            server: ServerSettings {
                address: "127.0.0.1:0".into(),
                public_url: None,
                header_read_timeout_ms: 10_000,
                body_read_timeout_ms: 30_000,
                trusted_proxies: TrustedProxies::default(),
            },
            database: DatabaseSettings {
                url: url.into(),
                max_connections: 5,
            },
            bootstrap: BootstrapSettings::default(),
            management_api: ManagementApiSettings {
                indicator: "https://default.logto.app/api".into(),
            },
            oidc: OidcSettings {
                signing_alg: "ES256".into(),
                sign_in_per_ip_per_minute: 60,
                sign_in_per_account_per_minute: 10,
                client_grants_poll_ms: 50,
                signing_keys_poll_ms: 1000,
                signing_key_activation_delay_ms: 10_000,
            },
            metrics: MetricsSettings::default(),
            email: EmailSettings::default(),
        }
    }

    pub fn validate(&self) -> anyhow::Result<()> {
        if let Some(public) = &self.server.public_url {
            let url = url::Url::parse(public)
                .map_err(|e| anyhow::anyhow!("server.public_url is not a URL: {e}"))?;
            if !matches!(url.scheme(), "http" | "https") {
                anyhow::bail!("server.public_url must be http or https");
            }
        }
        if self.server.header_read_timeout_ms == 0 || self.server.body_read_timeout_ms == 0 {
            anyhow::bail!("server.header_read_timeout_ms and body_read_timeout_ms must be above 0");
        }
        if !matches!(self.oidc.signing_alg.as_str(), "ES256" | "ES384" | "RS256") {
            anyhow::bail!("oidc.signing_alg must be ES256, ES384 or RS256");
        }
        if self
            .metrics
            .bearer_token
            .as_deref()
            .is_some_and(|t| t.trim().is_empty())
        {
            anyhow::bail!("metrics.bearer_token must not be empty when set");
        }
        let b = &self.bootstrap;
        if b.admin_username.is_some() != b.admin_password.is_some() {
            anyhow::bail!("bootstrap admin needs both admin_username and admin_password");
        }
        if b.m2m_client_id.is_some() != b.m2m_client_secret.is_some() {
            anyhow::bail!("bootstrap M2M app needs both m2m_client_id and m2m_client_secret");
        }
        Ok(())
    }

    /// Public base URL without a trailing slash.
    pub fn public_url(&self, bound: &str) -> String {
        match &self.server.public_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!("http://{bound}"),
        }
    }
}

/// The settings error as an operator can act on it: an unknown key is named by the variable
/// that set it (serde names only the field).
fn name_the_variable(error: &str, vars: impl Iterator<Item = (String, String)>) -> anyhow::Error {
    let unknown = error
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
        .map(|field| format!("__{}", field.to_uppercase()));
    if let Some(part) = unknown {
        let named: Vec<String> = vars
            .map(|(name, _)| name)
            .filter(|name| name.starts_with("TESSERA__") && name.contains(&part))
            .collect();
        if !named.is_empty() {
            return anyhow::anyhow!("unknown setting {}", named.join(", "));
        }
    }
    anyhow::anyhow!("invalid settings: {error}")
}

fn default_address() -> String {
    // cargo-leptos passes the site address through this variable.
    std::env::var("LEPTOS_SITE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into())
}

/// Hides every password a database URL can carry: in its user info, and in query parameters
/// such as `?password=` or `sslpassword=` (both drivers read them). What does not parse as a
/// URL with a host keeps only what follows its last `@`.
pub fn redact_url(url: &str) -> String {
    // `user:pass@host` parses too, with `user` as its scheme and no host: not a URL here.
    let parsed = url::Url::parse(url)
        .ok()
        .filter(|u| u.has_host() || !url.contains('@'));
    let Some(mut parsed) = parsed else {
        return match url.rsplit_once('@') {
            Some((_, host)) => format!("redacted@{host}"),
            None => url.to_string(),
        };
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("redacted"));
    }
    if parsed.query().is_some() {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(k, v)| {
                let secret = k.to_ascii_lowercase().contains("pass");
                let v = if secret {
                    "redacted".into()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_passwords_are_hidden_wherever_they_are() {
        for (url, shown) in [
            (
                "postgres://u:pw1@db:5432/x?password=pw2&sslmode=require",
                "postgres://u:redacted@db:5432/x?password=redacted&sslmode=require",
            ),
            (
                "postgres://db/x?sslpassword=pw3",
                "postgres://db/x?sslpassword=redacted",
            ),
            ("bob:pw4@127.0.0.1/x", "redacted@127.0.0.1/x"),
            ("sqlite://data/tessera.db", "sqlite://data/tessera.db"),
        ] {
            assert_eq!(redact_url(url), shown);
        }
    }

    #[test]
    fn an_unknown_key_is_named_by_its_variable() {
        let vars = [
            ("TESSERA__SERVER__ADDRESS".to_string(), String::new()),
            ("TESSERA__SERVER__ADRESS".to_string(), String::new()),
        ];
        let e = name_the_variable(
            "unknown field `adress`, expected one of `address`, `public_url`",
            vars.into_iter(),
        );
        assert_eq!(e.to_string(), "unknown setting TESSERA__SERVER__ADRESS");
        let e = name_the_variable("invalid type: string \"x\"", std::iter::empty());
        assert!(e.to_string().starts_with("invalid settings: "));
    }
}
