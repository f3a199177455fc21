//! The client's address behind reverse proxies. Forwarding headers are believed only from peers
//! in `server.trusted_proxies`; anyone else could write them to dodge per-address limits.

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;
use serde::{Deserialize, Deserializer};

use super::forwarded;

/// Networks of the reverse proxies in front of the server, from a comma-separated list of
/// CIDR blocks or single addresses.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{item:?} is not an IP address or CIDR block"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }
}

impl<'de> Deserialize<'de> for TrustedProxies {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let list = String::deserialize(deserializer)?;
        TrustedProxies::parse(&list).map_err(serde::de::Error::custom)
    }
}

/// The TCP peer, unless it is a trusted proxy: then the right-most forwarded address that is not
/// a trusted proxy itself (the last hop no trusted party vouches for). When the chain ends in an
/// entry that names no address, the nearest trusted hop stands in: still one bucket per proxy
/// rather than one the client picks.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    // A dual-stack listener reports IPv4 peers as `::ffff:a.b.c.d`.
    let peer = peer.to_canonical();
    if !trusted.contains(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded::hops(headers).into_iter().rev() {
        let Some(ip) = hop.map(|ip| ip.to_canonical()) else {
            break;
        };
        client = ip;
        if !trusted.contains(ip) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn xff(value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_static(value));
        h
    }

    fn trusted(list: &str) -> TrustedProxies {
        TrustedProxies::parse(list).unwrap_or_default()
    }

    #[test]
    fn parses_lists() {
        assert!(TrustedProxies::parse("").is_ok_and(|t| t.0.is_empty()));
        let t = trusted(" 10.0.0.0/8, 192.168.1.7 ,2001:db8::/32");
        assert_eq!(t.0.len(), 3);
        assert!(t.contains(ip("10.1.2.3")) && t.contains(ip("2001:db8::5")));
        assert!(t.contains(ip("192.168.1.7")));
        assert!(!t.contains(ip("192.168.1.8")));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.internal").is_err());
    }

    #[test]
    fn ignores_headers_from_untrusted_peers() {
        let h = xff("203.0.113.5");
        assert_eq!(
            client_ip(ip("198.51.100.1"), &h, &trusted("")),
            ip("198.51.100.1")
        );
        assert_eq!(
            client_ip(ip("198.51.100.1"), &h, &trusted("10.0.0.0/8")),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn takes_the_right_most_untrusted_hop() {
        let t = trusted("10.0.0.0/8");
        let h = xff("1.1.1.1, 203.0.113.5, 10.0.0.3");
        assert_eq!(client_ip(ip("10.0.0.2"), &h, &t), ip("203.0.113.5"));
        // A dual-stack listener's view of a trusted IPv4 proxy.
        assert_eq!(client_ip(ip("::ffff:10.0.0.2"), &h, &t), ip("203.0.113.5"));
        assert_eq!(
            client_ip(ip("10.0.0.2"), &HeaderMap::new(), &t),
            ip("10.0.0.2")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), &xff("10.0.0.9"), &t),
            ip("10.0.0.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), &xff("203.0.113.5, junk, 10.0.0.3"), &t),
            ip("10.0.0.3")
        );
    }
}
