//! Email verification codes (Logto's `packages/core/src/libraries/passcode.ts`, next-features
//! §2.1): six digits, valid 600 s and 10 guesses, at most 10 sent to one address in 600 s
//! (429 `request.message_rate_limited`), a new one replacing the unconsumed ones, kept as a
//! SHA-256 digest and compared in constant time. The mail goes out after the code is stored.

use rand::Rng;
use serde_json::{Value, json};

use super::issue::Issue;
use super::{DomainError, ids, secrets};
use crate::mail::{Mail, Mailer, Refused, TemplateType, render};
use crate::storage::{SendLimit, Store, VerificationCodeRow};

const TTL_MS: i64 = 600_000;
const MAX_TRIES: i64 = 10;
const SENDS_PER_WINDOW: i64 = 10;
const SEND_WINDOW_MS: i64 = 600_000;
/// Wrong codes for one address in an hour, whatever the code and its purpose, after which its
/// codes are refused for the rest of the hour (Logto's sentinel numbers): a resend gives a
/// fresh code 10 guesses, never the address a fresh budget.
const FAILURES_PER_HOUR: i64 = 100;
const HOUR_MS: i64 = 3_600_000;

fn refused(code: &'static str, message: &str) -> DomainError {
    DomainError::refused(400, code, message)
}

/// Logto's answer when an address had its share of messages (every kind of mail counts).
pub fn rate_limited() -> DomainError {
    DomainError::refused(
        429,
        "request.message_rate_limited",
        "Message rate limit exceeded, please try again later.",
    )
}

/// One more message to `recipient` (lower case) within Logto's limit for an address.
pub fn send_limit(recipient: &str, now: i64) -> SendLimit<'_> {
    SendLimit {
        recipient,
        window_start: now - SEND_WINDOW_MS,
        max: SENDS_PER_WINDOW,
        now,
    }
}

/// Logto's answer when no email connector is set up.
pub fn no_connector() -> DomainError {
    DomainError::refused(
        501,
        "connector.not_found",
        "Cannot find any available connector for type: Email.",
    )
}

/// The address alone (no display name), in lower case: what codes, limits and mail use, so no
/// spelling of one inbox gets a budget of its own. Anything else is refused as Logto's guard
/// refuses a malformed email.
fn canonical(email: &str) -> Result<String, DomainError> {
    let parsed: Option<lettre::Address> = email.trim().parse().ok();
    match parsed {
        Some(a) => Ok(format!("{}@{}", a.user(), a.domain()).to_lowercase()),
        None => Err(DomainError::invalid(Issue::at(
            "email",
            "invalid_string",
            "Invalid email",
        ))),
    }
}

fn new_code() -> String {
    let mut rng = rand::rng();
    (0..6)
        .map(|_| char::from(b'0' + rng.random_range(0..10)))
        .collect()
}

/// A code to send.
pub struct CodeMail<'a> {
    pub email: &'a str,
    /// Its purpose (the template).
    pub kind: TemplateType,
    /// Joins the template's payload (e.g. the application's name).
    pub extra: Value,
    /// `false` stores the code but sends nothing (Logto's answer to addresses it must not
    /// reveal).
    pub deliver: bool,
}

/// Sends a new code.
pub async fn send(
    store: &Store,
    mailer: &Mailer,
    tenant: &str,
    request: CodeMail<'_>,
    now: i64,
) -> Result<(), DomainError> {
    let CodeMail {
        email,
        kind,
        extra,
        deliver,
    } = request;
    if !mailer.enabled() {
        return Err(no_connector());
    }
    let email = canonical(email)?;
    let code = new_code();
    let row = VerificationCodeRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        email: email.clone(),
        kind: format!("{kind:?}"),
        code_digest: secrets::digest_hex(&code),
        try_count: 0,
        consumed_at: None,
        created_at: now,
    };
    let window_start = now - SEND_WINDOW_MS;
    if !store
        .verification_code_replace(&row, window_start, SENDS_PER_WINDOW)
        .await?
    {
        return Err(rate_limited());
    }
    if !deliver {
        return Ok(());
    }
    // The code goes in last: nothing in `extra` can replace it.
    let mut payload = match extra {
        Value::Object(e) => Value::Object(e),
        _ => json!({}),
    };
    payload["code"] = Value::String(code);
    let (subject, text, html) = render(kind, &payload);
    let mail = Mail {
        id: ids::generate(ids::LONG),
        created_at: now,
        to: email,
        template_type: kind,
        subject,
        text,
        html,
        payload,
    };
    mailer.send(mail).map_err(|e| match e {
        Refused::NoTransport => no_connector(),
        Refused::Busy => DomainError::refused(
            503,
            "request.message_rate_limited",
            "Too many messages are waiting to be sent; try again shortly.",
        ),
    })
}

/// Checks `code` for `email` and `kind`, in Logto's order: none → `not_found`, too old →
/// `expired`, too many guesses → `exceed_max_try`, wrong → `code_mismatch` (counted, for the
/// code and for the address), right → consumed. An address with 100 wrong codes in the last
/// hour is refused first.
pub async fn verify(
    store: &Store,
    tenant: &str,
    email: &str,
    kind: TemplateType,
    code: &str,
    now: i64,
) -> Result<(), DomainError> {
    let email = canonical(email)?;
    if store
        .verification_code_failures(tenant, &email, now - HOUR_MS)
        .await?
        >= FAILURES_PER_HOUR
    {
        return Err(refused(
            "session.verification_blocked_too_many_attempts",
            "Too many attempts. Please try again later.",
        ));
    }
    let Some(row) = store
        .verification_code_latest(tenant, &email, &format!("{kind:?}"))
        .await?
    else {
        return Err(refused(
            "verification_code.not_found",
            "Verification code not found. Please send verification code first.",
        ));
    };
    if now - row.created_at > TTL_MS {
        return Err(refused(
            "verification_code.expired",
            "Verification code has expired. Please send new verification code.",
        ));
    }
    if row.try_count >= MAX_TRIES {
        return Err(refused(
            "verification_code.exceed_max_try",
            "Verification code retries limitation exceeded. Please send new verification code.",
        ));
    }
    // The guess is counted before it is compared: concurrent guesses cannot pass the cap.
    if !store
        .verification_code_take_try(&row.id, MAX_TRIES, now - TTL_MS)
        .await?
    {
        return Err(refused(
            "verification_code.exceed_max_try",
            "Verification code retries limitation exceeded. Please send new verification code.",
        ));
    }
    if !secrets::matches(&row.code_digest, code.trim()) {
        store
            .verification_code_failure_record(tenant, &email, now, now - HOUR_MS)
            .await?;
        return Err(refused(
            "verification_code.code_mismatch",
            "Invalid verification code.",
        ));
    }
    if !store.verification_code_consume(&row.id, now).await? {
        return Err(refused(
            "verification_code.not_found",
            "Verification code not found. Please send verification code first.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_inbox_one_spelling() {
        assert_eq!(
            super::canonical(" Pat@Example.COM ").unwrap(),
            "pat@example.com"
        );
        assert!(super::canonical("a <pat@example.com>").is_err());
        assert!(super::canonical("pat").is_err());
        assert!(super::canonical("pat@example.com\r\nBcc: x@y.z").is_err());
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let c = super::new_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
