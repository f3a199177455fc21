//! Time-based one-time passwords (RFC 6238, with `totp-rs`): 20-byte secrets in base32, 30 s
//! steps, 6 digits, one step of drift either way (Logto's
//! `libraries/verification-helpers/totp-validation.ts`). A code names its time step, and a step
//! is accepted only once per user (the caller stores the last one), so no code works twice.

use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;
const DIGITS: usize = 6;

/// A new secret (20 random bytes, base32 without padding).
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

/// Whether an administrator's secret is usable: base32 (either case), 16 to 32 characters,
/// optional `=` padding (Logto's `validateTotpSecret`). Returned in upper case.
pub fn normalize_secret(secret: &str) -> Option<String> {
    let upper = secret.to_ascii_uppercase();
    let body = upper.trim_end_matches('=');
    let ok = (16..=32).contains(&upper.len())
        && body.chars().all(|c| matches!(c, 'A'..='Z' | '2'..='7'))
        && Secret::Encoded(body.to_string()).to_bytes().is_ok();
    ok.then(|| body.to_string())
}

fn totp(secret: &str, issuer: Option<String>, account: String) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.trim_end_matches('=').to_ascii_uppercase())
        .to_bytes()
        .ok()?;
    // `new_unchecked`: secrets shorter than 128 bits, which administrators may have set,
    // still verify.
    Some(TOTP::new_unchecked(
        Algorithm::SHA1,
        DIGITS,
        1,
        STEP_SECS,
        bytes,
        issuer,
        account,
    ))
}

/// The time step of `code` if it is right for the step of `now_secs` or either neighbour.
pub fn matching_step(secret: &str, code: &str, now_secs: u64) -> Option<i64> {
    let code = code.trim();
    if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret, None, String::new())?;
    let current = now_secs / STEP_SECS;
    let mut found = None;
    // Every candidate is computed and compared: the time taken does not say which matched.
    for step in [current.saturating_sub(1), current, current + 1] {
        let expected = t.generate(step * STEP_SECS);
        if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) {
            found = Some(step as i64);
        }
    }
    found
}

/// The code of `now_secs` (for tests and the test suites' clients).
pub fn code_at(secret: &str, now_secs: u64) -> Option<String> {
    Some(totp(secret, None, String::new())?.generate(now_secs))
}

/// The `otpauth://` URI authenticator apps read from the QR code: the issuer is the public
/// host, the label the user's name.
pub fn otpauth_uri(secret: &str, issuer: &str, account: &str) -> String {
    // The URI format separates issuer and account with ':'; neither may hold one.
    let clean = |s: &str| s.replace(':', " ");
    match totp(secret, Some(clean(issuer)), clean(account)) {
        Some(t) => t.get_url(),
        None => String::new(),
    }
}

/// The QR code of `text` as an inline SVG element (no XML prolog), drawn on the server so the
/// binding page needs no JavaScript.
pub fn qr_svg(text: &str) -> String {
    use qrcode::QrCode;
    use qrcode::render::svg;
    let Ok(code) = QrCode::new(text.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    match svg.find("<svg") {
        Some(at) => svg[at..].to_string(),
        None => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_and_neighbours_only() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        let now = 1_700_000_000;
        let code = code_at(&secret, now).unwrap();
        assert_eq!(matching_step(&secret, &code, now), Some((now / 30) as i64));
        assert_eq!(
            matching_step(&secret, &code, now + 30),
            Some((now / 30) as i64)
        );
        assert_eq!(matching_step(&secret, &code, now + 90), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn administrator_secrets_are_checked_as_logto() {
        assert_eq!(
            normalize_secret("jbswy3dpehpk3pxp").as_deref(),
            Some("JBSWY3DPEHPK3PXP")
        );
        assert!(normalize_secret("JBSWY3DPEHPK3PX").is_none());
        assert!(normalize_secret("not base32!!!!!!!").is_none());
        assert!(normalize_secret(&"A".repeat(33)).is_none());
    }

    #[test]
    fn uri_and_qr_code() {
        let uri = otpauth_uri("JBSWY3DPEHPK3PXP", "id.example.com", "alice");
        assert!(uri.starts_with("otpauth://totp/"), "{uri}");
        assert!(uri.contains("secret=JBSWY3DPEHPK3PXP"), "{uri}");
        let svg = qr_svg(&uri);
        assert!(svg.starts_with("<svg"), "{svg}");
    }
}
