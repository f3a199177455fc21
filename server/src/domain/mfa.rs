//! A user's MFA factors through the Management API (`/api/users/:id/mfa-verifications`,
//! Logto's `packages/core/src/routes/admin-user/mfa-verifications.ts`): TOTP (one per user),
//! backup codes (ten, only alongside another factor) and passkeys (listed and deleted; they are
//! registered at sign-in). "Has MFA configured"
//! — what organizations requiring MFA check at token time — means at least one factor.

use serde::Serialize;
use utoipa::ToSchema;

use super::passkeys::PasskeyDetails;
use super::{DomainError, backup_codes, mfa_sign_in, totp};
use crate::storage::Store;

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

/// `POST /api/users/{id}/mfa-verifications`: a new MFA factor; only `secret` matters for
/// `Totp` and only `codes` for `BackupCode`. A user holds at most one authenticator app (422),
/// backup codes need another factor first (422) and replace a set only once all its codes are
/// used (422 while one is unused).
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaVerificationCreate {
    #[serde(rename = "type")]
    pub kind: MfaVerificationType,
    /// Base32 TOTP secret (any case, 16 to 32 characters); generated when left out. Any other
    /// is refused with 422 `user.totp_secret_invalid`.
    #[schema(nullable = false)]
    pub secret: Option<String>,
    /// Ten backup codes of ten hex characters (else 422 `user.wrong_backup_code_format`); ten
    /// random ones are generated when left out.
    #[schema(nullable = false)]
    pub codes: Option<Vec<String>>,
}

/// A factor as Logto lists it (`transpileUserMfaVerifications`).
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaVerification {
    id: String,
    created_at: i64,
    /// When it last verified a sign-in (passkeys).
    #[serde(skip_serializing_if = "Option::is_none")]
    last_used_at: Option<i64>,
    /// `Totp`, `BackupCode` or `WebAuthn`.
    #[serde(rename = "type")]
    kind: String,
    /// The browser that registered the passkey (its `User-Agent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    agent: Option<String>,
    /// The passkey's name, if one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    /// Backup codes not used yet (backup codes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    remain_codes: Option<usize>,
}

/// A factor just added: its secret or codes, shown this once.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewMfaVerification {
    /// `Totp` or `BackupCode`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The TOTP secret (base32), for `Totp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    /// The secret's `otpauth://` URI as a QR code (an SVG data URL), for `Totp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret_qr_code: Option<String>,
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
            let passkey = (r.kind == "WebAuthn").then(|| PasskeyDetails::parse(&r.details));
            MfaVerification {
                remain_codes: (r.kind == "BackupCode").then(|| backup_codes::remaining(&r.secret)),
                last_used_at: passkey.as_ref().and(r.last_used_at),
                agent: passkey.as_ref().map(|d| d.agent.clone()),
                name: passkey.and_then(|d| d.name),
                id: r.id,
                created_at: r.created_at,
                kind: r.kind,
            }
        })
        .collect())
}

/// Adds a factor: returns the secret or the codes, shown this once. A new set of backup codes
/// replaces one whose codes are all used (Logto refuses while one is unused).
pub async fn create(
    store: &Store,
    tenant: &str,
    user_id: &str,
    input: MfaVerificationCreate,
    issuer_host: &str,
    now: i64,
) -> Result<NewMfaVerification, DomainError> {
    let existing = store.mfa_list(tenant, user_id).await?;
    if input.kind == MfaVerificationType::Totp {
        if existing.iter().any(|f| f.kind == "Totp") {
            return Err(totp_in_use());
        }
        let secret = match input.secret {
            Some(s) => totp::normalize_secret(&s).ok_or_else(|| {
                DomainError::refused(
                    422,
                    "user.totp_secret_invalid",
                    "Invalid TOTP secret supplied.",
                )
            })?,
            None => totp::new_secret(),
        };
        if mfa_sign_in::add_totp(store, tenant, user_id, &secret, now)
            .await?
            .is_none()
        {
            return Err(totp_in_use());
        }
        let label = store
            .user_find_by_id(tenant, user_id)
            .await?
            .and_then(|u| u.display_name())
            .unwrap_or_else(|| "Unnamed User".into());
        let svg = totp::qr_svg(&totp::otpauth_uri(&secret, issuer_host, &label));
        use base64::Engine;
        let qr = base64::engine::general_purpose::STANDARD.encode(svg);
        return Ok(NewMfaVerification {
            kind: "Totp",
            secret: Some(secret),
            secret_qr_code: Some(format!("data:image/svg+xml;base64,{qr}")),
            codes: None,
        });
    }
    if existing
        .iter()
        .any(|f| f.kind == "BackupCode" && backup_codes::remaining(&f.secret) > 0)
    {
        return Err(DomainError::refused(
            422,
            "user.backup_code_already_in_use",
            "Backup code is already in use.",
        ));
    }
    if !existing.iter().any(|f| f.kind != "BackupCode") {
        return Err(DomainError::refused(
            422,
            "session.mfa.backup_code_can_not_be_alone",
            "Backup code can not be the only MFA.",
        ));
    }
    let codes = match input.codes {
        Some(codes) => {
            if codes.len() != backup_codes::COUNT
                || !codes.iter().all(|c| backup_codes::well_formed(c))
            {
                return Err(DomainError::refused(
                    422,
                    "user.wrong_backup_code_format",
                    "Backup code format is invalid.",
                ));
            }
            codes
        }
        None => backup_codes::generate(),
    };
    mfa_sign_in::bind_backup_codes(store, tenant, user_id, &codes, now).await?;
    Ok(NewMfaVerification {
        kind: "BackupCode",
        secret: None,
        secret_qr_code: None,
        codes: Some(codes),
    })
}

fn totp_in_use() -> DomainError {
    DomainError::refused(422, "user.totp_already_in_use", "TOTP is already in use.")
}
