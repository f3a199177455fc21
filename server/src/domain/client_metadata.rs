//! Client metadata of applications (Logto's `oidcClientMetadata` and `customClientMetadata`).
//! Redirect URIs are validated here, once, so the authorization endpoint can compare them byte
//! for byte (exact matching: no prefixes, no wildcards, no normalisation at request time).

use app::model::{
    DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN, DEFAULT_ID_TOKEN_TTL_SECS, DEFAULT_REFRESH_TOKEN_TTL_DAYS,
    DEFAULT_ROTATE_REFRESH_TOKEN,
};
use serde_json::{Map, Value, json};

use super::guard::Guard;

/// The stored `oidcClientMetadata`: the two URI lists, validated for the application type.
pub fn oidc(
    g: &mut Guard,
    key: &str,
    given: &Map<String, Value>,
    app_type: &str,
    base: &Value,
) -> Value {
    let mut out = base.as_object().cloned().unwrap_or_default();
    for list in ["redirectUris", "postLogoutRedirectUris"] {
        let path = format!("{key}.{list}");
        match given.get(list) {
            None => {}
            Some(Value::Array(items)) => {
                let mut uris = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}.{i}");
                    match item.as_str() {
                        Some(uri) => match redirect_uri_problem(uri, app_type) {
                            None => uris.push(Value::String(uri.to_string())),
                            Some(problem) => g.issue(&item_path, "custom", problem),
                        },
                        None => g.issue(
                            &item_path,
                            "invalid_type",
                            format!("Expected string, received {}", super::guard::kind(item)),
                        ),
                    }
                }
                out.insert(list.to_string(), Value::Array(uris));
            }
            Some(other) => g.issue(
                &path,
                "invalid_type",
                format!("Expected array, received {}", super::guard::kind(other)),
            ),
        }
        out.entry(list.to_string()).or_insert_with(|| json!([]));
    }
    Value::Object(out)
}

/// A list of strings stored under `key` in an app's metadata JSON (`redirectUris`,
/// `postLogoutRedirectUris`, `corsAllowedOrigins`); empty when absent.
pub fn stored_list(metadata_json: &str, key: &str) -> Vec<String> {
    serde_json::from_str::<Value>(metadata_json)
        .ok()
        .and_then(|m| m.get(key).cloned())
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Why `uri` cannot be a redirect URI of an app of this type, if it cannot.
pub fn redirect_uri_problem(uri: &str, app_type: &str) -> Option<&'static str> {
    let Ok(parsed) = url::Url::parse(uri) else {
        return Some("Invalid URL");
    };
    if parsed.fragment().is_some() {
        return Some("A redirect URI must not contain a fragment");
    }
    if uri.contains('*') {
        return Some("Wildcards are not allowed in redirect URIs");
    }
    let web = matches!(parsed.scheme(), "http" | "https");
    if app_type == "Native" {
        // Native apps may use a private-use scheme, which must be a reverse domain name
        // (RFC 8252 §7.1), or a loopback / https URL.
        if !web && !parsed.scheme().contains('.') {
            return Some(
                "A native redirect URI needs an http(s) URL or a reverse-domain scheme (com.example.app:/callback)",
            );
        }
    } else if !web {
        return Some("A redirect URI must use http or https");
    }
    if web && parsed.host_str().is_none_or(str::is_empty) {
        return Some("Invalid URL");
    }
    None
}

/// Validated `customClientMetadata`, merged over `base`.
pub fn custom(g: &mut Guard, key: &str, given: &Map<String, Value>, base: &Value) -> Value {
    let mut out = base.as_object().cloned().unwrap_or_default();
    for (field, value) in given {
        let path = format!("{key}.{field}");
        match field.as_str() {
            "corsAllowedOrigins" => match value {
                Value::Array(items) => {
                    let mut origins = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        match item.as_str().filter(|o| is_origin(o)) {
                            Some(o) => origins.push(Value::String(o.to_string())),
                            None => g.issue(
                                &format!("{path}.{i}"),
                                "custom",
                                "An origin is a scheme, host and optional port (https://app.example.com)",
                            ),
                        }
                    }
                    out.insert(field.clone(), Value::Array(origins));
                }
                other => g.issue(
                    &path,
                    "invalid_type",
                    format!("Expected array, received {}", super::guard::kind(other)),
                ),
            },
            "idTokenTtl" | "refreshTokenTtl" => {
                integer_in(g, &path, value, 1, 86_400 * 365, &mut out, field)
            }
            "refreshTokenTtlInDays" => integer_in(g, &path, value, 1, 730, &mut out, field),
            "alwaysIssueRefreshToken" | "rotateRefreshToken" | "allowTokenExchange" => {
                match value {
                    Value::Bool(_) => {
                        out.insert(field.clone(), value.clone());
                    }
                    other => g.issue(
                        &path,
                        "invalid_type",
                        format!("Expected boolean, received {}", super::guard::kind(other)),
                    ),
                }
            }
            // Unknown keys are ignored, as Logto's guards do.
            _ => {}
        }
    }
    Value::Object(out)
}

fn integer_in(
    g: &mut Guard,
    path: &str,
    value: &Value,
    min: i64,
    max: i64,
    out: &mut Map<String, Value>,
    field: &str,
) {
    match value.as_i64() {
        Some(n) if (min..=max).contains(&n) => {
            out.insert(field.to_string(), json!(n));
        }
        Some(_) => g.issue(
            path,
            "too_big",
            format!("Number must be between {min} and {max}"),
        ),
        None => g.issue(
            path,
            "invalid_type",
            format!("Expected integer, received {}", super::guard::kind(value)),
        ),
    }
}

/// `scheme://host[:port]` with nothing after it.
fn is_origin(s: &str) -> bool {
    url::Url::parse(s).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some()
            && u.origin().ascii_serialization() == s
    })
}

/// Lifetimes an app's metadata may set, with Logto's defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetimes {
    pub id_token_secs: i64,
    pub refresh_token_secs: i64,
    pub rotate_refresh_token: bool,
    pub always_issue_refresh_token: bool,
}

pub fn lifetimes(custom: &Value) -> Lifetimes {
    let refresh = custom
        .get("refreshTokenTtl")
        .and_then(Value::as_i64)
        .or_else(|| {
            custom
                .get("refreshTokenTtlInDays")
                .and_then(Value::as_i64)
                .map(|d| d * 86_400)
        })
        .unwrap_or(DEFAULT_REFRESH_TOKEN_TTL_DAYS * 86_400);
    Lifetimes {
        id_token_secs: custom
            .get("idTokenTtl")
            .and_then(Value::as_i64)
            .unwrap_or(DEFAULT_ID_TOKEN_TTL_SECS),
        refresh_token_secs: refresh,
        rotate_refresh_token: custom
            .get("rotateRefreshToken")
            .and_then(Value::as_bool)
            .unwrap_or(DEFAULT_ROTATE_REFRESH_TOKEN),
        always_issue_refresh_token: custom
            .get("alwaysIssueRefreshToken")
            .and_then(Value::as_bool)
            .unwrap_or(DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN),
    }
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
    }
}
