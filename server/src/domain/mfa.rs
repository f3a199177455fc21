//! A user's MFA factors through the Management API (`/api/users/:id/mfa-verifications`): TOTP
//! (one per user) and backup codes (ten, only alongside another factor). "Has MFA configured"
//! — what organizations requiring MFA check at token time — means at least one factor.

use rand::Rng;
use serde::Serialize;
use serde_json::{Value, json};
use totp_rs::Secret;
use utoipa::ToSchema;

use super::rules::Issues;
use super::{DomainError, ids};
use crate::storage::{MfaVerificationRow, Store};

pub const SECRET_MIN: usize = 16;
pub const SECRET_MAX: usize = 128;

/// The kind of an MFA factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ToSchema)]
pub enum MfaVerificationType {
    Totp,
    BackupCode,
}

impl MfaVerificationType {
    pub const NAMES: [&str; 2] = ["Totp", "BackupCode"];

    /// The name Logto stores and lists.
    pub fn as_str(self) -> &'static str {
        match self {
            MfaVerificationType::Totp => "Totp",
            MfaVerificationType::BackupCode => "BackupCode",
        }
    }
}

/// `POST /api/users/{id}/mfa-verifications`: a new MFA factor. Both optional keys are checked
/// whatever the type, but only `secret` matters for `Totp` and only `codes` for `BackupCode`.
/// A user holds at most one factor of each type (422), and backup codes need another factor
/// first (422).
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaVerificationCreate {
    #[serde(rename = "type")]
    pub kind: MfaVerificationType,
    /// Base32 TOTP secret (any case); generated when left out. One that does not decode is
    /// refused with 400 `user.totp_secret_invalid`.
    #[schema(nullable = false, min_length = 16, max_length = 128)]
    pub secret: Option<String>,
    /// Backup codes to store; ten random ones are generated when left out.
    #[schema(nullable = false, min_items = 1, min_length = 1)]
    pub codes: Option<Vec<String>>,
}

impl MfaVerificationCreate {
    /// The value rules, checked again here for callers that build the command themselves.
    fn check(&self) -> Result<(), DomainError> {
        let mut issues = Issues::default();
        if let Some(secret) = &self.secret {
            issues.text("secret", secret, SECRET_MIN, SECRET_MAX);
        }
        match &self.codes {
            Some(codes) if codes.is_empty() => issues.push(
                "codes",
                "too_small",
                "Array must contain at least 1 element(s)",
            ),
            Some(codes) => {
                for (i, code) in codes.iter().enumerate() {
                    issues.text(&format!("codes.{i}"), code, 1, usize::MAX);
                }
            }
            None => {}
        }
        issues.finish()
    }
}

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

/// Adds a factor: returns the secret or the codes, shown this once.
pub async fn create(
    store: &Store,
    tenant: &str,
    user_id: &str,
    input: MfaVerificationCreate,
    now: i64,
) -> Result<NewMfaVerification, DomainError> {
    input.check()?;
    let kind = input.kind;
    let (stored, answer) = if kind == MfaVerificationType::Totp {
        let secret = match input.secret {
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
        let codes = input
            .codes
            .unwrap_or_else(|| (0..10).map(|_| backup_code()).collect());
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
        kind: kind.as_str().into(),
        secret: stored,
        created_at: now,
    };
    if !store.mfa_insert_unique(&row).await? {
        let (code, message) = if kind == MfaVerificationType::Totp {
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
