//! Application secrets: high-entropy random strings, stored as SHA-256 digests and compared in
//! constant time. (A slow KDF here would cap the token endpoint; the entropy makes it unneeded.)

use aws_lc_rs::digest::{SHA256, digest};
use rand::Rng;
use subtle::ConstantTimeEq;

const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// 32 characters over 62 symbols: about 190 bits.
pub fn generate() -> String {
    let mut rng = rand::rng();
    (0..32)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// Lowercase hex SHA-256 of the secret.
pub fn digest_hex(secret: &str) -> String {
    digest(&SHA256, secret.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `presented` hashes to `stored_digest`, without leaking where they differ.
pub fn matches(stored_digest: &str, presented: &str) -> bool {
    digests_match(stored_digest, &digest_hex(presented))
}

/// Whether two digests are equal, without leaking where they differ.
pub fn digests_match(stored_digest: &str, presented_digest: &str) -> bool {
    bool::from(stored_digest.as_bytes().ct_eq(presented_digest.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_round_trip() {
        let secret = generate();
        assert_eq!(secret.len(), 32);
        let stored = digest_hex(&secret);
        assert_eq!(stored.len(), 64);
        assert!(matches(&stored, &secret));
        assert!(!matches(&stored, "nope"));
    }
}
