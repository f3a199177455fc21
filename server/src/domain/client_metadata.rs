//! Client metadata of applications (Logto's `oidcClientMetadata` and `customClientMetadata`):
//! the shapes commands give and columns store, their rules, and the token lifetimes they set.
//! Redirect URIs are validated here, once, so the authorization endpoint can compare them byte
//! for byte (exact matching: no prefixes, no wildcards, no normalisation at request time).

use app::model::{
    DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN, DEFAULT_ID_TOKEN_TTL_SECS, DEFAULT_REFRESH_TOKEN_TTL_DAYS,
    DEFAULT_ROTATE_REFRESH_TOKEN,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::DomainError;
use super::rules::Issues;
use crate::storage::StorageError;

/// The longest `idTokenTtl` and `refreshTokenTtl`, in seconds: a year.
pub const TTL_SECS_MAX: i64 = 86_400 * 365;
/// The longest `refreshTokenTtlInDays`.
pub const TTL_DAYS_MAX: i64 = 730;
/// Why an entry of `corsAllowedOrigins` is refused.
pub const ORIGIN_PROBLEM: &str =
    "An origin is a scheme, host and optional port (https://app.example.com)";

/// An application's OpenID Connect client settings; only these keys are kept. Redirect URIs
/// are matched exactly at sign-in: absolute, without a fragment or `*`, and `http` or `https`
/// (with a host), except that native applications may also use a reverse-domain scheme such
/// as `com.example.app:/callback`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OidcClientMetadata {
    /// Where authorization responses may be sent.
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_uris: Option<Vec<String>>,
    /// Where users may be sent after signing out.
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_logout_redirect_uris: Option<Vec<String>>,
    /// Keys of a stored value this server does not read, kept as they are. A body's unknown
    /// keys never get here: they are dropped, as Logto's guards strip them.
    #[serde(flatten)]
    #[schema(ignore)]
    pub other: Map<String, Value>,
}

/// An application's token and browser settings; only these keys are kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomClientMetadata {
    /// Browser origins allowed to call the token endpoints: scheme, host and optional port,
    /// nothing after (`https://app.example.com`).
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cors_allowed_origins: Option<Vec<String>>,
    /// ID token lifetime in seconds (default 3600).
    #[schema(nullable = false, minimum = 1, maximum = 31536000)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token_ttl: Option<i64>,
    /// Refresh token lifetime in seconds; takes precedence over `refreshTokenTtlInDays`.
    #[schema(nullable = false, minimum = 1, maximum = 31536000)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token_ttl: Option<i64>,
    /// Refresh token lifetime in days (default 14).
    #[schema(nullable = false, minimum = 1, maximum = 730)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token_ttl_in_days: Option<i64>,
    /// Whether a refresh token is issued without the `offline_access` scope (default `false`).
    #[schema(nullable = false)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub always_issue_refresh_token: Option<bool>,
    /// Whether each refresh returns a new refresh token (default `true`).
    #[schema(nullable = false)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotate_refresh_token: Option<bool>,
    /// Logto's token-exchange switch; stored as given.
    #[schema(nullable = false)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_token_exchange: Option<bool>,
    /// Keys of a stored value this server does not read, kept as they are. A body's unknown
    /// keys never get here: they are dropped, as Logto's guards strip them.
    #[serde(flatten)]
    #[schema(ignore)]
    pub other: Map<String, Value>,
}

/// A metadata column read back; text that is not its shape is a corrupt row.
fn from_stored<T: DeserializeOwned>(column: &str, text: &str) -> Result<T, StorageError> {
    serde_json::from_str(text).map_err(|e| StorageError::Corrupt(format!("{column}: {e}")))
}

fn to_stored(value: &impl Serialize) -> Result<String, DomainError> {
    serde_json::to_string(value).map_err(|e| DomainError::Internal(e.to_string()))
}

impl OidcClientMetadata {
    pub fn from_stored(text: &str) -> Result<Self, StorageError> {
        from_stored("oidc_client_metadata", text)
    }

    pub fn to_stored(&self) -> Result<String, DomainError> {
        to_stored(self)
    }

    /// Each list `given` holds replaces this one's; both lists are always stored, empty until
    /// given.
    pub fn merged(mut self, given: OidcClientMetadata) -> Self {
        for (list, new) in [
            (&mut self.redirect_uris, given.redirect_uris),
            (
                &mut self.post_logout_redirect_uris,
                given.post_logout_redirect_uris,
            ),
        ] {
            if new.is_some() {
                *list = new;
            }
            list.get_or_insert_with(Vec::new);
        }
        self
    }
}

impl CustomClientMetadata {
    pub fn from_stored(text: &str) -> Result<Self, StorageError> {
        from_stored("custom_client_metadata", text)
    }

    pub fn to_stored(&self) -> Result<String, DomainError> {
        to_stored(self)
    }

    /// Each key `given` holds replaces this one's; the others are kept.
    pub fn merged(mut self, given: CustomClientMetadata) -> Self {
        fn take<T>(kept: &mut Option<T>, new: Option<T>) {
            if new.is_some() {
                *kept = new;
            }
        }
        take(&mut self.cors_allowed_origins, given.cors_allowed_origins);
        take(&mut self.id_token_ttl, given.id_token_ttl);
        take(&mut self.refresh_token_ttl, given.refresh_token_ttl);
        take(
            &mut self.refresh_token_ttl_in_days,
            given.refresh_token_ttl_in_days,
        );
        take(
            &mut self.always_issue_refresh_token,
            given.always_issue_refresh_token,
        );
        take(&mut self.rotate_refresh_token, given.rotate_refresh_token);
        take(&mut self.allow_token_exchange, given.allow_token_exchange);
        self
    }

    /// The lifetimes these settings give, with Logto's defaults for the keys left out.
    pub fn lifetimes(&self) -> Lifetimes {
        let refresh = self
            .refresh_token_ttl
            .or(self.refresh_token_ttl_in_days.map(|d| d * 86_400))
            .unwrap_or(DEFAULT_REFRESH_TOKEN_TTL_DAYS * 86_400);
        Lifetimes {
            id_token_secs: self.id_token_ttl.unwrap_or(DEFAULT_ID_TOKEN_TTL_SECS),
            refresh_token_secs: refresh,
            rotate_refresh_token: self
                .rotate_refresh_token
                .unwrap_or(DEFAULT_ROTATE_REFRESH_TOKEN),
            always_issue_refresh_token: self
                .always_issue_refresh_token
                .unwrap_or(DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN),
        }
    }
}

/// Lifetimes an app's metadata may set, with Logto's defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetimes {
    pub id_token_secs: i64,
    pub refresh_token_secs: i64,
    pub rotate_refresh_token: bool,
    pub always_issue_refresh_token: bool,
}

/// The rules of `oidcClientMetadata` (at `key`) for an application of `app_type`.
pub fn check_oidc(issues: &mut Issues, key: &str, metadata: &OidcClientMetadata, app_type: &str) {
    for (list, uris) in [
        ("redirectUris", &metadata.redirect_uris),
        (
            "postLogoutRedirectUris",
            &metadata.post_logout_redirect_uris,
        ),
    ] {
        for (i, uri) in uris.iter().flatten().enumerate() {
            if let Some(problem) = redirect_uri_problem(uri, app_type) {
                issues.push(&format!("{key}.{list}.{i}"), "custom", problem);
            }
        }
    }
}

/// The rules of `customClientMetadata` (at `key`), in the order Logto's guard reports them
/// (its keys sorted).
pub fn check_custom(issues: &mut Issues, key: &str, metadata: &CustomClientMetadata) {
    for (i, origin) in metadata.cors_allowed_origins.iter().flatten().enumerate() {
        if !is_origin(origin) {
            issues.push(
                &format!("{key}.corsAllowedOrigins.{i}"),
                "custom",
                ORIGIN_PROBLEM,
            );
        }
    }
    for (field, value, max) in [
        ("idTokenTtl", metadata.id_token_ttl, TTL_SECS_MAX),
        ("refreshTokenTtl", metadata.refresh_token_ttl, TTL_SECS_MAX),
        (
            "refreshTokenTtlInDays",
            metadata.refresh_token_ttl_in_days,
            TTL_DAYS_MAX,
        ),
    ] {
        if let Some(problem) = value.and_then(|n| range_problem(n, 1, max)) {
            issues.push(&format!("{key}.{field}"), "too_big", problem);
        }
    }
}

/// Why `n` is outside `min..=max`, if it is.
pub fn range_problem(n: i64, min: i64, max: i64) -> Option<String> {
    (!(min..=max).contains(&n)).then(|| format!("Number must be between {min} and {max}"))
}

/// Why `uri` cannot be a redirect URI of an app of this type, if it cannot.
pub fn redirect_uri_problem(uri: &str, app_type: &str) -> Option<&'static str> {
    let parsed = match parse_redirect_uri(uri) {
        Ok(parsed) => parsed,
        Err(problem) => return Some(problem),
    };
    if is_web(&parsed) {
        None
    } else if app_type == "Native" {
        // Native apps may use a private-use scheme, which must be a reverse domain name
        // (RFC 8252 §7.1), or a loopback / https URL.
        (!parsed.scheme().contains('.')).then_some(
            "A native redirect URI needs an http(s) URL or a reverse-domain scheme (com.example.app:/callback)",
        )
    } else {
        Some("A redirect URI must use http or https")
    }
}

/// Why `uri` cannot be a redirect URI of any application, if it cannot: every rule but the
/// scheme's, which depends on the application's type.
pub fn uri_problem(uri: &str) -> Option<&'static str> {
    parse_redirect_uri(uri).err()
}

fn parse_redirect_uri(uri: &str) -> Result<url::Url, &'static str> {
    let parsed = url::Url::parse(uri).map_err(|_| "Invalid URL")?;
    if parsed.fragment().is_some() {
        return Err("A redirect URI must not contain a fragment");
    }
    if uri.contains('*') {
        return Err("Wildcards are not allowed in redirect URIs");
    }
    if is_web(&parsed) && parsed.host_str().is_none_or(str::is_empty) {
        return Err("Invalid URL");
    }
    Ok(parsed)
}

fn is_web(uri: &url::Url) -> bool {
    matches!(uri.scheme(), "http" | "https")
}

/// `scheme://host[:port]` with nothing after it.
pub fn is_origin(s: &str) -> bool {
    // Origins match exactly; a `*` would read as a wildcard to whoever set it and match nothing.
    !s.contains('*')
        && url::Url::parse(s).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.origin().ascii_serialization() == s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_by_type() {
        assert_eq!(
            redirect_uri_problem("https://app.example.com/cb", "SPA"),
            None
        );
        assert_eq!(
            redirect_uri_problem("http://localhost:3000/cb", "Traditional"),
            None
        );
        assert!(redirect_uri_problem("https://app.example.com/cb#x", "SPA").is_some());
        assert!(redirect_uri_problem("https://*.example.com/cb", "SPA").is_some());
        assert!(redirect_uri_problem("myapp:/cb", "SPA").is_some());
        assert!(redirect_uri_problem("myapp:/cb", "Native").is_some());
        assert_eq!(redirect_uri_problem("com.example.app:/cb", "Native"), None);
        assert!(redirect_uri_problem("/relative", "SPA").is_some());
    }

    #[test]
    fn origins_are_bare() {
        assert!(is_origin("https://app.example.com"));
        assert!(is_origin("http://localhost:3000"));
        assert!(!is_origin("https://app.example.com/"));
        assert!(!is_origin("https://app.example.com/path"));
        assert!(!is_origin("app.example.com"));
        assert!(!is_origin("https://*.example.com"));
    }

    #[test]
    fn type_independent_rules_leave_the_scheme_out() {
        assert_eq!(uri_problem("myapp:/cb"), None);
        assert_eq!(
            uri_problem("https://a.example/cb#x"),
            redirect_uri_problem("https://a.example/cb#x", "SPA")
        );
        assert_eq!(uri_problem("nope"), Some("Invalid URL"));
    }

    /// The lifetimes of a stored `customClientMetadata`: a value that is not that shape is an
    /// error, never read as the defaults.
    fn lifetimes(stored: &str) -> Result<Lifetimes, StorageError> {
        Ok(CustomClientMetadata::from_stored(stored)?.lifetimes())
    }

    #[test]
    fn lifetimes_read_the_stored_text() {
        let defaults = lifetimes("{}").unwrap();
        assert_eq!(defaults.id_token_secs, DEFAULT_ID_TOKEN_TTL_SECS);
        assert_eq!(
            defaults.refresh_token_secs,
            DEFAULT_REFRESH_TOKEN_TTL_DAYS * 86_400
        );
        let set = lifetimes(
            r#"{"refreshTokenTtlInDays":2,"idTokenTtl":60,"rotateRefreshToken":false,"x":[1]}"#,
        )
        .unwrap();
        assert_eq!(
            (set.id_token_secs, set.refresh_token_secs),
            (60, 2 * 86_400)
        );
        assert!(!set.rotate_refresh_token);
        let seconds = lifetimes(r#"{"refreshTokenTtlInDays":2,"refreshTokenTtl":5}"#).unwrap();
        assert_eq!(seconds.refresh_token_secs, 5);
        assert!(lifetimes("[]").is_err());
        assert!(lifetimes(r#"{"idTokenTtl":"60"}"#).is_err());
        assert!(lifetimes("not json").is_err());
    }

    #[test]
    fn merging_keeps_what_is_not_given() {
        let stored =
            CustomClientMetadata::from_stored(r#"{"idTokenTtl":60,"legacy":true}"#).unwrap();
        let given = CustomClientMetadata {
            rotate_refresh_token: Some(false),
            ..CustomClientMetadata::default()
        };
        let text = stored.merged(given).to_stored().unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back,
            serde_json::json!({ "idTokenTtl": 60, "legacy": true, "rotateRefreshToken": false })
        );
        let oidc = OidcClientMetadata::default().merged(OidcClientMetadata::default());
        let back: Value = serde_json::from_str(&oidc.to_stored().unwrap()).unwrap();
        assert_eq!(
            back,
            serde_json::json!({ "redirectUris": [], "postLogoutRedirectUris": [] })
        );
    }
}
