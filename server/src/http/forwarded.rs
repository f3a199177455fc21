//! The hops a request says it passed through, from `X-Forwarded-For` or RFC 7239 `Forwarded`.
//! Only meaningful when the peer that sent them is trusted (see `client_ip`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::http::HeaderMap;
use axum::http::header::FORWARDED;

const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// Forwarded client addresses, the farthest first and the nearest last; `None` for an entry that
/// names no address (`unknown`, an obfuscated node, garbage).
///
/// `X-Forwarded-For` wins when both are present: it is what common proxies append to, while a
/// `Forwarded` header next to it may have come from the client untouched.
pub fn hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    if headers.contains_key(X_FORWARDED_FOR) {
        return entries(headers, X_FORWARDED_FOR)
            .map(|entry| entry.and_then(node))
            .collect();
    }
    entries(headers, FORWARDED.as_str())
        .map(|element| element.and_then(forwarded_for).and_then(node))
        .collect()
}

/// The comma-separated entries of every value of `name`, in order.
fn entries<'a>(
    headers: &'a HeaderMap,
    name: &'static str,
) -> impl Iterator<Item = Option<&'a str>> + 'a {
    headers
        .get_all(name)
        .iter()
        .flat_map(|value| match value.to_str() {
            Ok(text) => text.split(',').map(|e| Some(e.trim())).collect::<Vec<_>>(),
            Err(_) => vec![None],
        })
}

/// The `for` parameter of one `Forwarded` element, unquoted.
fn forwarded_for(element: &str) -> Option<&str> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| value.trim().trim_matches('"'))
    })
}

/// An address, possibly with a port: `192.0.2.1`, `192.0.2.1:80`, `2001:db8::1`,
/// `[2001:db8::1]:80`.
fn node(text: &str) -> Option<IpAddr> {
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = text.strip_prefix('[') {
        let (v6, _) = rest.split_once(']')?;
        return v6.parse::<Ipv6Addr>().ok().map(IpAddr::V6);
    }
    let (v4, _) = text.split_once(':')?;
    v4.parse::<Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn reads_x_forwarded_for_across_values() {
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.9, 10.0.0.2"),
            ("x-forwarded-for", "[2001:db8::1]:443,junk"),
        ]);
        assert_eq!(
            hops(&h),
            vec![ip("203.0.113.9"), ip("10.0.0.2"), ip("2001:db8::1"), None]
        );
    }

    #[test]
    fn reads_forwarded_for_parameters() {
        let h = headers(&[(
            "forwarded",
            "for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\", \
             for=unknown, proto=https, for=\"198.51.100.7:8080\"",
        )]);
        assert_eq!(
            hops(&h),
            vec![
                ip("192.0.2.60"),
                ip("2001:db8:cafe::17"),
                None,
                None,
                ip("198.51.100.7")
            ]
        );
    }

    #[test]
    fn prefers_x_forwarded_for() {
        let h = headers(&[
            ("forwarded", "for=192.0.2.1"),
            ("x-forwarded-for", "192.0.2.2"),
        ]);
        assert_eq!(hops(&h), vec![ip("192.0.2.2")]);
        assert!(hops(&HeaderMap::new()).is_empty());
    }
}
