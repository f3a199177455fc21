//! One-time tokens (Logto's `packages/core/src/libraries/one-time-token.ts`, next-features
//! §5.2): 32 letters and digits bound to an email address, valid once until they expire, for
//! magic links. Decided deviation: the token is shown only when created (and echoed by a
//! successful verify, whose caller sent it); it is kept as a SHA-256 digest, so no read of the
//! database or the API yields a usable one.

use rand::Rng;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{DomainError, ids, secrets};
use crate::storage::{OneTimeTokenRow, Page, Paged, Store};

/// Logto's default lifetime (seconds).
pub const DEFAULT_EXPIRES_IN: i64 = 600;
const TOKEN_LENGTH: usize = 32;

/// What the token is for: organizations to join (with their JIT roles) and the one sign-in
/// event it may serve.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenContext {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub jit_organization_ids: Option<Vec<String>>,
    /// `SignIn`, `Register` or `ForgotPassword`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub interaction_event: Option<String>,
    /// Tessera's extension: the invitation whose link carries the token (set by the server
    /// only, never read from a request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub invitation_id: Option<String>,
}

pub const INTERACTION_EVENTS: [&str; 3] = ["SignIn", "Register", "ForgotPassword"];
pub const STATUSES: [&str; 4] = ["active", "consumed", "revoked", "expired"];

/// A one-time token as the API shows it.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OneTimeToken {
    pub tenant_id: String,
    pub id: String,
    pub email: String,
    /// Only in the answer that creates it (and a successful verify).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub token: Option<String>,
    pub context: TokenContext,
    /// `active`, `consumed`, `revoked` or `expired`.
    pub status: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// `POST /api/one-time-tokens`.
#[derive(Clone, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewOneTimeToken {
    pub email: String,
    #[schema(nullable = false)]
    pub context: Option<TokenContext>,
    /// Seconds (default 600).
    #[schema(nullable = false, minimum = 1)]
    pub expires_in: Option<i64>,
}

fn to_wire(row: OneTimeTokenRow, token: Option<String>) -> OneTimeToken {
    OneTimeToken {
        context: serde_json::from_str(&row.context).unwrap_or_default(),
        tenant_id: row.tenant_id,
        id: row.id,
        email: row.email,
        token,
        status: row.status,
        created_at: row.created_at,
        expires_at: row.expires_at,
    }
}

fn new_token() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut rng = rand::rng();
    (0..TOKEN_LENGTH)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

fn refused(status: u16, code: &'static str, message: &str) -> DomainError {
    DomainError::refused(status, code, message)
}

/// Logto's 404 for an unknown id on reads and status changes.
pub fn not_exists(id: &str) -> DomainError {
    refused(
        404,
        "entity.not_exists_with_id",
        &format!("The one_time_tokens with ID `{id}` does not exist."),
    )
}

pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewOneTimeToken,
    now: i64,
) -> Result<OneTimeToken, DomainError> {
    let token = new_token();
    let expires_in = input.expires_in.unwrap_or(DEFAULT_EXPIRES_IN);
    let context = input.context.unwrap_or_default();
    let row = OneTimeTokenRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        email: input.email,
        token_digest: secrets::digest_hex(&token),
        context: serde_json::to_string(&context)
            .map_err(|e| DomainError::Internal(e.to_string()))?,
        status: "active".into(),
        created_at: now,
        expires_at: now.saturating_add(expires_in.saturating_mul(1000)),
    };
    store
        .one_time_token_insert(&row, context.invitation_id.as_deref())
        .await?;
    Ok(to_wire(row, Some(token)))
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
    now: i64,
) -> Result<Option<OneTimeToken>, DomainError> {
    Ok(store
        .one_time_token_find(tenant, id, now)
        .await?
        .map(|r| to_wire(r, None)))
}

pub async fn list(
    store: &Store,
    tenant: &str,
    email: Option<&str>,
    status: Option<&str>,
    now: i64,
    page: Option<Page>,
) -> Result<Paged<OneTimeToken>, DomainError> {
    let found = store
        .one_time_token_list(tenant, email, status, now, page)
        .await?;
    Ok(Paged {
        items: found.items.into_iter().map(|r| to_wire(r, None)).collect(),
        total: found.total,
    })
}

/// Why a token cannot be used, in Logto's order and codes.
fn unusable(row: &OneTimeTokenRow) -> Option<DomainError> {
    match row.status.as_str() {
        "expired" => Some(refused(
            400,
            "one_time_token.token_expired",
            "The token is expired.",
        )),
        "consumed" => Some(refused(
            400,
            "one_time_token.token_consumed",
            "The token has been consumed.",
        )),
        "revoked" => Some(refused(
            400,
            "one_time_token.token_revoked",
            "The token has been revoked.",
        )),
        _ => None,
    }
}

/// The active token `token` of `email`, checked without consuming it (a magic link settles
/// the account question first, then consumes).
pub async fn check(
    store: &Store,
    tenant: &str,
    token: &str,
    email: &str,
    now: i64,
) -> Result<OneTimeTokenRow, DomainError> {
    check_digest(store, tenant, &secrets::digest_hex(token), email, now).await
}

/// [`check`] by the token's digest (what a pending sign-in keeps).
pub async fn check_digest(
    store: &Store,
    tenant: &str,
    digest: &str,
    email: &str,
    now: i64,
) -> Result<OneTimeTokenRow, DomainError> {
    let Some(row) = store
        .one_time_token_find_by_digest(tenant, digest, now)
        .await?
    else {
        return Err(refused(
            404,
            "one_time_token.token_not_found",
            "Token not found.",
        ));
    };
    if row.email != email {
        return Err(refused(
            400,
            "one_time_token.email_mismatch",
            "Email mismatch with given token.",
        ));
    }
    if let Some(e) = unusable(&row) {
        if row.status == "expired" {
            // Logto persists the expiry it found.
            store
                .one_time_token_set_status(tenant, &row.id, Some("active"), "expired")
                .await?;
        }
        return Err(e);
    }
    Ok(row)
}

/// `POST /api/one-time-tokens/verify`: checks and consumes the token (once, whatever
/// concurrent verifies do).
pub async fn verify(
    store: &Store,
    tenant: &str,
    token: &str,
    email: &str,
    now: i64,
) -> Result<OneTimeToken, DomainError> {
    let row = check(store, tenant, token, email, now).await?;
    consume(store, tenant, &row, now).await?;
    let mut row = row;
    row.status = "consumed".into();
    Ok(to_wire(row, Some(token.to_string())))
}

/// The context a token was created with.
pub fn context_of(row: &OneTimeTokenRow) -> TokenContext {
    serde_json::from_str(&row.context).unwrap_or_default()
}

/// Consumes a checked token: `token_consumed` when a concurrent use took it first.
pub async fn consume(
    store: &Store,
    tenant: &str,
    row: &OneTimeTokenRow,
    now: i64,
) -> Result<(), DomainError> {
    // Still active and unexpired at this instant, or nothing.
    if row.expires_at <= now
        || !store
            .one_time_token_set_status(tenant, &row.id, Some("active"), "consumed")
            .await?
    {
        return Err(refused(
            400,
            "one_time_token.token_consumed",
            "The token has been consumed.",
        ));
    }
    Ok(())
}

/// `PUT /api/one-time-tokens/:id/status`: any status but `active` (a token is never
/// reactivated).
pub async fn set_status(
    store: &Store,
    tenant: &str,
    id: &str,
    status: &str,
    now: i64,
) -> Result<OneTimeToken, DomainError> {
    if store.one_time_token_find(tenant, id, now).await?.is_none() {
        return Err(not_exists(id));
    }
    if status == "active" {
        return Err(refused(
            400,
            "one_time_token.cannot_reactivate_token",
            "Cannot reactivate the token.",
        ));
    }
    store
        .one_time_token_set_status(tenant, id, None, status)
        .await?;
    find(store, tenant, id, now)
        .await?
        .ok_or_else(|| not_exists(id))
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.one_time_token_delete(tenant, id).await?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_32_letters_and_digits() {
        for _ in 0..50 {
            let t = super::new_token();
            assert_eq!(t.len(), 32);
            assert!(t.bytes().all(|b| b.is_ascii_alphanumeric()));
        }
    }
}
