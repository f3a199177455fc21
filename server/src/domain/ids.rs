//! Random ids over `[0-9a-z]`, as Logto generates them.

use rand::Rng;

const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Organizations and users.
pub const SHORT: usize = 12;
/// Everything else.
pub const LONG: usize = 21;

pub fn generate(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_use_the_lowercase_alphabet() {
        let id = generate(SHORT);
        assert_eq!(id.len(), 12);
        assert!(id.bytes().all(|b| ALPHABET.contains(&b)));
        assert_ne!(generate(LONG), generate(LONG));
    }
}
