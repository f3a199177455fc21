//! How an application body's `oidcClientMetadata` and `customClientMetadata` objects are read:
//! known keys only (unknown ones are dropped, as Logto's guards strip them), each problem one
//! `details` line at its key path.

use serde_json::{Map, Value};

use crate::domain::client_metadata::{
    CustomClientMetadata, ORIGIN_PROBLEM, OidcClientMetadata, TTL_DAYS_MAX, TTL_SECS_MAX,
    is_origin, range_problem, redirect_uri_problem, uri_problem,
};
use crate::management_api::bodies::guard::{Guard, kind};

/// The two URI lists at `key`. With the application's type, every redirect-URI rule applies;
/// without it (a patch, whose type is stored), all but the scheme rule, which the domain
/// applies with the stored type.
pub(super) fn read_oidc(
    g: &mut Guard<'_>,
    key: &str,
    given: &Map<String, Value>,
    app_type: Option<&str>,
) -> OidcClientMetadata {
    let mut list = |name: &str| {
        let path = format!("{key}.{name}");
        match given.get(name) {
            None => None,
            Some(Value::Array(items)) => {
                let mut uris = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}.{i}");
                    let Some(uri) = item.as_str() else {
                        g.issue(
                            &item_path,
                            "invalid_type",
                            format!("Expected string, received {}", kind(item)),
                        );
                        continue;
                    };
                    let problem = match app_type {
                        Some(app_type) => redirect_uri_problem(uri, app_type),
                        None => uri_problem(uri),
                    };
                    match problem {
                        None => uris.push(uri.to_string()),
                        Some(problem) => g.issue(&item_path, "custom", problem),
                    }
                }
                Some(uris)
            }
            Some(other) => {
                g.issue(
                    &path,
                    "invalid_type",
                    format!("Expected array, received {}", kind(other)),
                );
                None
            }
        }
    };
    OidcClientMetadata {
        redirect_uris: list("redirectUris"),
        post_logout_redirect_uris: list("postLogoutRedirectUris"),
        other: Map::new(),
    }
}

/// The token and browser settings at `key`, reported in the order of the object's keys
/// (sorted), as Logto's guard reports them.
pub(super) fn read_custom(
    g: &mut Guard<'_>,
    key: &str,
    given: &Map<String, Value>,
) -> CustomClientMetadata {
    let mut out = CustomClientMetadata::default();
    for (field, value) in given {
        let path = format!("{key}.{field}");
        match field.as_str() {
            "corsAllowedOrigins" => out.cors_allowed_origins = read_origins(g, &path, value),
            "idTokenTtl" => out.id_token_ttl = read_integer(g, &path, value, TTL_SECS_MAX),
            "refreshTokenTtl" => {
                out.refresh_token_ttl = read_integer(g, &path, value, TTL_SECS_MAX)
            }
            "refreshTokenTtlInDays" => {
                out.refresh_token_ttl_in_days = read_integer(g, &path, value, TTL_DAYS_MAX)
            }
            "alwaysIssueRefreshToken" => {
                out.always_issue_refresh_token = read_bool(g, &path, value)
            }
            "rotateRefreshToken" => out.rotate_refresh_token = read_bool(g, &path, value),
            "allowTokenExchange" => out.allow_token_exchange = read_bool(g, &path, value),
            _ => {}
        }
    }
    out
}

fn read_origins(g: &mut Guard<'_>, path: &str, value: &Value) -> Option<Vec<String>> {
    let Value::Array(items) = value else {
        g.issue(
            path,
            "invalid_type",
            format!("Expected array, received {}", kind(value)),
        );
        return None;
    };
    let mut origins = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.as_str().filter(|o| is_origin(o)) {
            Some(origin) => origins.push(origin.to_string()),
            None => g.issue(&format!("{path}.{i}"), "custom", ORIGIN_PROBLEM),
        }
    }
    Some(origins)
}

/// An integer in `1..=max`.
fn read_integer(g: &mut Guard<'_>, path: &str, value: &Value, max: i64) -> Option<i64> {
    let Some(n) = value.as_i64() else {
        g.issue(
            path,
            "invalid_type",
            format!("Expected integer, received {}", kind(value)),
        );
        return None;
    };
    match range_problem(n, 1, max) {
        Some(problem) => {
            g.issue(path, "too_big", problem);
            None
        }
        None => Some(n),
    }
}

fn read_bool(g: &mut Guard<'_>, path: &str, value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        other => {
            g.issue(
                path,
                "invalid_type",
                format!("Expected boolean, received {}", kind(other)),
            );
            None
        }
    }
}
