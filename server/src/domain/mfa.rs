//! A user's MFA factors through the Management API (`/api/users/:id/mfa-verifications`): TOTP
//! (one per user) and backup codes (ten, only alongside another factor). "Has MFA configured"
//! — what organizations requiring MFA check at token time — means at least one factor.

use rand::Rng;
use serde_json::{Value, json};
use totp_rs::Secret;

use super::guard::Guard;
use super::{DomainError, ids};
use crate::storage::{MfaVerificationRow, Store};

/// Factors as Logto lists them: `{ id, createdAt, type }` (+ `remainingCodes` for backup codes).
pub async fn list(store: &Store, tenant: &str, user_id: &str) -> Result<Vec<Value>, DomainError> {
    Ok(store
        .mfa_list(tenant, user_id)
        .await?
        .into_iter()
        .map(|r| {
            let mut v = json!({ "id": r.id, "createdAt": r.created_at, "type": r.kind });
            if r.kind == "BackupCode" {
                let codes: Vec<Value> = serde_json::from_str(&r.secret).unwrap_or_default();
                let left = codes
                    .iter()
                    .filter(|c| c.get("usedAt").is_none_or(Value::is_null))
                    .count();
                v["remainingCodes"] = json!(left);
            }
            v
        })
        .collect())
}

/// `POST` `{ type: "Totp", secret? }` or `{ type: "BackupCode", codes? }`: returns the secret or
/// the codes, shown this once.
pub async fn create(
    store: &Store,
    tenant: &str,
    user_id: &str,
    body: &Value,
    now: i64,
) -> Result<Value, DomainError> {
    let mut g = Guard::new(body);
    let kind = g.required_enum("type", &["Totp", "BackupCode"]);
    let secret = g.optional_string("secret", 16, 128);
    let codes = g.id_list("codes", false, true);
    g.finish()?;
    let kind = kind.unwrap_or_default();
    let (stored, answer) = if kind == "Totp" {
        let secret = match secret {
            Some(s) => {
                let upper = s.to_uppercase();
                if Secret::Encoded(upper.clone()).to_bytes().is_err() {
                    return Err(DomainError::refused(
                        400,
                        "user.totp_secret_invalid",
                        "Invalid TOTP secret supplied.",
                    ));
                }
                upper
            }
            None => Secret::generate_secret().to_encoded().to_string(),
        };
        let answer = json!({ "type": "Totp", "secret": secret });
        (secret, answer)
    } else {
        let existing = store.mfa_list(tenant, user_id).await?;
        if !existing.iter().any(|f| f.kind != "BackupCode") {
            return Err(DomainError::refused(
                422,
                "user.backup_code_requires_other_factor",
                "Backup codes can only be added to a user who has another MFA factor.",
            ));
        }
        let codes = codes.unwrap_or_else(|| (0..10).map(|_| backup_code()).collect());
        let stored: Vec<Value> = codes.iter().map(|c| json!({ "code": c })).collect();
        (
            Value::Array(stored).to_string(),
            json!({ "type": "BackupCode", "codes": codes }),
        )
    };
    let row = MfaVerificationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        user_id: user_id.into(),
        kind: kind.clone(),
        secret: stored,
        created_at: now,
    };
    if !store.mfa_insert_unique(&row).await? {
        let (code, message) = if kind == "Totp" {
            ("user.totp_already_in_use", "TOTP is already in use.")
        } else {
            (
                "user.backup_code_already_in_use",
                "Backup codes are already in use.",
            )
        };
        return Err(DomainError::refused(422, code, message));
    }
    Ok(answer)
}

/// Ten characters of lowercase hex, as Logto's backup codes.
fn backup_code() -> String {
    let mut rng = rand::rng();
    (0..10)
        .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
        .collect()
}
