//! The two end-user cookies: the pending authorization request (`tessera.interaction`, one
//! hour) and the signed-in browser (`tessera.session`). Both hold random values whose SHA-256
//! digests key the database rows; both are HttpOnly and SameSite=Lax (Secure behind https).

use axum::http::{HeaderMap, HeaderValue, header};

pub const INTERACTION: &str = "tessera.interaction";
pub const SESSION: &str = "tessera.session";

/// The value of cookie `name` in the request, if present and non-empty.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value. Values are our own `[0-9A-Za-z]` strings; anything else is dropped
/// rather than allowed to break the header.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let value: String = value.chars().filter(char::is_ascii_alphanumeric).collect();
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("tessera.invalid=; Max-Age=0"))
}

pub fn clear(name: &str, secure: bool) -> HeaderValue {
    set(name, "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_cookie_among_several() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; tessera.session=abc; b=2"),
        );
        assert_eq!(read(&h, SESSION).as_deref(), Some("abc"));
        assert_eq!(read(&h, INTERACTION), None);
    }
}
