//! A user's factors as a sign-in uses them: what they hold, checking a TOTP or backup code
//! (each accepted once), binding a new TOTP secret or a new set of backup codes, and the
//! per-user limit on wrong codes (Logto's sentinel, `packages/schemas/src/consts/sentinel.ts`:
//! 100 failures in an hour lock the user's MFA for 60 minutes), shared by every replica. A right
//! code does not clear the count (neither does Logto's): an attacker cannot renew their budget
//! by waiting for the user to sign in.

use super::mfa_settings::MfaFactor;
use super::{DomainError, backup_codes, ids, totp};
use crate::storage::{MfaVerificationRow, Store};

/// Failures that lock (in one window), the window, and how long the lock lasts.
const MAX_FAILURES: i64 = 100;
const WINDOW_MS: i64 = 3_600_000;
const LOCKOUT_MS: i64 = 3_600_000;

/// The result of checking a code.
#[derive(Debug, PartialEq, Eq)]
pub enum CodeCheck {
    Accepted,
    Wrong,
    /// Locked until this time (epoch ms): no code is checked meanwhile.
    Locked(i64),
}

/// The kinds of factors the user holds (backup codes only while one is unused).
pub async fn held(
    store: &Store,
    tenant: &str,
    user_id: &str,
) -> Result<Vec<MfaFactor>, DomainError> {
    let mut kinds = Vec::new();
    for row in store.mfa_list(tenant, user_id).await? {
        let kind = match row.kind.as_str() {
            "Totp" => MfaFactor::Totp,
            "WebAuthn" => MfaFactor::WebAuthn,
            "BackupCode" if backup_codes::remaining(&row.secret) > 0 => MfaFactor::BackupCode,
            _ => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

/// When the user's MFA is locked until, if it is.
pub async fn locked_until(
    store: &Store,
    tenant: &str,
    user_id: &str,
    now: i64,
) -> Result<Option<i64>, DomainError> {
    Ok(store.mfa_locked_until(tenant, user_id, now).await?)
}

/// Counts a wrong code (or passkey answer); `Locked` when this one reached the limit.
pub async fn count_failure(
    store: &Store,
    tenant: &str,
    user_id: &str,
    now: i64,
) -> Result<CodeCheck, DomainError> {
    let limits = (MAX_FAILURES, WINDOW_MS, LOCKOUT_MS);
    Ok(
        match store
            .mfa_count_failure(tenant, user_id, now, limits)
            .await?
        {
            Some(until) => CodeCheck::Locked(until),
            None => CodeCheck::Wrong,
        },
    )
}

/// Checks a code of the user's authenticator app; a code's time step is accepted once.
pub async fn verify_totp(
    store: &Store,
    tenant: &str,
    user_id: &str,
    code: &str,
    now: i64,
) -> Result<CodeCheck, DomainError> {
    if let Some(until) = locked_until(store, tenant, user_id, now).await? {
        return Ok(CodeCheck::Locked(until));
    }
    let rows = store.mfa_list(tenant, user_id).await?;
    let step = rows.iter().find(|r| r.kind == "Totp").and_then(|r| {
        Some((
            r,
            totp::matching_step(&r.secret, code, (now / 1000) as u64)?,
        ))
    });
    if let Some((row, step)) = step
        && store.mfa_accept_totp_step(&row.id, step, now).await?
    {
        return Ok(CodeCheck::Accepted);
    }
    count_failure(store, tenant, user_id, now).await
}

/// Checks a backup code and marks it used.
pub async fn verify_backup_code(
    store: &Store,
    tenant: &str,
    user_id: &str,
    code: &str,
    now: i64,
) -> Result<CodeCheck, DomainError> {
    if let Some(until) = locked_until(store, tenant, user_id, now).await? {
        return Ok(CodeCheck::Locked(until));
    }
    // A concurrent use of another code of the set changes the stored set: read it again.
    for _ in 0..3 {
        let rows = store.mfa_list(tenant, user_id).await?;
        let Some(row) = rows.iter().find(|r| r.kind == "BackupCode") else {
            break;
        };
        let Some(updated) = backup_codes::use_code(&row.secret, code, now) else {
            break;
        };
        if store
            .mfa_swap_secret(&row.id, &row.secret, &updated, now)
            .await?
        {
            return Ok(CodeCheck::Accepted);
        }
    }
    count_failure(store, tenant, user_id, now).await
}

/// The result of binding an authenticator app.
#[derive(Debug, PartialEq, Eq)]
pub enum TotpBinding {
    Bound,
    WrongCode(CodeCheck),
    /// The user already has one (`user.totp_already_in_use`).
    AlreadyBound,
}

/// Binds `secret` once the user proves it with a code from their app. The code's step is
/// recorded, so the same code cannot verify the next sign-in.
pub async fn bind_totp(
    store: &Store,
    tenant: &str,
    user_id: &str,
    secret: &str,
    code: &str,
    now: i64,
) -> Result<TotpBinding, DomainError> {
    if let Some(until) = locked_until(store, tenant, user_id, now).await? {
        return Ok(TotpBinding::WrongCode(CodeCheck::Locked(until)));
    }
    let Some(step) = totp::matching_step(secret, code, (now / 1000) as u64) else {
        return Ok(TotpBinding::WrongCode(
            count_failure(store, tenant, user_id, now).await?,
        ));
    };
    let Some(id) = add_totp(store, tenant, user_id, secret, now).await? else {
        return Ok(TotpBinding::AlreadyBound);
    };
    store.mfa_accept_totp_step(&id, step, now).await?;
    Ok(TotpBinding::Bound)
}

/// A new factor's row.
pub(super) fn factor_row(
    tenant: &str,
    user_id: &str,
    kind: &str,
    secret: String,
    now: i64,
) -> MfaVerificationRow {
    MfaVerificationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        user_id: user_id.into(),
        kind: kind.into(),
        secret,
        created_at: now,
        last_used_at: None,
        last_used_step: None,
        details: "{}".into(),
    }
}

/// Stores the user's authenticator app; its id, or `None` when they have one already.
pub async fn add_totp(
    store: &Store,
    tenant: &str,
    user_id: &str,
    secret: &str,
    now: i64,
) -> Result<Option<String>, DomainError> {
    let row = factor_row(tenant, user_id, "Totp", secret.into(), now);
    Ok(store.mfa_insert_totp(&row).await?.then_some(row.id))
}

/// Stores a new set of backup codes in place of the user's old one.
pub async fn bind_backup_codes(
    store: &Store,
    tenant: &str,
    user_id: &str,
    codes: &[String],
    now: i64,
) -> Result<(), DomainError> {
    let row = factor_row(
        tenant,
        user_id,
        "BackupCode",
        backup_codes::stored(codes),
        now,
    );
    Ok(store.mfa_replace_backup_codes(&row).await?)
}
