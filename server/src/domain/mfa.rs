//! A user's MFA factors through the Management API (`/api/users/:id/mfa-verifications`): TOTP
//! (one per user) and backup codes (ten, only alongside another factor). "Has MFA configured"
//! — what organizations requiring MFA check at token time — means at least one factor.

use rand::Rng;
use serde::Serialize;
use serde_json::{Value, json};
use totp_rs::Secret;

use super::guard::Guard;
use super::{DomainError, ids};
use crate::storage::{MfaVerificationRow, Store};

/// A factor as Logto lists it.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaVerification {
    id: String,
    created_at: i64,
    /// `Totp` or `BackupCode`.
    #[serde(rename = "type")]
    kind: String,
    /// Backup codes not used yet (backup codes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining_codes: Option<usize>,
}

/// A factor just added: its secret or codes, shown this once.
#[derive(Serialize, utoipa::ToSchema)]
pub struct NewMfaVerification {
    /// `Totp` or `BackupCode`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The TOTP secret (base32), for `Totp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    /// The backup codes, for `BackupCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    codes: Option<Vec<String>>,
}

/// Factors as Logto lists them, oldest first.
pub async fn list(
    store: &Store,
    tenant: &str,
    user_id: &str,
) -> Result<Vec<MfaVerification>, DomainError> {
    Ok(store
        .mfa_list(tenant, user_id)
        .await?
        .into_iter()
        .map(|r| {
            let remaining_codes = (r.kind == "BackupCode").then(|| {
                let codes: Vec<Value> = serde_json::from_str(&r.secret).unwrap_or_default();
                codes
                    .iter()
                    .filter(|c| c.get("usedAt").is_none_or(Value::is_null))
                    .count()
            });
            MfaVerification {
                id: r.id,
                created_at: r.created_at,
                kind: r.kind,
                remaining_codes,
            }
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
) -> Result<NewMfaVerification, DomainError> {
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
        let answer = NewMfaVerification {
            kind: "Totp",
            secret: Some(secret.clone()),
            codes: None,
        };
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
            NewMfaVerification {
                kind: "BackupCode",
                secret: None,
                codes: Some(codes),
            },
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
