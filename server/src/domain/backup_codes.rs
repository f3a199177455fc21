//! Backup codes: ten codes of ten lowercase hex characters (Logto's
//! `libraries/verification-helpers/backup-code-validation.ts`), each usable once. Stored as
//! SHA-256 digests with the time each was used (`[{"digest", "usedAt"}]`); sets written by
//! earlier versions hold the codes themselves (`"code"`) and are read alike.

use rand::Rng;
use serde::{Deserialize, Serialize};

use super::secrets;

pub const COUNT: usize = 10;
const LENGTH: usize = 10;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredCode {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    digest: Option<String>,
    /// Earlier versions' plain code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    used_at: Option<i64>,
}

impl StoredCode {
    fn digest(&self) -> String {
        match (&self.digest, &self.code) {
            (Some(d), _) => d.clone(),
            // Codes are compared in lower case (as Logto's format check, any case).
            (None, Some(c)) => secrets::digest_hex(&c.to_ascii_lowercase()),
            (None, None) => String::new(),
        }
    }
}

/// Ten new codes.
pub fn generate() -> Vec<String> {
    let mut rng = rand::rng();
    (0..COUNT)
        .map(|_| {
            (0..LENGTH)
                .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
                .collect()
        })
        .collect()
}

/// Whether a code has Logto's format (`/^[\da-f]{10}$/i`).
pub fn well_formed(code: &str) -> bool {
    code.len() == LENGTH && code.bytes().all(|b| b.is_ascii_hexdigit())
}

/// What is stored for a new set.
pub fn stored(codes: &[String]) -> String {
    let set: Vec<StoredCode> = codes
        .iter()
        .map(|c| StoredCode {
            digest: Some(secrets::digest_hex(&c.to_ascii_lowercase())),
            code: None,
            used_at: None,
        })
        .collect();
    serde_json::to_string(&set).unwrap_or_else(|_| "[]".into())
}

fn parse(stored: &str) -> Vec<StoredCode> {
    serde_json::from_str(stored).unwrap_or_default()
}

/// How many codes of a stored set are unused.
pub fn remaining(stored: &str) -> usize {
    parse(stored).iter().filter(|c| c.used_at.is_none()).count()
}

/// The set with `presented` marked used at `now`, if it is an unused code of the set.
pub fn use_code(stored: &str, presented: &str, now: i64) -> Option<String> {
    let presented = secrets::digest_hex(&presented.trim().to_ascii_lowercase());
    let mut set = parse(stored);
    let mut hit = None;
    // Every code is compared, in constant time each.
    for (i, c) in set.iter().enumerate() {
        if c.used_at.is_none() && secrets::digests_match(&c.digest(), &presented) {
            hit = Some(i);
        }
    }
    let i = hit?;
    // Earlier versions' plain codes are written back as digests.
    for c in &mut set {
        c.digest = Some(c.digest());
        c.code = None;
    }
    set[i].used_at = Some(now);
    serde_json::to_string(&set).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_works_once() {
        let codes = generate();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| well_formed(c)));
        let set = stored(&codes);
        assert!(!set.contains(&codes[0]), "codes are stored as digests");
        assert_eq!(remaining(&set), 10);
        let used = use_code(&set, &codes[3].to_uppercase(), 5).unwrap();
        assert_eq!(remaining(&used), 9);
        assert!(use_code(&used, &codes[3], 6).is_none());
        assert!(use_code(&used, "0000000000", 6).is_none());
    }

    #[test]
    fn earlier_plain_sets_still_verify() {
        let legacy =
            r#"[{"code":"0123456789"},{"code":"abcdefabcd","usedAt":1},{"code":"ABCDEF1234"}]"#;
        assert_eq!(remaining(legacy), 2);
        assert!(
            use_code(legacy, "abcdef1234", 7).is_some(),
            "stored in capitals"
        );
        let used = use_code(legacy, "0123456789", 7).unwrap();
        assert!(!used.contains("0123456789"));
        assert_eq!(remaining(&used), 1);
        assert!(use_code(legacy, "abcdefabcd", 7).is_none());
    }
}
