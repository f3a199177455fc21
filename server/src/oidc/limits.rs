//! Brute-force protection for the hosted sign-in forms: attempts are limited per client IP and
//! per account identifier (GCRA buckets from `governor`), so neither one address trying many
//! accounts nor many addresses trying one account get far. The buckets live in each replica's
//! memory: behind N replicas an attacker gets at most N times the budget, still bounded.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct SignInLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
}

impl SignInLimits {
    /// `per_ip` and `per_account` attempts per minute (each also the burst size).
    pub fn new(per_ip: u32, per_account: u32) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        SignInLimits {
            per_ip: RateLimiter::keyed(quota(per_ip)),
            per_account: RateLimiter::keyed(quota(per_account)),
        }
    }

    /// [`SignInLimits::check`] for the hosted pages: `Err` is what the page says.
    pub fn check_page(&self, ip: Option<IpAddr>, identifier: &str) -> Result<(), String> {
        self.check(ip, identifier)
            .map_err(|wait| format!("Too many attempts. Try again in {wait} seconds."))
    }

    /// Counts one attempt; `Err(seconds)` says how long to wait before the next one.
    pub fn check(&self, ip: Option<IpAddr>, identifier: &str) -> Result<(), u64> {
        let now = DefaultClock::default().now();
        if let Some(ip) = ip.map(client_network) {
            self.per_ip
                .check_key(&ip)
                .map_err(|n| n.wait_time_from(now).as_secs().max(1))?;
        }
        if !identifier.is_empty() {
            // Accounts are keyed case-insensitively: emails match in any case.
            self.per_account
                .check_key(&identifier.to_lowercase())
                .map_err(|n| n.wait_time_from(now).as_secs().max(1))?;
        }
        // Old buckets are dropped now and then so the maps stay small.
        if self.per_ip.len() > 10_000 {
            self.per_ip.retain_recent();
        }
        if self.per_account.len() > 10_000 {
            self.per_account.retain_recent();
        }
        Ok(())
    }
}

/// The unit a per-IP budget is kept for: an IPv4 address, or an IPv6 address's /64 network,
/// since one IPv6 host is routinely handed a whole /64 and could otherwise take a fresh budget
/// from every address in it. IPv4 addresses mapped into IPv6 count as IPv4.
fn client_network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                IpAddr::from(segments)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_account_and_per_ip() {
        let limits = SignInLimits::new(100, 3);
        let ip = Some(IpAddr::from([127, 0, 0, 1]));
        for _ in 0..3 {
            assert!(limits.check(ip, "Alice").is_ok());
        }
        assert!(limits.check(ip, "alice").is_err());
        assert!(limits.check(ip, "bob").is_ok());
        let limits = SignInLimits::new(2, 100);
        assert!(limits.check(ip, "a").is_ok());
        assert!(limits.check(ip, "b").is_ok());
        assert!(limits.check(ip, "c").is_err());
        assert!(limits.check(Some(IpAddr::from([10, 0, 0, 1])), "d").is_ok());
        // Two addresses of one IPv6 /64 share a budget; another /64 has its own.
        let limits = SignInLimits::new(1, 100);
        let v6 = |last: u16, net: u16| Some(IpAddr::from([0x2001, 0xdb8, 0, net, 0, 0, 0, last]));
        assert!(limits.check(v6(1, 1), "a").is_ok());
        assert!(limits.check(v6(2, 1), "b").is_err());
        assert!(limits.check(v6(1, 2), "c").is_ok());
    }
}
